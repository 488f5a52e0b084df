package io.zklayer.bench.market;

import io.zklayer.pallets.inference.InferenceCall;
import io.zklayer.pallets.inference.InferencePallet;
import io.zklayer.pallets.inference.WorkloadInput;
import io.zklayer.pallets.models.ModelCircuitSpec;
import io.zklayer.pallets.models.ModelIo;
import io.zklayer.pallets.models.ModelPricing;
import io.zklayer.pallets.models.ModelsCall;
import io.zklayer.pallets.models.ModelsGenesis;
import io.zklayer.pallets.pools.PoolsGenesis;
import io.zklayer.pallets.timestamp.TimestampCall;
import io.zklayer.pallets.timestamp.TimestampPallet;
import io.zklayer.pallets.verifier.BlockProofBatch;
import io.zklayer.pallets.verifier.EncodedVerifyingKey;
import io.zklayer.pallets.verifier.VerifierPallet;
import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.model.Dense;
import io.zklayer.primitives.model.InputSpec;
import io.zklayer.primitives.model.OutputSpec;
import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.primitives.trie.MemoryNodeStore;
import io.zklayer.primitives.trie.Trie;
import io.zklayer.primitives.trie.TrieState;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Call;
import io.zklayer.primitives.types.Digest;
import io.zklayer.primitives.types.ExtrinsicSigner;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import io.zklayer.primitives.types.UncheckedExtrinsic;
import io.zklayer.runtime.ApplyOutcome;
import io.zklayer.runtime.BlockExecution;
import io.zklayer.runtime.Executive;
import io.zklayer.runtime.Pallet;
import io.zklayer.runtime.Runtime;
import io.zklayer.runtime.RuntimeContext;
import io.zklayer.runtime.RuntimeGenesisConfig;
import io.zklayer.runtime.RuntimeParameters;
import io.zklayer.runtime.ZklayerRuntime;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.ml.ModelCircuit;
import io.zklayer.zk.ml.ModelCircuitKeys;
import io.zklayer.zk.ml.ModelWitness;
import io.zklayer.zk.ml.WeightCommitment;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Executes a block of {@code results} verified inference results ({@code inference.submit_result},
 * each with a 256-byte Groth16 proof checked against the model's key with three public signals: the
 * work is the same for any model with one output signal, so a 4-input model keeps the setup short).
 * The block is executed on the state after the workloads were assigned, with a fresh runtime per
 * operation (empty verified-proof memo, the model's key already prepared, as on a node that has
 * imported blocks of this model before):
 * <ul>
 *   <li>{@code oneByOne}: each result's proof is verified when its call runs;</li>
 *   <li>{@code batched}: the block's proofs are first verified as one randomized batch
 *       ({@link BlockProofBatch#preverify}), then the calls find them in the memo.</li>
 * </ul>
 * Results per second = {@code results} / the time per block.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class ResultBlockBenchmark {
    private static final BigInteger UNIT = RuntimeParameters.UNIT;
    private static final long START_MILLIS = 1_700_000_000_000L;

    /** Results in the measured block. */
    @Param({"10", "50"})
    public int results;

    private final MemoryNodeStore store = new MemoryNodeStore();
    private RuntimeGenesisConfig genesis;
    private byte[] root;
    private H256 parentHash;
    private List<byte[]> block;
    private H256 keyId;
    private Runtime runtime;

    /** Builds the chain: genesis with the model and Bob's node, #1 submits, #2 assigns; proves every result. */
    @Setup(Level.Trial)
    public void buildChain() {
        QuantizedModel model = new QuantizedModel(new InputSpec(List.of(4), -8, 8),
                List.of(new Dense(4, 3, new byte[] {1, 2, -1, 0, 0, -1, 3, 1, 2, 0, 0, -2}, new int[] {0, 1, -1}, 1, 0,
                        false, -1000, 1000)), new OutputSpec.ArgMax());
        ModelCircuitKeys keys = ModelCircuitKeys.testSetup(ModelCircuit.of(model), 11);
        EncodedVerifyingKey vk = EncodedVerifyingKey.of(keys.verifyingKey());
        keyId = vk.keyId();
        AccountId32 alice = account(DevAccounts.ALICE);
        AccountId32 bob = account(DevAccounts.BOB);
        Map<AccountId32, BigInteger> balances = new LinkedHashMap<>();
        balances.put(alice, UNIT.multiply(BigInteger.valueOf(100_000)));
        balances.put(bob, UNIT.multiply(BigInteger.valueOf(1000)));
        ModelsGenesis models = new ModelsGenesis(List.of(new ModelsGenesis.Model(alice, new ModelsCall.RegisterModel(
                "bench", "benchmark model", new ModelIo(model.input(), model.output(), model.finalSize()),
                new ModelCircuitSpec(WeightCommitment.of(model), vk), Optional.empty(), new ModelPricing(UNIT, 1)))));
        genesis = new RuntimeGenesisConfig(balances, Optional.of(alice), List.of(alice), models, 1000,
                List.of(new PoolsGenesis(List.of(new PoolsGenesis.GenesisNode(bob, List.of(0L), 1_000_000,
                        UNIT.multiply(BigInteger.valueOf(200)))))));
        Runtime setupRuntime = ZklayerRuntime.create(RuntimeParameters.defaults());
        RuntimeGenesisConfig.Built built = genesis.build(setupRuntime, store);
        store.apply(built.state().changes());
        root = built.state().root();
        parentHash = built.hash();
        ExtrinsicSigner signer = new ExtrinsicSigner(setupRuntime.version().specVersion(),
                setupRuntime.version().transactionVersion(), built.hash());

        List<byte[]> inputs = new ArrayList<>();
        List<byte[]> submits = new ArrayList<>();
        for (int i = 0; i < results; i++) {
            byte[] x = {(byte) (i % 17 - 8), (byte) (i / 17 % 17 - 8), (byte) (i % 5), 1};
            inputs.add(x);
            submits.add(signer.sign(DevAccounts.ALICE.keyPair(), call(setupRuntime, InferencePallet.INDEX,
                    new InferenceCall.SubmitWorkload(0, new WorkloadInput.Inline(x), UNIT, 100)), i, BigInteger.ZERO)
                    .encode());
        }
        runBlock(setupRuntime, 1, submits);
        runBlock(setupRuntime, 2, List.of());
        block = new ArrayList<>();
        for (int i = 0; i < results; i++) {
            ModelWitness w = ModelWitness.of(keys.circuit(), model, inputs.get(i));
            byte[] proof = keys.prove(w, Fr.of(i + 1), Fr.of(i + 2)).toBytes();
            block.add(signer.sign(DevAccounts.BOB.keyPair(), call(setupRuntime, InferencePallet.INDEX,
                    new InferenceCall.SubmitResult(i, w.output(), proof)), i, BigInteger.ZERO).encode());
        }
        // Check once that every result is accepted, so the benchmark measures verified results.
        Runtime check = freshRuntime();
        long accepted = executeBlock(check, false).stream()
                .filter(o -> o instanceof ApplyOutcome.Applied a && a.error().isEmpty()).count();
        if (accepted != results + 1) {
            throw new IllegalStateException("bench: " + (accepted - 1) + " of " + results + " results were accepted");
        }
    }

    /** A fresh runtime (empty memo) with the model's key prepared, outside the timed region. */
    @Setup(Level.Invocation)
    public void freshRuntimeForEachBlock() {
        runtime = freshRuntime();
    }

    @Benchmark
    public List<ApplyOutcome> oneByOne() {
        return executeBlock(runtime, false);
    }

    @Benchmark
    public List<ApplyOutcome> batched() {
        return executeBlock(runtime, true);
    }

    private Runtime freshRuntime() {
        Runtime r = ZklayerRuntime.create(RuntimeParameters.defaults());
        TrieState state = new TrieState(Trie.open(new Executive(r, RuntimeParameters.defaults().limits()).layout(), store,
                root));
        r.pallet(VerifierPallet.class).prepared(new RuntimeContext(state, 3, parentHash, (c, p, i, e) -> { }), keyId)
                .orElseThrow();
        return r;
    }

    private List<ApplyOutcome> executeBlock(Runtime r, boolean batch) {
        Executive executive = new Executive(r, RuntimeParameters.defaults().limits());
        TrieState state = new TrieState(Trie.open(executive.layout(), store, root));
        if (batch) {
            BlockProofBatch.preverify(r, state, parentHash, 3, block);
        }
        BlockExecution exec = executive.begin(state, parentHash, 3, Digest.EMPTY);
        List<ApplyOutcome> out = new ArrayList<>();
        out.add(executive.apply(exec, timestamp(r, 3)));
        for (byte[] xt : block) {
            out.add(executive.apply(exec, xt));
        }
        executive.finish(exec);
        return out;
    }

    private void runBlock(Runtime r, long number, List<byte[]> extrinsics) {
        Executive executive = new Executive(r, RuntimeParameters.defaults().limits());
        TrieState state = new TrieState(Trie.open(executive.layout(), store, root));
        BlockExecution exec = executive.begin(state, parentHash, number, Digest.EMPTY);
        executive.apply(exec, timestamp(r, number));
        for (byte[] xt : extrinsics) {
            ApplyOutcome o = executive.apply(exec, xt);
            if (!(o instanceof ApplyOutcome.Applied a) || a.error().isPresent()) {
                throw new IllegalStateException("bench: block #" + number + " setup extrinsic failed: " + o);
            }
        }
        Header header = executive.finish(exec);
        var commit = state.commit();
        store.apply(commit.changes());
        root = commit.root();
        parentHash = header.hash();
    }

    private static byte[] timestamp(Runtime r, long number) {
        return UncheckedExtrinsic.unsigned(call(r, TimestampPallet.INDEX, new TimestampCall.Set(START_MILLIS + 2000 * number)))
                .encode();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Call call(Runtime r, int palletIndex, Object call) {
        Pallet pallet = r.pallets().stream().filter(p -> p.index() == palletIndex).findFirst().orElseThrow();
        byte[] bytes = ((ScaleCodec) pallet.calls().orElseThrow().codec()).encode(call);
        return new Call(palletIndex, bytes[0] & 0xFF, Arrays.copyOfRange(bytes, 1, bytes.length));
    }

    private static AccountId32 account(DevAccounts who) {
        return AccountId32.of(who.keyPair().publicKey().bytes());
    }
}
