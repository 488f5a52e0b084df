package io.zklayer.bench.zk;

import io.zklayer.zk.curve.G1Point;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.msm.MsmG1;
import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Multi-scalar multiplication on G1 with uniformly random full-size scalars (seeded) at 2^12..2^16 points (wall clock, on MsmPool's threads). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MsmBenchmark {
    @Param({"12", "13", "14", "15", "16"})
    public int log2Points;

    private G1Point[] bases;
    private Fr[] scalars;

    @Setup
    public void setup() {
        int n = 1 << log2Points;
        Random random = new Random(20261121L);
        G1Point[] pts = new G1Point[n];
        G1Point step = G1Point.GENERATOR.mul(Fr.of(7919)).normalize();
        G1Point acc = G1Point.GENERATOR;
        scalars = new Fr[n];
        for (int i = 0; i < n; i++) {
            pts[i] = acc;
            acc = acc.addAffine(step);
            BigInteger s;
            do {
                s = new BigInteger(254, random);
            } while (s.compareTo(Fr.MODULUS) >= 0);
            scalars[i] = Fr.fromBigInteger(s);
        }
        bases = G1Point.normalizeAll(pts);
    }

    @Benchmark
    public Object msmG1() {
        return MsmG1.msm(bases, scalars);
    }
}
