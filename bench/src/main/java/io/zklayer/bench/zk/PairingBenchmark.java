package io.zklayer.bench.zk;

import io.zklayer.zk.curve.G1Point;
import io.zklayer.zk.curve.G2Point;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.field.Fp12;
import io.zklayer.zk.pairing.G2Prepared;
import io.zklayer.zk.pairing.Pairing;
import io.zklayer.zk.precompile.Bn254Precompiles;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** BN254 pairing: one full pairing, a three-pair Miller loop, the final exponentiation, and the EIP-197-style check of a 4-pair product. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PairingBenchmark {
    private G1Point p;
    private G2Point q;
    private G1Point[] g1 = new G1Point[4];
    private G2Point[] g2 = new G2Point[4];
    private byte[] precompileInput;
    private G2Prepared fixedA;
    private G2Prepared fixedB;
    private Fp12 millerValue;

    @Setup
    public void setup() {
        p = G1Point.GENERATOR.mul(Fr.of(123456789)).normalize();
        q = G2Point.GENERATOR.mul(Fr.of(987654321)).normalize();
        Fr a = Fr.of(31337);
        Fr b = Fr.of(4242);
        // e(aP, Q)·e(−P, aQ)·e(bP, Q)·e(−P, bQ) = 1
        g1 = new G1Point[] {p.mul(a).normalize(), p.neg(), p.mul(b).normalize(), p.neg()};
        g2 = new G2Point[] {q, q.mul(a).normalize(), q, q.mul(b).normalize()};
        fixedA = G2Prepared.forFixedPoint(g2[1]);
        fixedB = G2Prepared.forFixedPoint(g2[3]);
        millerValue = Pairing.millerLoop(List.of(new Pairing.Pair(p, q)));
        precompileInput = new byte[4 * 192];
        for (int i = 0; i < 4; i++) {
            g1[i].writeEthereumBytes(precompileInput, 192 * i);
            g2[i].writeEthereumBytes(precompileInput, 192 * i + 64);
        }
    }

    /** One pairing e(P, Q) including its final exponentiation. */
    @Benchmark
    public Object pairing() {
        return Pairing.pair(p, q);
    }

    /** The Miller loop of a Groth16 verification: one pair prepared per call, two with fixed-point lines. */
    @Benchmark
    public Object millerLoopOfThreePairs() {
        return Pairing.millerLoop(List.of(new Pairing.Pair(g1[0], q), new Pairing.Pair(g1[1], fixedA),
                new Pairing.Pair(g1[2], fixedB)));
    }

    /** The final exponentiation alone. */
    @Benchmark
    public Object finalExponentiation() {
        return Pairing.finalExponentiation(millerValue);
    }

    /** ∏ of four pairings = 1? (lines computed per call, one shared final exponentiation). */
    @Benchmark
    public boolean fourPairProductCheck() {
        List<Pairing.Pair> pairs = List.of(new Pairing.Pair(g1[0], g2[0]), new Pairing.Pair(g1[1], g2[1]),
                new Pairing.Pair(g1[2], g2[2]), new Pairing.Pair(g1[3], g2[3]));
        return Pairing.productIsOne(pairs);
    }

    /** The EIP-197 precompile on 4 pairs: decoding, curve and G2 subgroup checks, and the product check. */
    @Benchmark
    public Object fourPairPrecompile() {
        return Bn254Precompiles.pairing(precompileInput);
    }
}
