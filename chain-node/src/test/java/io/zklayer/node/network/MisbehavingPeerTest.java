package io.zklayer.node.network;

import static io.zklayer.node.network.TestNetwork.address;
import static io.zklayer.node.network.TestNetwork.await;
import static io.zklayer.node.network.TestNetwork.best;
import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.consensus.SlotDigests;
import io.zklayer.node.network.protocol.BlockAnnounce;
import io.zklayer.consensus.network.BlockData;
import io.zklayer.node.network.protocol.BlockResponse;
import io.zklayer.node.network.protocol.ChainStatus;
import io.zklayer.node.network.protocol.ProtocolNames;
import io.zklayer.node.service.Node;
import io.zklayer.p2p.gossip.GossipConfig;
import io.zklayer.p2p.host.HostConfig;
import io.zklayer.p2p.node.P2pNode;
import io.zklayer.p2p.reqresp.RequestResponseLimits;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.types.Digest;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A raw libp2p peer that speaks the chain protocols but lies, against a real full node: serving a
 * block with a forged seal, announcing one, or claiming another genesis each gets it banned and
 * disconnected, and the node's chain is untouched. A banned peer that dials again is dropped.
 */
class MisbehavingPeerTest {
    private static final RequestResponseLimits LIMITS = new RequestResponseLimits(1 << 20, 16 << 20, 10_000);

    @TempDir
    Path dir;

    @Test
    void aPeerServingABlockWithAForgedSealIsBannedAndCannotReconnect() throws Exception {
        try (TestNetwork net = new TestNetwork(dir, 2, 1000, 2)) {
            Node dave = net.start("dave", Optional.empty(), List.of());
            H256 genesis = dave.backend().genesis().hash();
            Header forged = forgedChild(dave.backend().header(genesis).orElseThrow());
            ProtocolNames names = ProtocolNames.forGenesis(genesis);
            try (P2pNode evil = evilPeer(net)) {
                evil.requestResponse(names.status(), LIMITS, (peer, req) -> CompletableFuture.completedFuture(
                        status(genesis, 1, forged.hash()).encode()));
                evil.requestResponse(names.sync(), LIMITS, (peer, req) -> CompletableFuture.completedFuture(
                        new BlockResponse(List.of(new BlockData(forged.hash(), Optional.of(forged), Optional.of(List.of()),
                                Optional.empty()))).encode()));
                evil.dial(address(dave)).get(5, TimeUnit.SECONDS);

                NetworkService network = dave.network().orElseThrow();
                await("the forger banned", Duration.ofSeconds(20), () -> network.isBanned(evil.peerId()).join());
                await("the forger disconnected", Duration.ofSeconds(10), () -> evil.connectedPeers().isEmpty());
                assertThat(network.reputationOf(evil.peerId()).get()).isLessThanOrEqualTo(PeerReputation.BAN_THRESHOLD);
                assertThat(best(dave)).as("nothing imported").isZero();
                assertThat(dave.backend().header(forged.hash())).isEmpty();

                evil.dial(address(dave)).handle((c, e) -> null).get(5, TimeUnit.SECONDS);
                await("the banned peer dropped again", Duration.ofSeconds(10), () -> evil.connectedPeers().isEmpty()
                        && dave.network().get().p2p().connectedPeers().isEmpty());
                assertThat(network.peerCount()).isZero();
            }
        }
    }

    @Test
    void aPeerAnnouncingABlockWithAForgedSealIsBanned() throws Exception {
        try (TestNetwork net = new TestNetwork(dir, 2, 1000, 3)) {
            Node dave = net.start("dave", Optional.empty(), List.of());
            H256 genesis = dave.backend().genesis().hash();
            ProtocolNames names = ProtocolNames.forGenesis(genesis);
            try (P2pNode evil = evilPeer(net)) {
                evil.requestResponse(names.status(), LIMITS, (peer, req) -> CompletableFuture.completedFuture(
                        status(genesis, 0, genesis).encode()));
                evil.subscribe(names.blockAnnounces(), m -> { }).get(5, TimeUnit.SECONDS);
                evil.dial(address(dave)).get(5, TimeUnit.SECONDS);
                NetworkService network = dave.network().orElseThrow();
                await("the peer counted as a chain peer", Duration.ofSeconds(10), () -> network.peerCount() == 1);
                await("the node subscribed in the peer's view", Duration.ofSeconds(10), () -> evil.gossip()
                        .topicPeers(names.blockAnnounces()).join().contains(network.localPeerId()));

                Header forged = forgedChild(dave.backend().header(genesis).orElseThrow());
                evil.publish(names.blockAnnounces(), new BlockAnnounce(forged, true).encode()).get(5, TimeUnit.SECONDS);

                await("the announcer banned", Duration.ofSeconds(10), () -> network.isBanned(evil.peerId()).join());
                await("the announcer disconnected", Duration.ofSeconds(10), () -> evil.connectedPeers().isEmpty());
                assertThat(dave.backend().header(forged.hash())).isEmpty();
            }
        }
    }

    @Test
    void aPeerOfAnotherChainIsDisconnected() throws Exception {
        try (TestNetwork net = new TestNetwork(dir, 2, 1000, 4)) {
            Node dave = net.start("dave", Optional.empty(), List.of());
            H256 genesis = dave.backend().genesis().hash();
            H256 other = H256.blake2b256Of(new byte[] {42});
            try (P2pNode stranger = evilPeer(net)) {
                stranger.requestResponse(ProtocolNames.forGenesis(genesis).status(), LIMITS,
                        (peer, req) -> CompletableFuture.completedFuture(status(other, 0, other).encode()));
                stranger.dial(address(dave)).get(5, TimeUnit.SECONDS);

                await("the stranger disconnected", Duration.ofSeconds(10), () -> stranger.connectedPeers().isEmpty());
                assertThat(dave.network().get().isBanned(stranger.peerId()).get()).isTrue();
                assertThat(dave.network().get().peerCount()).isZero();
            }
        }
    }

    private static P2pNode evilPeer(TestNetwork net) throws Exception {
        P2pNode p = P2pNode.create(HostConfig.loopback(net.nextKey()), GossipConfig.defaults(), new SecureRandom());
        p.start().get(5, TimeUnit.SECONDS);
        return p;
    }

    private static ChainStatus status(H256 genesis, long best, H256 bestHash) {
        return new ChainStatus(ChainStatus.VERSION, ChainStatus.ROLE_FULL, genesis, best, bestHash, 0, genesis, List.of());
    }

    // Block #1 on genesis in the current slot, sealed by Ferdie, who is not a validator.
    private static Header forgedChild(Header parent) {
        long slot = System.currentTimeMillis() / 1000;
        Header unsealed = new Header(parent.hash(), 1, H256.blake2b256Of(new byte[] {1}), H256.blake2b256Of(new byte[] {2}),
                Digest.of(SlotDigests.slot(slot)));
        return SlotDigests.sealed(unsealed, SlotDigests.seal(DevAccounts.FERDIE.keyPair().sign(unsealed.hash().bytes()).bytes()));
    }
}
