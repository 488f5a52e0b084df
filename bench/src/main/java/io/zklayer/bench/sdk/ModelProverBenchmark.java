package io.zklayer.bench.sdk;

import io.zklayer.sdk.DigitsModel;
import io.zklayer.sdk.Progress;
import io.zklayer.sdk.keys.ProvingKeyCache;
import io.zklayer.sdk.pack.ModelArtifact;
import io.zklayer.sdk.pack.ModelProver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A pool worker's per-workload cost for the shipped digits artifact (31,347 constraints, domain 2^15):
 * {@link ModelProver#prove} (witness, Groth16 proof, check against the verifying key) from the plain
 * proving key and from the prepared one, and the one-time {@link ModelProver#prepared()} (a 53 MB
 * table). The proving key comes from the user's key cache ({@code ~/.cache/zklayer/proving-keys}, as
 * {@code zklayer model prove} uses it), regenerated from the dev seed when missing (about 20 s, not
 * measured).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ModelProverBenchmark {
    private ModelProver plain;
    private ModelProver prepared;
    private byte[] input;
    private SecureRandom rng;

    @Setup
    public void setup() throws IOException, NoSuchAlgorithmException {
        Path dir = Files.createTempDirectory("zklayer-bench-digits");
        ModelArtifact artifact = DigitsModel.writeArtifact(dir.resolve("digits"), Progress.none());
        String home = System.getProperty("user.home");
        plain = artifact.prover(new ProvingKeyCache(Path.of(home, ".cache", "zklayer", "proving-keys")), Progress.to(System.out));
        prepared = plain.prepared();
        int[] features = DigitsModel.dataset().features()[0];
        input = new byte[features.length];
        for (int i = 0; i < features.length; i++) {
            input[i] = (byte) features[i];
        }
        rng = SecureRandom.getInstance("SHA1PRNG");
        rng.setSeed(1L); // seeded: the same blinding factors in every run
        if (!java.util.Arrays.equals(plain.prove(input, rng).output(), prepared.prove(input, rng).output())) {
            throw new IllegalStateException("benchmark setup: the plain and the prepared prover disagree on sample 0");
        }
    }

    @Benchmark
    public Object provePlainKey() {
        return plain.prove(input, rng);
    }

    @Benchmark
    public Object provePreparedKey() {
        return prepared.prove(input, rng);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    public Object prepareKey() {
        return plain.prepared();
    }
}
