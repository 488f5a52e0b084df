package io.zklayer.bench.zk;

import io.zklayer.zk.field.Fp;
import io.zklayer.zk.field.Fp12;
import io.zklayer.zk.field.Fp12Limbs;
import io.zklayer.zk.field.Fp2;
import io.zklayer.zk.field.Fp2Limbs;
import io.zklayer.zk.field.Fp6;
import io.zklayer.zk.field.FpLimbs;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * BN254 field arithmetic: one Fp product on the immutable class and on the 52-bit limb arithmetic the
 * pairing uses, an Fp2 product, and the Fp12 product, squaring and cyclotomic squaring on limbs. Each
 * benchmark feeds its result back into the next call (a dependent chain, i.e. latency).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FieldBenchmark {
    private Fp x;
    private Fp y;
    private final long[] m = new long[4 * Fp12Limbs.SIZE + Fp12Limbs.SCRATCH];
    private static final int A = 0;
    private static final int B = Fp12Limbs.SIZE;
    private static final int C = 2 * Fp12Limbs.SIZE;
    private static final int S = 4 * Fp12Limbs.SIZE;

    @Setup
    public void setup() {
        Random rnd = new Random(20261122L);
        x = Fp.random(rnd);
        y = Fp.random(rnd);
        Fp12 f = new Fp12(new Fp6(fp2(rnd), fp2(rnd), fp2(rnd)), new Fp6(fp2(rnd), fp2(rnd), fp2(rnd)));
        Fp12Limbs.set(m, A, f);
        Fp12Limbs.set(m, B, f.square());
        // a cyclotomic element: f^((q^6 − 1)(q^2 + 1))
        Fp12 g = f.conjugate().mul(f.inverse());
        Fp12Limbs.set(m, C, g.frobenius(2).mul(g));
    }

    private static Fp2 fp2(Random rnd) {
        return new Fp2(Fp.random(rnd), Fp.random(rnd));
    }

    @Benchmark
    public Fp fpMul() {
        x = x.mul(y);
        return x;
    }

    @Benchmark
    public long fpLimbsMul() {
        FpLimbs.mul(m, A, A, B);
        return m[A];
    }

    @Benchmark
    public long fp2LimbsMul() {
        Fp2Limbs.mul(m, A, A, B, S);
        return m[A];
    }

    @Benchmark
    public long fp12LimbsMul() {
        Fp12Limbs.mul(m, A, A, B, S);
        return m[A];
    }

    @Benchmark
    public long fp12LimbsSquare() {
        Fp12Limbs.square(m, A, A, S);
        return m[A];
    }

    @Benchmark
    public long fp12LimbsCyclotomicSquare() {
        Fp12Limbs.cyclotomicSquare(m, C, C, S);
        return m[C];
    }
}
