package io.zklayer.testnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zklayer.consensus.epoch.EpochDigest;
import io.zklayer.genesis.ChainSpecs;
import io.zklayer.genesis.DevModels;
import io.zklayer.pallets.inference.InferenceEvent;
import io.zklayer.pallets.inference.InferencePallet;
import io.zklayer.pallets.payment.TransactionPaymentEvent;
import io.zklayer.pallets.payment.TransactionPaymentPallet;
import io.zklayer.pallets.system.AccountInfo;
import io.zklayer.pallets.system.SystemStorage;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.crypto.Ss58;
import io.zklayer.primitives.hashing.StorageKeys;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.EventRecord;
import io.zklayer.primitives.types.Header;
import io.zklayer.primitives.types.RuntimeEvent;
import io.zklayer.runtime.RuntimeParameters;
import io.zklayer.runtime.ZklayerRuntime;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pool node as its own process: {@code testnet/local up -n 3} then {@code add --pool-worker //Ferdie}
 * (a syncing node that runs the pool worker for //Ferdie, with the digits model the local preset
 * registers as model 0). //Ferdie joins digits' pool with {@code zklayer pool join --wait} in epoch e and
 * //Bob submits a digits workload right after, still in epoch e: the workload stays queued in every block
 * up to the last of epoch e (no node serves digits yet), is assigned to //Ferdie in the first block of
 * epoch e + 1, and completes with the proof verified on chain ({@code Inference.ResultAccepted}) and
 * //Ferdie's free balance raised by exactly the price minus the fee of its result. A second workload,
 * submitted in epoch e + 1 or later, is assigned in the next block and completes too
 * ({@code workload submit --wait}, which also checks the proof locally).
 *
 * <p>Three validators, not four: finality ({@code --wait} follows transactions to finality) needs all
 * three to vote, which they do as long as none is stopped, and nothing here stops one; the spared JVM
 * leaves the two cores to the pool node's proving. Epochs are read from the headers' epoch
 * announcements (the first block of epoch x carries x's validator set).
 */
class PoolNodeProcessTest {
    private static final Duration STEP = Duration.ofSeconds(120);
    private static final int POOL_NODE = 3;
    private static final AccountId32 FERDIE = AccountId32.of(DevAccounts.FERDIE.publicKey().bytes());
    private static final AccountId32 BOB = AccountId32.of(DevAccounts.BOB.publicKey().bytes());
    private static final String FERDIE_SS58 = Ss58.encode(FERDIE.bytes());
    private static final BigInteger BOND = RuntimeParameters.UNIT.multiply(BigInteger.valueOf(100));
    private static final Pattern FINALIZED_IN = Pattern.compile("Finalized in block #(\\d+)");
    private static final Pattern SAMPLE_LABEL = Pattern.compile("Sample (\\d+) \\(label (\\d+)\\)");

    @TempDir
    Path dir;

    @Test
    void aPoolNodeJoiningInEpochEIsAssignedWorkloadsFromTheFirstBlockOfEpochEPlusOneAndPaidForVerifiedProofs()
            throws Exception {
        try (LocalTestnet net = new LocalTestnet(dir.resolve("run"))) {
            assertThat(net.up(3)).contains("Testnet of 3 validators", "node 2 started");
            assertThat(net.addPoolWorker("//Ferdie"))
                    .contains("node 3 runs the pool worker for //Ferdie", "node 3 started");
            net.await("the pool node connected to the 3 validators and synced", STEP, () -> net.peers(POOL_NODE) == 3
                    && net.best(POOL_NODE) >= 2 && net.best(POOL_NODE) >= net.best(0) - 1);
            assertThat(net.log(POOL_NODE)).contains("Pool worker: model digits ready to prove",
                    "Pool worker for node " + FERDIE_SS58);
            JsonNode genesisPool = net.rpc(0, "zklayer_pool", DevModels.DIGITS_ID).orElseThrow();
            assertThat(genesisPool.get("nodes")).as("the local preset registers digits with an empty pool").isEmpty();

            // Join early in an epoch, so that the join (followed to finality) and the workload both land in it.
            long epochStart = awaitEpochStart(net);
            String join = net.cliWs(0, "pool", "join", "--from", "//Ferdie", "--models", "0", "--compute-units", "100",
                    "--bond", "100", "--wait");
            assertThat(join).contains("Pools.NodeRegistered", "Result: success");
            String submitted = net.cli(0, "workload", "submit", "--model", "digits", "--sample", "3", "--from", "//Bob");
            assertThat(submitted).contains("Workload for model digits v1 (id 0)", "Submitted 0x");
            long joinedAt = firstInt(FINALIZED_IN, join);
            long e = epochAt(net, joinedAt);
            assertThat(joinedAt).isGreaterThanOrEqualTo(epochStart);

            JsonNode ferdieNode = net.rpc(0, "zklayer_nodes", net.hashAt(0, joinedAt)).orElseThrow().get(0);
            assertThat(ferdieNode.get("account").asText()).isEqualTo(FERDIE_SS58);
            assertThat(ferdieNode.get("status").asText()).isEqualTo("pending");
            assertThat(ferdieNode.get("statusEpoch").asLong()).as("active from epoch e + 1").isEqualTo(e + 1);

            long[] included = {-1};
            net.await("workload 0 in a block", STEP, () -> net.rpc(0, "zklayer_workload", 0)
                    .filter(w -> w.isObject()).map(w -> included[0] = w.get("submittedAt").asLong()).isPresent());
            long submittedAt = included[0];
            assertThat(epochAt(net, submittedAt)).as("workload 0 (block #%d) submitted in the join's epoch %d (join in #%d)",
                    submittedAt, e, joinedAt).isEqualTo(e);
            assertThat(net.rpc(0, "zklayer_pool", DevModels.DIGITS_ID, net.hashAt(0, submittedAt)).orElseThrow().get("nodes"))
                    .as("no node serves digits in epoch e").isEmpty();

            long next = awaitAnnouncement(net, e + 1, submittedAt);
            for (long n = submittedAt; n < next; n++) {
                assertThat(statusAt(net, 0, n).get("kind").asText()).as("workload 0 at block #%d of epoch %d", n, e)
                        .isEqualTo("queued");
            }
            JsonNode assigned = statusAt(net, 0, next);
            assertThat(assigned.get("kind").asText()).as("workload 0 at #%d, the first block of epoch %d", next, e + 1)
                    .isEqualTo("assigned");
            assertThat(assigned.get("node").asText()).isEqualTo(FERDIE_SS58);
            assertThat(assigned.get("assignedAt").asLong()).isEqualTo(next);
            assertThat(net.rpc(0, "zklayer_pool", DevModels.DIGITS_ID, net.hashAt(0, next)).orElseThrow().get("nodes")
                    .get(0).get("account").asText()).isEqualTo(FERDIE_SS58);

            JsonNode[] done = {null};
            net.await("workload 0 completed", STEP, () -> net.rpc(0, "zklayer_workload", 0)
                    .map(w -> w.get("status")).filter(s -> !s.get("kind").asText().equals("assigned")
                            && !s.get("kind").asText().equals("queued")).map(s -> done[0] = s).isPresent());
            assertThat(done[0].get("kind").asText()).as("workload 0: %s", done[0]).isEqualTo("completed");
            assertThat(done[0].get("node").asText()).isEqualTo(FERDIE_SS58);
            assertThat(done[0].get("output").asText()).as("class 3").isEqualTo("0x03000000");
            long completedAt = done[0].get("at").asLong();
            assertThat(completedAt).isGreaterThan(next).isLessThanOrEqualTo(assigned.get("deadline").asLong());
            assertThat(net.log(POOL_NODE)).contains("Workload 0 (digits)", "result submitted");

            // Paid: ResultAccepted (the runtime verified the proof) and //Ferdie's exact balances.
            List<RuntimeEvent> events = events(net, completedAt);
            InferenceEvent.ResultAccepted accepted = events.stream().filter(x -> x.palletIndex() == InferencePallet.INDEX)
                    .map(PoolNodeProcessTest::inference).filter(x -> x instanceof InferenceEvent.ResultAccepted)
                    .map(x -> (InferenceEvent.ResultAccepted) x).findFirst().orElseThrow(() ->
                            new AssertionError("no Inference.ResultAccepted in block #" + completedAt));
            assertThat(accepted.id()).isZero();
            assertThat(accepted.node()).isEqualTo(FERDIE);
            assertThat(accepted.price()).isEqualTo(DevModels.DIGITS_PRICE);
            BigInteger resultFee = feePaidBy(events(net, completedAt), FERDIE);
            BigInteger joinFee = feePaidBy(events(net, joinedAt), FERDIE);
            AccountInfo before = account(net, FERDIE, completedAt - 1);
            AccountInfo after = account(net, FERDIE, completedAt);
            assertThat(after.data().free().subtract(before.data().free())).as("price minus the result's fee")
                    .isEqualTo(DevModels.DIGITS_PRICE.subtract(resultFee));
            assertThat(after.data().reserved()).as("the bond").isEqualTo(BOND);
            assertThat(after.data().free()).as("endowment - bond - join fee - result fee + price").isEqualTo(
                    ChainSpecs.PRESET_ENDOWMENT.subtract(BOND).subtract(joinFee).subtract(resultFee).add(DevModels.DIGITS_PRICE));
            assertThat(account(net, BOB, completedAt - 1).data().reserved()).as("Bob's escrow").isEqualTo(DevModels.DIGITS_PRICE);
            assertThat(account(net, BOB, completedAt).data().reserved()).as("escrow paid out").isZero();

            // A second workload, submitted once //Ferdie serves digits, is assigned in the next block and completes.
            String second = net.cliWs(0, "workload", "submit", "--model", "digits", "--sample", "7", "--from", "//Bob", "--wait");
            Matcher label = SAMPLE_LABEL.matcher(second);
            assertThat(label.find()).as(second).isTrue();
            assertThat(second).contains("Workload 1: completed in block #", "by node " + FERDIE_SS58,
                    "Output: class " + label.group(2), "Proof: verified on chain (Inference.ResultAccepted",
                    DevModels.DIGITS_PRICE + " planck paid to the node", "Proof: verified here");
            long secondAt = net.rpc(0, "zklayer_workload", 1).orElseThrow().get("submittedAt").asLong();
            assertThat(epochAt(net, secondAt)).as("workload 1 submitted in epoch e + 1 or later").isGreaterThan(e);
            JsonNode secondAssigned = statusAt(net, 1, secondAt + 1);
            assertThat(secondAssigned.get("kind").asText()).as("workload 1 the block after its submission").isEqualTo("assigned");
            assertThat(secondAssigned.get("node").asText()).isEqualTo(FERDIE_SS58);
            System.out.printf("pool join in #%d (epoch %d), workload 0 in #%d, queued to #%d, assigned in #%d (epoch %d),"
                    + " completed in #%d (fee %s planck); workload 1 in #%d (epoch %d)%n", joinedAt, e, submittedAt, next - 1,
                    next, e + 1, completedAt, resultFee, secondAt, epochAt(net, secondAt));
        }
    }

    // Waits until node 0's best (or the block before it) is the first block of an epoch; returns that block.
    private static long awaitEpochStart(LocalTestnet net) throws Exception {
        long[] start = {-1};
        net.await("the first block of an epoch", STEP, () -> {
            long best = net.best(0);
            for (long n = best; n >= Math.max(1, best - 1); n--) {
                Header h = net.header(0, n);
                if (h != null && EpochDigest.single(h).isPresent()) {
                    start[0] = n;
                    return true;
                }
            }
            return false;
        });
        return start[0];
    }

    // Waits for the block announcing epoch `epoch` (its first block), searching from block `from`.
    private static long awaitAnnouncement(LocalTestnet net, long epoch, long from) throws Exception {
        long[] found = {-1};
        long[] scanned = {from};
        net.await("the first block of epoch " + epoch, STEP, () -> {
            for (long n = scanned[0] + 1; n <= net.best(0); n++) {
                Header h = net.header(0, n);
                if (h == null) {
                    return false;
                }
                scanned[0] = n;
                var a = EpochDigest.single(h);
                if (a.isPresent()) {
                    assertThat(a.get().epoch()).as("the announcement at #%d", n).isEqualTo(epoch);
                    found[0] = n;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    // The epoch of block n: that of the nearest announcement at or below it (the first block of each epoch).
    private static long epochAt(LocalTestnet net, long n) {
        for (long k = n; k >= 1; k--) {
            var a = EpochDigest.single(net.header(0, k));
            if (a.isPresent()) {
                return a.get().epoch();
            }
        }
        return 0;
    }

    private static JsonNode statusAt(LocalTestnet net, long workload, long block) {
        return net.rpc(0, "zklayer_workload", workload, net.hashAt(0, block)).orElseThrow().get("status");
    }

    private static AccountInfo account(LocalTestnet net, AccountId32 who, long block) {
        String raw = net.rpc(0, "state_getStorage", Hex.encode(SystemStorage.ACCOUNT.key(who)), net.hashAt(0, block))
                .orElseThrow().asText();
        return AccountInfo.CODEC.decode(Hex.decode(raw));
    }

    private static List<RuntimeEvent> events(LocalTestnet net, long block) {
        String raw = net.rpc(0, "state_getStorage", Hex.encode(StorageKeys.prefix("System", "Events")), net.hashAt(0, block))
                .orElseThrow().asText();
        List<RuntimeEvent> out = new ArrayList<>();
        for (EventRecord r : EventRecord.listCodec(ZklayerRuntime.create(RuntimeParameters.defaults()).eventLayout())
                .decode(Hex.decode(raw))) {
            out.add(r.event());
        }
        return out;
    }

    private static InferenceEvent inference(RuntimeEvent e) {
        return InferenceEvent.CODEC.decode(withIndex(e));
    }

    // The fee `who` paid in the block's TransactionPayment.TransactionFeePaid event (exactly one expected).
    private static BigInteger feePaidBy(List<RuntimeEvent> events, AccountId32 who) {
        List<BigInteger> fees = events.stream().filter(e -> e.palletIndex() == TransactionPaymentPallet.INDEX)
                .map(e -> TransactionPaymentEvent.CODEC.decode(withIndex(e)))
                .filter(e -> e instanceof TransactionPaymentEvent.TransactionFeePaid p && p.who().equals(who))
                .map(e -> ((TransactionPaymentEvent.TransactionFeePaid) e).actualFee()).toList();
        assertThat(fees).as("fees paid by %s", who).hasSize(1);
        assertThat(fees.get(0)).isPositive();
        return fees.get(0);
    }

    private static byte[] withIndex(RuntimeEvent e) {
        byte[] enc = new byte[1 + e.fields().length];
        enc[0] = (byte) e.eventIndex();
        System.arraycopy(e.fields(), 0, enc, 1, e.fields().length);
        return enc;
    }

    private static long firstInt(Pattern p, String text) {
        Matcher m = p.matcher(text);
        assertThat(m.find()).as("'%s' in:\n%s", p.pattern(), text).isTrue();
        return Long.parseLong(m.group(1));
    }
}
