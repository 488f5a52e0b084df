package io.zklayer.bench.zk;

import io.zklayer.primitives.model.ModelCodec;
import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.groth16.Proof;
import io.zklayer.zk.ml.ModelCircuit;
import io.zklayer.zk.ml.ModelCircuitKeys;
import io.zklayer.zk.ml.ModelPublicSignals;
import io.zklayer.zk.ml.ModelWitness;
import io.zklayer.zk.ml.WeightCommitment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The digits model circuit (64→32→10, argmax; 31,347 constraints, domain 2^15): compiling the circuit,
 * building a witness from the reference executor, proving, and verifying (3 public signals). Keys come
 * from the seeded test setup, made once per fork (about 30 s on 2 cores, not measured). Model and data
 * are the sdk's resources ({@code /models/digits.zkm}, {@code /data/digits.csv.gz}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ModelCircuitBenchmark {
    private QuantizedModel model;
    private ModelCircuit circuit;
    private ModelCircuitKeys keys;
    private byte[] input;
    private ModelWitness witness;
    private Proof proof;
    private List<Fr> publicSignals;

    @Setup
    public void setup() {
        model = ModelCodec.decode(resource("/models/digits.zkm"));
        input = firstSample();
        circuit = ModelCircuit.of(model);
        keys = ModelCircuitKeys.testSetup(circuit, 1);
        witness = ModelWitness.of(circuit, model, input);
        proof = keys.prove(witness, Fr.of(3), Fr.of(5));
        publicSignals = ModelPublicSignals.of(model.output(), witness.output(), WeightCommitment.of(model), input);
        if (!keys.verify(proof, publicSignals).isValid()) {
            throw new IllegalStateException("benchmark setup: the digits proof does not verify");
        }
    }

    @Benchmark
    public Object compileCircuit() {
        return ModelCircuit.of(model);
    }

    @Benchmark
    public Object buildWitness() {
        return ModelWitness.of(circuit, model, input);
    }

    @Benchmark
    public Object prove() {
        return keys.prove(witness, Fr.of(3), Fr.of(5));
    }

    @Benchmark
    public Object verify() {
        return keys.verify(proof, publicSignals);
    }

    private static byte[] firstSample() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new java.io.ByteArrayInputStream(resource("/data/digits.csv.gz"))), StandardCharsets.US_ASCII))) {
            String[] f = in.readLine().split(",");
            byte[] x = new byte[64];
            for (int i = 0; i < 64; i++) {
                x[i] = (byte) Math.round(Double.parseDouble(f[i]));
            }
            return x;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = ModelCircuitBenchmark.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " (expected in the sdk jar)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
