package io.zklayer.zk;

import io.zklayer.zk.curve.G1Point;
import io.zklayer.zk.curve.G2Point;
import io.zklayer.zk.field.Fp;
import io.zklayer.zk.field.Fp12;
import io.zklayer.zk.field.Fp2;
import io.zklayer.zk.field.Fp6;
import io.zklayer.zk.field.Fr;
import java.math.BigInteger;
import java.util.Random;

/** Seeded builders of random field elements and points for the zk module's tests. */
public final class TestData {
    private final Random random;

    /** Returns a builder drawing from a generator seeded with {@code seed}. */
    public TestData(long seed) {
        this.random = new Random(seed);
    }

    /** Returns the underlying seeded generator. */
    public Random random() {
        return random;
    }

    /** Returns a uniform integer in [0, bound). */
    public BigInteger below(BigInteger bound) {
        BigInteger v;
        do {
            v = new BigInteger(bound.bitLength(), random);
        } while (v.compareTo(bound) >= 0);
        return v;
    }

    public Fp fp() {
        return Fp.fromBigInteger(below(Fp.MODULUS));
    }

    public Fr fr() {
        return Fr.fromBigInteger(below(Fr.MODULUS));
    }

    public Fp2 fp2() {
        return new Fp2(fp(), fp());
    }

    public Fp6 fp6() {
        return new Fp6(fp2(), fp2(), fp2());
    }

    public Fp12 fp12() {
        return new Fp12(fp6(), fp6());
    }

    public G1Point g1() {
        return G1Point.GENERATOR.mul(fr());
    }

    public G2Point g2() {
        return G2Point.GENERATOR.mul(fr());
    }

    /** Returns a point on the twist that is (with overwhelming probability) not in G2. */
    public G2Point twistPointOutsideG2() {
        while (true) {
            Fp2 x = fp2();
            Fp2 rhs = x.square().mul(x).add(new Fp2(Fp.of(3), Fp.ZERO).mul(Fp2.XI.inverse()));
            Fp2 y = rhs.sqrt();
            if (y != null) {
                return new G2Point(x, y, Fp2.ONE);
            }
        }
    }
}
