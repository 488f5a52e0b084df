package io.zklayer.node.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zklayer.genesis.ChainSpec;
import io.zklayer.genesis.ChainSpecs;
import io.zklayer.genesis.ConsensusConfig;
import io.zklayer.genesis.GenesisConfig;
import io.zklayer.node.cli.CliEnvironment;
import io.zklayer.node.cli.ZklayerCli;
import io.zklayer.node.worker.PoolWorker;
import io.zklayer.node.worker.PoolWorkerLauncher;
import io.zklayer.pallets.balances.BalancesStorage;
import io.zklayer.pallets.inference.InferenceCall;
import io.zklayer.pallets.inference.InferenceEvent;
import io.zklayer.pallets.inference.InferencePallet;
import io.zklayer.pallets.inference.WorkloadInput;
import io.zklayer.pallets.models.ModelsCall;
import io.zklayer.pallets.models.ModelsEvent;
import io.zklayer.pallets.models.ModelsPallet;
import io.zklayer.pallets.payment.TransactionPaymentEvent;
import io.zklayer.pallets.pools.PoolsCall;
import io.zklayer.pallets.pools.PoolsPallet;
import io.zklayer.pallets.system.AccountInfo;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.hashing.StorageKeys;
import io.zklayer.primitives.model.InputSpec;
import io.zklayer.primitives.model.ModelTestData;
import io.zklayer.primitives.model.OutputSpec;
import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.primitives.model.ReferenceExecutor;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Call;
import io.zklayer.primitives.types.EventRecord;
import io.zklayer.primitives.types.RuntimeEvent;
import io.zklayer.runtime.RuntimeParameters;
import io.zklayer.sdk.Progress;
import io.zklayer.sdk.keys.KeySetup;
import io.zklayer.sdk.pack.ModelArtifact;
import io.zklayer.sdk.pack.ModelPackager;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verified inference loop on an in-process dev node (RocksDB, JSON-RPC, 1-second slots, 4-block
 * epochs): //Bob registers a model, //Charlie's node joins its pool and is active only from the next
 * epoch, //Dave submits five workloads, Charlie's pool worker proves them, and every result is accepted
 * with its proof verified in a block; balances move by exactly the price, the refunds and the fees. Then
 * the CLI's {@code workload submit --sample 0 --wait} runs against the same node. One key setup for the class.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerifiedInferenceTest {
    private static final long EPOCH = 4;
    private static final BigInteger UNIT = RuntimeParameters.UNIT;
    private static final BigInteger PRICE = UNIT;
    private static final BigInteger BOND = UNIT.multiply(BigInteger.valueOf(100));
    private static final AccountId32 BOB = DevNodeHarness.account(DevAccounts.BOB);
    private static final AccountId32 CHARLIE = DevNodeHarness.account(DevAccounts.CHARLIE);
    private static final AccountId32 DAVE = DevNodeHarness.account(DevAccounts.DAVE);

    @TempDir
    static Path tmp;
    private static DevNodeHarness h;
    private static PoolWorker charlieWorker;
    private static QuantizedModel model;
    private static ModelArtifact artifact;
    private static long modelId;
    private static long startBlock;

    @BeforeAll
    static void start() throws Exception {
        model = new QuantizedModel(new InputSpec(List.of(4), 0, 16), List.of(new ModelTestData(41).dense(4, 3, true)),
                new OutputSpec.ArgMax());
        artifact = ModelPackager.write(model, "small", tmp.resolve("models/small"), KeySetup.dev(), Optional.empty(), Progress.none());
        ChainSpec dev = ChainSpecs.dev();
        GenesisConfig g = (GenesisConfig) dev.genesis();
        ChainSpec fast = new ChainSpec(dev.name(), dev.id(), dev.chainType(), dev.bootNodes(), dev.telemetryEndpoints(), dev.protocolId(),
                dev.forkId(), dev.properties(), Optional.of(new ConsensusConfig(1000)), dev.badBlocks(),
                new GenesisConfig(g.balances(), g.sudoKey(), g.validators(), EPOCH));
        h = new DevNodeHarness(tmp.resolve("db"), fast);
        charlieWorker = PoolWorkerLauncher.start(h.node, DevAccounts.CHARLIE.keyPair(), tmp.resolve("models"), tmp.resolve("keys"), false);
        startBlock = h.bestNumber();
    }

    @AfterAll
    static void stop() {
        if (charlieWorker != null) {
            charlieWorker.close();
        }
        if (h != null) {
            h.close();
        }
    }

    private static Call call(int pallet, byte[] encoded) {
        return new Call(pallet, encoded[0] & 0xFF, Arrays.copyOfRange(encoded, 1, encoded.length));
    }

    private static String submit(DevAccounts who, Call call, long nonce) {
        return h.http.call("author_submitExtrinsic", h.signed(who.keyPair(), call, nonce)).asText();
    }

    private static String blockHash(long n) {
        return h.http.call("chain_getBlockHash", n).asText();
    }

    private static List<EventRecord> events(long block) {
        JsonNode v = h.http.call("state_getStorage", Hex.encode(StorageKeys.prefix("System", "Events")), blockHash(block));
        return v.isNull() ? List.of() : EventRecord.listCodec(h.node.runtime().eventLayout()).decode(Hex.decode(v.asText()));
    }

    private static byte[] encoded(RuntimeEvent e) {
        byte[] enc = new byte[1 + e.fields().length];
        enc[0] = (byte) e.eventIndex();
        System.arraycopy(e.fields(), 0, enc, 1, e.fields().length);
        return enc;
    }

    @Test
    @Order(1)
    void aRegisteredModelGetsANodeThatIsActiveOnlyFromTheNextEpoch() throws Exception {
        var registration = new ModelsCall.RegisterModel("small", "a 4-input test classifier",
                new io.zklayer.pallets.models.ModelIo(model.input(), model.output(), model.finalSize()),
                new io.zklayer.pallets.models.ModelCircuitSpec(artifact.weightCommitment(),
                        io.zklayer.pallets.verifier.EncodedVerifyingKey.of(artifact.verifyingKey())),
                Optional.empty(), new io.zklayer.pallets.models.ModelPricing(PRICE, 10));
        submit(DevAccounts.BOB, call(ModelsPallet.INDEX, ModelsCall.CODEC.encode(registration)), h.nextIndex(DevAccounts.BOB));
        DevNodeHarness.await("model registered", Duration.ofSeconds(30), () -> !h.http.call("zklayer_model", "small").isNull());
        JsonNode m = h.http.call("zklayer_model", "small");
        modelId = m.get("id").asLong();
        assertThat(m.get("weightCommitment").asText()).isEqualTo(Hex.encode(artifact.weightCommitment().toBytesBE()));
        assertThat(m.get("verifyingKey").get("nPublic").asInt()).isEqualTo(3);

        // Join early in an epoch, so the registration is not in the epoch's last block (whose epoch change would promote it at once).
        DevNodeHarness.await("the first block of an epoch", Duration.ofSeconds(30), () -> h.bestNumber() % EPOCH == 1);
        submit(DevAccounts.CHARLIE, call(PoolsPallet.INDEX, PoolsCall.CODEC.encode(new PoolsCall.RegisterNode(List.of(modelId), 1000, BOND))),
                h.nextIndex(DevAccounts.CHARLIE));
        DevNodeHarness.await("node registered", Duration.ofSeconds(30), () -> h.http.call("zklayer_nodes").size() == 1);
        long registeredIn = startBlock;
        while (h.http.call("zklayer_nodes", blockHash(registeredIn)).isEmpty()) {
            registeredIn++;
        }
        JsonNode pending = h.http.call("zklayer_nodes", blockHash(registeredIn)).get(0);
        assertThat(pending.get("status").asText()).isEqualTo("pending");
        assertThat(pending.get("account").asText()).isEqualTo(DevNodeHarness.ss58(DevAccounts.CHARLIE));
        long joinEpoch = (registeredIn - 1) / EPOCH;
        assertThat(pending.get("statusEpoch").asLong()).as("active from the epoch after the one it joined in").isEqualTo(joinEpoch + 1);
        long activation = (joinEpoch + 1) * EPOCH;
        DevNodeHarness.await("the epoch change", Duration.ofSeconds(30), () -> h.bestNumber() >= activation + 1);
        assertThat(h.http.call("zklayer_pool", modelId, blockHash(activation - 1)).get("nodes")).as("still pending in epoch " + joinEpoch)
                .isEmpty();
        JsonNode pool = h.http.call("zklayer_pool", modelId, blockHash(activation));
        assertThat(pool.get("nodes")).hasSize(1);
        assertThat(pool.get("nodes").get(0).get("account").asText()).isEqualTo(DevNodeHarness.ss58(DevAccounts.CHARLIE));
        assertThat(pool.get("nodes").get(0).get("status").asText()).isEqualTo("active");
        assertThat(pool.get("nodes").get(0).get("capacity").get("total").asLong()).isEqualTo(1000);
    }

    @Test
    @Order(2)
    void fiveWorkloadsCompleteWithVerifiedProofsAndBalancesMoveByExactlyThePriceAndTheFees() throws Exception {
        long before = h.bestNumber();
        String beforeHash = blockHash(before);
        AccountInfo dave0 = h.accountInfo(DevAccounts.DAVE, beforeHash);
        AccountInfo charlie0 = h.accountInfo(DevAccounts.CHARLIE, beforeHash);
        BigInteger issuance0 = issuance(beforeHash);
        Random rnd = new Random(5);
        List<byte[]> inputs = new ArrayList<>();
        long nonce = h.nextIndex(DevAccounts.DAVE);
        for (int i = 0; i < 5; i++) {
            byte[] x = new byte[4];
            for (int k = 0; k < 4; k++) {
                x[k] = (byte) rnd.nextInt(17);
            }
            inputs.add(x);
            submit(DevAccounts.DAVE, call(InferencePallet.INDEX, InferenceCall.CODEC.encode(new InferenceCall.SubmitWorkload(modelId,
                    new WorkloadInput.Inline(x), PRICE.multiply(BigInteger.TWO), 8))), nonce + i);
        }
        Map<Long, byte[]> inputById = new HashMap<>();
        DevNodeHarness.await("five completed workloads", Duration.ofSeconds(60), () -> completed(inputById, inputs) == 5);
        long end = h.bestNumber();
        String endHash = blockHash(end);

        BigInteger feesDave = BigInteger.ZERO;
        BigInteger feesCharlie = BigInteger.ZERO;
        BigInteger feesAll = BigInteger.ZERO;
        int accepted = 0;
        for (long b = before + 1; b <= end; b++) {
            for (EventRecord r : events(b)) {
                RuntimeEvent e = r.event();
                if (e.palletIndex() == 4) {
                    var paid = (TransactionPaymentEvent.TransactionFeePaid) TransactionPaymentEvent.CODEC.decode(encoded(e));
                    feesAll = feesAll.add(paid.actualFee());
                    if (paid.who().equals(DAVE)) {
                        feesDave = feesDave.add(paid.actualFee());
                    } else if (paid.who().equals(CHARLIE)) {
                        feesCharlie = feesCharlie.add(paid.actualFee());
                    }
                } else if (e.palletIndex() == InferencePallet.INDEX
                        && InferenceEvent.CODEC.decode(encoded(e)) instanceof InferenceEvent.ResultAccepted a) {
                    assertThat(a.node()).isEqualTo(CHARLIE);
                    assertThat(a.price()).isEqualTo(PRICE);
                    assertThat(a.output()).isEqualTo(ReferenceExecutor.infer(model, inputById.get(a.id())));
                    accepted++;
                }
            }
        }
        assertThat(accepted).isEqualTo(5);
        BigInteger paid = PRICE.multiply(BigInteger.valueOf(5));
        AccountInfo dave1 = h.accountInfo(DevAccounts.DAVE, endHash);
        AccountInfo charlie1 = h.accountInfo(DevAccounts.CHARLIE, endHash);
        assertThat(dave1.data().free()).as("user: price, refunded excess escrow, fees").isEqualTo(dave0.data().free().subtract(paid).subtract(feesDave));
        assertThat(dave1.data().reserved()).isEqualTo(dave0.data().reserved());
        assertThat(charlie1.data().free()).as("node: paid the price, minus its result fees").isEqualTo(charlie0.data().free().add(paid)
                .subtract(feesCharlie));
        assertThat(charlie1.data().reserved()).isEqualTo(BOND);
        assertThat(issuance(endHash)).as("fees are burned").isEqualTo(issuance0.subtract(feesAll));
        assertThat(charlieWorker.submittedCount()).isGreaterThanOrEqualTo(5);
    }

    private static int completed(Map<Long, byte[]> inputById, List<byte[]> inputs) {
        int done = 0;
        for (long id = 0; id < 5; id++) {
            JsonNode w = h.http.call("zklayer_workload", id);
            if (w.isNull()) {
                continue;
            }
            inputById.put(id, Hex.decode(w.get("input").get("inline").asText()));
            if (w.get("status").get("kind").asText().equals("completed")) {
                done++;
            }
        }
        return done;
    }

    private static BigInteger issuance(String at) {
        JsonNode v = h.http.call("state_getStorage", Hex.encode(BalancesStorage.TOTAL_ISSUANCE.key()), at);
        return io.zklayer.primitives.codec.ScaleCodecs.U128.decode(Hex.decode(v.asText()));
    }

    @Test
    @Order(3)
    void theCliSubmitsSampleZeroAndPrintsTheOutputTheBlockAndTheVerifiedProof() throws Exception {
        Path data = tmp.resolve("small.csv");
        Files.writeString(data, "3,0,16,9,1\n1,2,3,4,0\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ZklayerCli cli = new ZklayerCli(cfg -> 0, CliEnvironment.of(new Random(1), new BufferedReader(new StringReader("")), tmp));
        cli.commandLine().setOut(new PrintWriter(out, true));
        cli.commandLine().setErr(new PrintWriter(err, true));
        int code = cli.execute("workload", "submit", "--model", "small", "--sample", "0", "--data", data.toString(), "--from", "//Eve",
                "--rpc-url", "ws://127.0.0.1:" + h.node.rpcAddress().getPort(), "--wait", "--wait-timeout", "60");
        assertThat(code).as("stdout:%n%s%nstderr:%n%s", out, err).isZero();
        String expected = "class " + Integer.toUnsignedString(ReferenceExecutor.infer(model, new byte[] {3, 0, 16, 9})[0]);
        assertThat(out.toString()).contains("Sample 0 (label 1)", "Workload 5 submitted in block #", "Output: " + expected,
                "Proof: verified on chain (Inference.ResultAccepted in block #", "Proof: verified here against the registered verifying key");
    }
}
