package io.zklayer.bench.zk;

import io.zklayer.zk.field.Fr;
import io.zklayer.zk.groth16.BatchVerifier;
import io.zklayer.zk.groth16.Groth16Prover;
import io.zklayer.zk.groth16.Groth16Verifier;
import io.zklayer.zk.groth16.PreparedProvingKey;
import io.zklayer.zk.groth16.PreparedVerifyingKey;
import io.zklayer.zk.groth16.Proof;
import io.zklayer.zk.groth16.ProvingKey;
import io.zklayer.zk.groth16.ZkeyFile;
import io.zklayer.zk.r1cs.WtnsFile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Groth16 on the snarkjs {@code mlp} circuit (12,800 constraints, 11 public signals): single verification
 * with a prepared key, batch verification of 1, 16 and 64 proofs (reported per proof; batches share their
 * work among the available processors), proving from the parsed zkey and a witness (plain key, and a key
 * prepared once with its H table), parsing the zkey, and preparing the key. snarkjs 0.7.6 on the same inputs: see {@code testnet/interop/snarkjs-bench.mjs}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class Groth16Benchmark {
    private PreparedVerifyingKey key;
    private Proof proof;
    private List<Fr> publicSignals;
    private List<BatchVerifier.Item> batch;
    private byte[] zkeyBytes;
    private ProvingKey provingKey;
    private PreparedProvingKey preparedProvingKey;
    private Fr[] witness;
    private final byte[] seed = {1, 2, 3, 4};

    @Setup
    public void setup() {
        key = ZkVectors.key("mlp");
        proof = ZkVectors.proof("mlp", 1);
        publicSignals = ZkVectors.publicSignals("mlp", 1);
        batch = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            int k = 1 + i % 5;
            batch.add(new BatchVerifier.Item(key, ZkVectors.proof("mlp", k), ZkVectors.publicSignals("mlp", k)));
        }
        zkeyBytes = ZkVectors.bytes("mlp/mlp_final.zkey");
        provingKey = ZkeyFile.read(zkeyBytes);
        preparedProvingKey = PreparedProvingKey.of(provingKey); // one-time per key: H as a fixed-base table
        witness = WtnsFile.read(ZkVectors.bytes("mlp/proofs/witness_1.wtns"));
    }

    @Benchmark
    public Object verifySingle() {
        return Groth16Verifier.verify(key, proof, publicSignals);
    }

    @Benchmark
    public Object verifyBatchOf1() {
        return BatchVerifier.verify(batch.subList(0, 1), seed);
    }

    @Benchmark
    @OperationsPerInvocation(16)
    public Object verifyBatchOf16PerProof() {
        return BatchVerifier.verify(batch.subList(0, 16), seed);
    }

    @Benchmark
    @OperationsPerInvocation(64)
    public Object verifyBatchOf64PerProof() {
        return BatchVerifier.verify(batch, seed);
    }

    @Benchmark
    public Object proveMlp() {
        return Groth16Prover.prove(provingKey, witness, Fr.of(12345), Fr.of(67890));
    }

    /** Proving from a key prepared once (see {@link PreparedProvingKey}), as a prover node proves repeatedly. */
    @Benchmark
    public Object proveMlpPrepared() {
        return Groth16Prover.prove(preparedProvingKey, witness, Fr.of(12345), Fr.of(67890));
    }

    /** Parsing the mlp zkey from bytes (snarkjs's prove reads its zkey buffer on each call). */
    @Benchmark
    public Object readZkey() {
        return ZkeyFile.read(zkeyBytes);
    }

    @Benchmark
    public Object prepareProvingKey() {
        return PreparedProvingKey.of(provingKey);
    }
}
