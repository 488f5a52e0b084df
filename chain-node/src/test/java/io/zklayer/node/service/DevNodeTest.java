package io.zklayer.node.service;

import static io.zklayer.node.service.DevNodeHarness.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.zklayer.node.client.RpcClientException;
import io.zklayer.node.client.RpcSubscription;
import io.zklayer.pallets.balances.BalancesEvent;
import io.zklayer.pallets.balances.BalancesPallet;
import io.zklayer.pallets.system.SystemEvent;
import io.zklayer.pallets.system.SystemPallet;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.hashing.StorageKeys;
import io.zklayer.primitives.types.EventRecord;
import io.zklayer.primitives.types.ExtrinsicSigner;
import io.zklayer.primitives.types.H256;
import io.zklayer.runtime.DispatchError;
import io.zklayer.runtime.RuntimeParameters;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An in-process dev node with RocksDB and real HTTP + WebSocket RPC (issue: dev node). */
class DevNodeTest {
    private static final BigInteger UNIT = RuntimeParameters.UNIT;

    @TempDir
    Path dir;

    private static List<EventRecord> events(DevNodeHarness h, String blockHash) {
        String key = Hex.encode(StorageKeys.prefix("System", "Events"));
        String raw = h.http.call("state_getStorage", key, blockHash).asText();
        return EventRecord.listCodec(h.node.runtime().eventLayout()).decode(Hex.decode(raw));
    }

    private static <E> List<E> eventsOf(List<EventRecord> records, int pallet, io.zklayer.primitives.codec.ScaleCodec<E> codec) {
        List<E> out = new java.util.ArrayList<>();
        for (EventRecord r : records) {
            if (r.event().palletIndex() == pallet) {
                byte[] f = r.event().fields();
                byte[] all = new byte[f.length + 1];
                all[0] = (byte) r.event().eventIndex();
                System.arraycopy(f, 0, all, 1, f.length);
                out.add(codec.decode(all));
            }
        }
        return out;
    }

    @Test
    void aSignedTransferGoesFromSubmitAndWatchToFinalizedAndMovesBalances() throws Exception {
        try (DevNodeHarness h = new DevNodeHarness(dir.resolve("db"))) {
            BigInteger amount = UNIT.multiply(BigInteger.valueOf(12));
            var aliceBefore = h.accountInfo(DevAccounts.ALICE, null);
            var bobBefore = h.accountInfo(DevAccounts.BOB, null);
            assertThat(h.nextIndex(DevAccounts.ALICE)).isZero();
            String xt = h.signed(DevAccounts.ALICE.keyPair(), DevNodeHarness.transferKeepAlive(DevAccounts.BOB, amount), 0);
            BigInteger fee = new BigInteger(h.http.call("payment_queryInfo", xt).get("partialFee").asText());

            List<JsonNode> statuses = new CopyOnWriteArrayList<>();
            RpcSubscription sub = h.ws.subscribe("author_submitAndWatchExtrinsic", List.of(xt), "author_unwatchExtrinsic",
                    statuses::add);
            DevNodeHarness.await("finalized status", Duration.ofSeconds(30),
                    () -> statuses.stream().anyMatch(s -> s.has("finalized")));
            sub.close();
            assertThat(statuses.get(0).asText()).isEqualTo("ready");
            String inBlock = statuses.stream().filter(s -> s.has("inBlock")).findFirst().orElseThrow().get("inBlock").asText();
            String finalized = statuses.stream().filter(s -> s.has("finalized")).findFirst().orElseThrow().get("finalized").asText();
            assertThat(finalized).isEqualTo(inBlock);

            var aliceAfter = h.accountInfo(DevAccounts.ALICE, inBlock);
            var bobAfter = h.accountInfo(DevAccounts.BOB, inBlock);
            assertThat(aliceAfter.data().free()).isEqualTo(aliceBefore.data().free().subtract(amount).subtract(fee));
            assertThat(bobAfter.data().free()).isEqualTo(bobBefore.data().free().add(amount));
            assertThat(aliceAfter.nonce()).isEqualTo(1);
            assertThat(h.nextIndex(DevAccounts.ALICE)).isEqualTo(1);

            List<EventRecord> records = events(h, inBlock);
            assertThat(eventsOf(records, BalancesPallet.INDEX, BalancesEvent.CODEC))
                    .contains(new BalancesEvent.Transfer(account(DevAccounts.ALICE), account(DevAccounts.BOB), amount));
            assertThat(eventsOf(records, SystemPallet.INDEX, SystemEvent.CODEC))
                    .filteredOn(e -> e instanceof SystemEvent.ExtrinsicSuccess).hasSize(2); // timestamp + transfer
            JsonNode block = h.http.call("chain_getBlock", inBlock).get("block");
            assertThat(block.get("extrinsics")).extracting(JsonNode::asText).contains(xt);
        }
    }

    @Test
    void restartOnTheSameBasePathKeepsTheChainAndContinues() throws Exception {
        Path db = dir.resolve("db");
        long number;
        String hash;
        String root;
        BigInteger bob;
        try (DevNodeHarness h = new DevNodeHarness(db)) {
            String xt = h.signed(DevAccounts.ALICE.keyPair(), DevNodeHarness.transferKeepAlive(DevAccounts.BOB, UNIT), 0);
            h.http.call("author_submitExtrinsic", xt);
            DevNodeHarness.await("the transfer in a block", Duration.ofSeconds(30), () -> h.nextIndex(DevAccounts.ALICE) == 1
                    && h.node.pool().pending().isEmpty());
            JsonNode header = h.http.call("chain_getHeader");
            number = Long.decode(header.get("number").asText());
            hash = h.http.call("chain_getBlockHash", number).asText();
            root = h.http.call("chain_getHeader", hash).get("stateRoot").asText();
            bob = h.accountInfo(DevAccounts.BOB, hash).data().free();
        }
        try (DevNodeHarness h = new DevNodeHarness(db)) {
            assertThat(h.http.call("chain_getBlockHash", number).asText()).isEqualTo(hash);
            assertThat(h.http.call("chain_getHeader", hash).get("stateRoot").asText()).isEqualTo(root);
            assertThat(h.accountInfo(DevAccounts.BOB, hash).data().free()).isEqualTo(bob);
            assertThat(h.nextIndex(DevAccounts.ALICE)).isEqualTo(1);
            DevNodeHarness.await("a new block after restart", Duration.ofSeconds(20), () -> h.bestNumber() > number);
        }
    }

    private static void assertRpcError(Runnable call, int code, String messagePart) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RpcClientException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.rpcMessage() + " " + e.data().map(JsonNode::toString).orElse("")).contains(messagePart);
        });
    }

    @Test
    void badInputGetsAClearErrorAndTheNodeKeepsServing() throws Exception {
        try (DevNodeHarness h = new DevNodeHarness(dir.resolve("db"))) {
            var alice = DevAccounts.ALICE.keyPair();
            String good = h.signed(alice, DevNodeHarness.transferKeepAlive(DevAccounts.BOB, UNIT), 0);
            assertRpcError(() -> h.http.call("author_submitExtrinsic", "0xnothex"), -32602, "parameter 0 (extrinsic)");
            assertRpcError(() -> h.http.call("author_submitExtrinsic", good.substring(0, good.length() - 10)), 1001, "UncheckedExtrinsic");
            byte[] bad = Hex.decode(good);
            bad[40] ^= 1;
            assertRpcError(() -> h.http.call("author_submitExtrinsic", Hex.encode(bad)), 1010, "bad signature");
            ExtrinsicSigner otherChain = new ExtrinsicSigner(1, 1, H256.blake2b256Of(new byte[] {7}));
            assertRpcError(() -> h.http.call("author_submitExtrinsic", Hex.encode(otherChain.sign(alice,
                    DevNodeHarness.transferKeepAlive(DevAccounts.BOB, UNIT), 0, BigInteger.ZERO).encode())), 1010, "bad signature");
            var charlieless = io.zklayer.primitives.crypto.Ed25519KeyPair.fromSecretUri("//Nobody");
            assertRpcError(() -> h.http.call("author_submitExtrinsic", h.signed(charlieless,
                    DevNodeHarness.transferKeepAlive(DevAccounts.BOB, UNIT), 0)), 1010, "fees");

            // a future nonce waits in the pool; once the gap is filled both are included; then 0 is stale
            String future = h.signed(alice, DevNodeHarness.transferKeepAlive(DevAccounts.BOB, UNIT), 1);
            h.http.call("author_submitExtrinsic", future);
            assertThat(h.node.pool().futureCount()).isEqualTo(1);
            h.http.call("author_submitExtrinsic", good);
            DevNodeHarness.await("both included", Duration.ofSeconds(30), () -> h.accountInfo(DevAccounts.ALICE, null).nonce() == 2);
            assertRpcError(() -> h.http.call("author_submitExtrinsic", h.signed(alice,
                    DevNodeHarness.transferKeepAlive(DevAccounts.BOB, UNIT), 0)), 1010, "outdated");

            // a transfer below the existential deposit to a new account is included, fails, and says why
            List<JsonNode> statuses = new CopyOnWriteArrayList<>();
            h.ws.subscribe("author_submitAndWatchExtrinsic", List.of(h.signed(alice,
                    DevNodeHarness.transferAllowDeath(
                    io.zklayer.primitives.types.AccountId32.of(charlieless.publicKey().bytes()), BigInteger.ONE), 2)), "author_unwatchExtrinsic",
                    statuses::add);
            DevNodeHarness.await("in block", Duration.ofSeconds(30), () -> statuses.stream().anyMatch(s -> s.has("inBlock")));
            String in = statuses.stream().filter(s -> s.has("inBlock")).findFirst().orElseThrow().get("inBlock").asText();
            assertThat(eventsOf(events(h, in), SystemPallet.INDEX, SystemEvent.CODEC))
                    .filteredOn(e -> e instanceof SystemEvent.ExtrinsicFailed)
                    .extracting(e -> ((SystemEvent.ExtrinsicFailed) e).dispatchError())
                    .containsExactly(new DispatchError.Token(DispatchError.TokenError.BELOW_MINIMUM));

            // RPC misuse
            assertRpcError(() -> h.http.call("nothing_here"), -32601, "nothing_here");
            assertRpcError(() -> h.http.call("chain_getBlockHash", "twelve"), -32602, "parameter 0 (number)");
            assertRpcError(() -> h.http.call("state_getStorage", 42), -32602, "parameter 0 (key)");
            assertThatThrownBy(() -> h.http.call("author_submitExtrinsic", "0x" + "00".repeat(40_000)))
                    .isInstanceOf(RpcClientException.class);
            for (int i = 0; i < 3; i++) {
                h.ws.subscribe("chain_subscribeNewHeads", List.of(), "chain_unsubscribeNewHeads", n -> { });
            }
            assertRpcError(() -> h.ws.subscribe("chain_subscribeNewHeads", List.of(), "chain_unsubscribeNewHeads", n -> { }),
                    -32006, "subscriptions");
            assertThat(h.bestNumber()).isPositive();

            JsonNode description = h.http.call("zklayer_runtimeDescription");
            JsonNode balances = null;
            for (JsonNode p : description.get("pallets")) {
                if (p.get("name").asText().equals("Balances")) {
                    balances = p;
                }
            }
            assertThat(balances).isNotNull();
            assertThat(balances.get("index").asInt()).isEqualTo(3);
            assertThat(balances.get("calls").toString()).contains("transfer_keep_alive", "Compact<u128>");
            assertThat(balances.get("constants").get(0).get("name").asText()).isEqualTo("ExistentialDeposit");
        }
    }
}
