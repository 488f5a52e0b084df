package io.zklayer.node.network;

import static io.zklayer.node.network.TestNetwork.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.consensus.BlockAuthor;
import io.zklayer.consensus.finality.FinalityMessage;
import io.zklayer.consensus.network.BlockData;
import io.zklayer.consensus.network.BlockRequest;
import io.zklayer.consensus.network.PeerRef;
import io.zklayer.consensus.network.PeerReport;
import io.zklayer.p2p.gossip.GossipConfig;
import io.zklayer.p2p.host.HostConfig;
import io.zklayer.p2p.node.P2pNode;
import io.zklayer.p2p.peer.HostKey;
import io.zklayer.primitives.types.Header;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two network services over in-memory chains ({@link FakeChain}) on real loopback sockets: range
 * sync across several requests and across a fork, the finality gadget's network interface
 * (gossip, direct messages, justification requests, peer reports), transaction gossip, and the
 * cost of malformed gossip.
 */
class NetworkServiceTest {
    private final Random seeds = new Random(7);
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        Collections.reverse(open);
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private HostKey key() {
        byte[] s = new byte[32];
        seeds.nextBytes(s);
        return HostKey.fromSecret(s);
    }

    private NetworkService start(FakeChain chain, NetworkService... bootnodes) throws InterruptedException {
        NetworkSettings settings = NetworkSettings.loopback(key(), false)
                .withBootnodes(java.util.Arrays.stream(bootnodes).map(b -> b.listenAddresses().get(0)).toList());
        NetworkService s = NetworkService.start(settings, chain);
        open.add(s);
        return s;
    }

    @Test
    void aFreshNodeSyncsAChainLongerThanOneResponse() throws Exception {
        FakeChain a = new FakeChain();
        a.extend(300, 0, 10);
        FakeChain b = new FakeChain();
        NetworkService na = start(a);
        NetworkService nb = start(b, na);

        await("b synced to #300", Duration.ofSeconds(30), () -> b.best().equals(a.best()));
        for (long n = 1; n <= 300; n++) {
            assertThat(b.canonicalHash(n)).isEqualTo(a.canonicalHash(n));
        }
        assertThat(b.body(b.best().hash()).orElseThrow().get(0).bytes()).hasSize(10);
        await("peers counted", Duration.ofSeconds(5), () -> na.peerCount() == 1 && nb.peerCount() == 1);
        assertThat(nb.isMajorSyncing()).isFalse();
        assertThat(nb.highestPeerBlock()).isEqualTo(300);
    }

    @Test
    void aNodeOnAShorterForkSearchesBackAndSwitchesToTheLongerChain() throws Exception {
        FakeChain a = new FakeChain();
        FakeChain b = new FakeChain();
        a.extend(50, 0, 0);
        b.extend(50, 0, 0);
        assertThat(b.best()).isEqualTo(a.best());
        a.extend(150, 1, 0);
        Header bTip = b.extend(20, 2, 0);

        NetworkService na = start(a);
        start(b, na);

        await("b on a's chain", Duration.ofSeconds(30), () -> b.best().equals(a.best()));
        assertThat(b.canonicalHash(51)).isEqualTo(a.canonicalHash(51));
        assertThat(b.header(bTip.hash())).as("the abandoned fork is still stored").isPresent();
    }

    @Test
    void justificationsComeWithSyncedBlocksAndAFalseOneCostsItsSender() throws Exception {
        FakeChain a = new FakeChain();
        a.extend(5, 0, 0);
        a.putJustification(a.canonicalHash(3).orElseThrow(), new byte[] {1, 2});
        a.putJustification(a.canonicalHash(5).orElseThrow(), new byte[] {(byte) 0xBA});
        FakeChain b = new FakeChain();
        NetworkService na = start(a);
        NetworkService nb = start(b, na);

        await("b synced", Duration.ofSeconds(20), () -> b.best().equals(a.best()));
        await("both justifications offered to b's gadget", Duration.ofSeconds(10),
                () -> b.offeredJustifications().size() == 2);
        assertThat(b.offeredJustifications()).extracting(h -> h.number()).containsExactly(3L, 5L);
        await("the false one banned its sender", Duration.ofSeconds(10), () -> nb.isBanned(na.localPeerId()).join());
    }

    @Test
    void finalityMessagesAreGossipedSentDirectlyAndJustificationsServed() throws Exception {
        FakeChain a = new FakeChain();
        Header h = a.extend(5, 0, 0);
        a.putJustification(h.hash(), new byte[] {9, 9, 9});
        FakeChain b = new FakeChain();
        NetworkService na = start(a);
        NetworkService nb = start(b, na);
        List<String> atA = Collections.synchronizedList(new ArrayList<>());
        List<String> atB = Collections.synchronizedList(new ArrayList<>());
        na.setInbound((from, m) -> atA.add(from + " " + m));
        nb.setInbound((from, m) -> atB.add(from + " " + m));
        await("peers know each other", Duration.ofSeconds(10), () -> nb.peers().size() == 1 && na.peers().size() == 1);
        PeerRef refA = nb.peers().get(0);
        PeerRef refB = na.peers().get(0);
        assertThat(refA.id()).isEqualTo(na.localPeerId().toBase58());
        await("b sees a on the finality topic", Duration.ofSeconds(10), () -> nb.p2p().gossip()
                .topicPeers(nb.protocolNames().finality()).join().contains(na.localPeerId()));

        nb.broadcast(new FinalityMessage.CatchUpRequest(3, 0));
        await("a got b's gossip", Duration.ofSeconds(10), () -> atA.size() == 1);
        assertThat(atA.get(0)).isEqualTo(refB + " " + new FinalityMessage.CatchUpRequest(3, 0));

        na.send(refB, new FinalityMessage.CatchUpRequest(4, 1));
        await("b got a's direct message", Duration.ofSeconds(10), () -> atB.size() == 1);
        assertThat(atB.get(0)).isEqualTo(refA + " " + new FinalityMessage.CatchUpRequest(4, 1));

        List<BlockData> got = nb.requestBlocks(refA, BlockRequest.justificationAt(5)).get(10, TimeUnit.SECONDS);
        assertThat(got).hasSize(1);
        assertThat(got.get(0).hash()).isEqualTo(h.hash());
        assertThat(got.get(0).header()).contains(h);
        assertThat(got.get(0).justification()).hasValueSatisfying(j -> assertThat(j).containsExactly(9, 9, 9));

        nb.report(refA, PeerReport.BAD_SIGNATURE);
        await("a banned at b", Duration.ofSeconds(10), () -> nb.isBanned(na.localPeerId()).join());
        await("a disconnected", Duration.ofSeconds(10), () -> na.peerCount() == 0);
    }

    @Test
    void gossipedTransactionsReachThePeersPoolAndMalformedGossipCostsItsPublisher() throws Exception {
        FakeChain a = new FakeChain();
        NetworkService na = start(a);
        NetworkService nb = start(new FakeChain(), na);
        await("b sees a on the transaction topic", Duration.ofSeconds(10), () -> nb.p2p().gossip()
                .topicPeers(nb.protocolNames().transactions()).join().contains(na.localPeerId()));
        byte[] xt = BlockAuthor.timestampInherent(1234);
        nb.propagateTransaction(xt);
        await("a's pool got it", Duration.ofSeconds(10), () -> a.transactions().size() == 1);
        assertThat(a.transactions().get(0)).containsExactly(xt);

        try (P2pNode raw = P2pNode.create(HostConfig.loopback(key()), GossipConfig.defaults(), new SecureRandom())) {
            raw.start().get(5, TimeUnit.SECONDS);
            raw.subscribe(na.protocolNames().finality(), m -> { }).get();
            raw.dial(na.listenAddresses().get(0)).get(5, TimeUnit.SECONDS);
            await("a known on the finality topic", Duration.ofSeconds(10), () -> raw.gossip()
                    .topicPeers(na.protocolNames().finality()).join().contains(na.localPeerId()));
            raw.publish(na.protocolNames().finality(), new byte[] {(byte) 0xEE, 1, 2}).get(5, TimeUnit.SECONDS);
            await("the publisher penalised", Duration.ofSeconds(10),
                    () -> na.reputationOf(raw.peerId()).join() == PeerReputation.Change.MALFORMED_MESSAGE.delta());
            assertThat(na.isBanned(raw.peerId()).get()).isFalse();
        }
    }
}
