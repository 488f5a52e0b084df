package io.zklayer.node.network;

import static io.zklayer.node.network.TestNetwork.address;
import static io.zklayer.node.network.TestNetwork.await;
import static io.zklayer.node.network.TestNetwork.best;
import static io.zklayer.node.network.TestNetwork.canonical;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zklayer.consensus.SlotDigests;
import io.zklayer.node.client.RpcClient;
import io.zklayer.node.service.Node;
import io.zklayer.node.txpool.SubmitOutcome;
import io.zklayer.pallets.balances.BalancesCall;
import io.zklayer.pallets.balances.BalancesPallet;
import io.zklayer.pallets.system.SystemStorage;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Call;
import io.zklayer.primitives.types.ExtrinsicSigner;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import io.zklayer.primitives.types.MultiAddress;
import io.zklayer.runtime.ZklayerRuntime;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes in one JVM over real TCP on loopback and real RocksDB: two validators that only see each
 * other's blocks through the network build one chain and finalize it by voting over the network, a
 * full node started later syncs it from genesis and finalizes through the justifications it is
 * sent, and a transaction submitted to the full node is gossiped to the authors and included.
 */
class ChainNetworkTest {
    @TempDir
    Path dir;

    @Test
    void twoValidatorsBuildOneChainAFreshNodeSyncsItAndGossipedTransactionsAreIncluded() throws Exception {
        try (TestNetwork net = new TestNetwork(dir, 2, 1000, 1)) {
            Node alice = net.start("alice", Optional.of(DevAccounts.ALICE), List.of());
            Node bob = net.start("bob", Optional.of(DevAccounts.BOB), List.of(address(alice)));

            await("both validators at #6 with one peer each", Duration.ofSeconds(60),
                    () -> best(alice) >= 6 && best(bob) >= 6 && alice.network().get().peerCount() == 1
                            && bob.network().get().peerCount() == 1);
            long agreed = Math.min(best(alice), best(bob)) - 1;
            Set<Long> slotParities = new HashSet<>();
            for (long n = 1; n <= agreed; n++) {
                assertThat(canonical(bob, n)).as("block #%d", n).isEqualTo(canonical(alice, n));
                Header h = alice.backend().header(canonical(alice, n)).orElseThrow();
                slotParities.add(SlotDigests.slotOf(h).getAsLong() % 2);
            }
            assertThat(slotParities).as("blocks of both authors' slots").hasSize(2);
            await("both validators finalized #3 by voting over the network", Duration.ofSeconds(60),
                    () -> alice.backend().finalized().number() >= 3 && bob.backend().finalized().number() >= 3);
            long fin = Math.min(alice.backend().finalized().number(), bob.backend().finalized().number());
            assertThat(canonical(bob, fin)).isEqualTo(canonical(alice, fin));
            assertThat(alice.backend().justification(canonical(alice, fin))).as("the justification is stored").isPresent();

            Node charlie = net.start("charlie", Optional.empty(), List.of(address(bob)));
            long target = best(alice);
            await("the full node synced to #" + target, Duration.ofSeconds(60), () -> best(charlie) >= target);
            for (long n = 1; n <= target - 1; n++) {
                assertThat(canonical(charlie, n)).as("synced block #%d", n).isEqualTo(canonical(alice, n));
            }
            assertThat(charlie.isAuthority()).isFalse();
            await("the full node finalized through the synced justifications and commits", Duration.ofSeconds(30),
                    () -> charlie.backend().finalized().number() >= fin);

            AccountId32 ferdie = AccountId32.of(DevAccounts.FERDIE.publicKey().bytes());
            BigInteger before = SystemStorage.ACCOUNT.get(alice.backend().stateAt(alice.backend().best().hash()), ferdie)
                    .data().free();
            byte[] transfer = transfer(alice.backend().genesis().hash(), DevAccounts.EVE, ferdie, BigInteger.valueOf(12_345));
            assertThat(charlie.submitTransaction(transfer)).isInstanceOf(SubmitOutcome.Accepted.class);
            await("the transfer submitted to the full node is included by an author", Duration.ofSeconds(60), () ->
                    SystemStorage.ACCOUNT.get(alice.backend().stateAt(alice.backend().best().hash()), ferdie).data().free()
                            .equals(before.add(BigInteger.valueOf(12_345))));

            try (RpcClient rpc = RpcClient.connect("http://127.0.0.1:" + charlie.rpcAddress().getPort())) {
                JsonNode health = rpc.call("system_health");
                assertThat(health.get("peers").asInt()).isGreaterThanOrEqualTo(1);
                assertThat(health.get("isSyncing").asBoolean()).isFalse();
                assertThat(health.get("shouldHavePeers").asBoolean()).isTrue();
                assertThat(rpc.call("system_localPeerId").asText())
                        .isEqualTo(charlie.network().get().localPeerId().toBase58());
                assertThat(rpc.call("system_localListenAddresses").get(0).asText())
                        .startsWith("/ip4/127.0.0.1/tcp/").endsWith("/p2p/" + charlie.network().get().localPeerId().toBase58());
                JsonNode peers = rpc.call("system_peers");
                Set<String> ids = new HashSet<>();
                peers.forEach(p -> ids.add(p.get("peerId").asText()));
                assertThat(ids).contains(bob.network().get().localPeerId().toBase58());
                assertThat(rpc.call("system_nodeRoles").get(0).asText()).isEqualTo("Full");
            }
        }
    }

    static byte[] transfer(H256 genesis, DevAccounts from, AccountId32 to, BigInteger amount) {
        byte[] b = BalancesCall.CODEC.encode(new BalancesCall.TransferKeepAlive(MultiAddress.id(to), amount));
        Call call = new Call(BalancesPallet.INDEX, b[0] & 0xFF, Arrays.copyOfRange(b, 1, b.length));
        return new ExtrinsicSigner(ZklayerRuntime.VERSION.specVersion(), ZklayerRuntime.VERSION.transactionVersion(), genesis)
                .sign(from.keyPair(), call, 0, BigInteger.ZERO).encode();
    }
}
