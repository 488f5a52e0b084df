package io.zklayer.zk.field;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.zk.TestData;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The allocation-free limb arithmetic ({@link FpLimbs} … {@link Fp12Limbs}) equals the immutable
 * reference classes on random elements, also when the result overwrites an input.
 */
class LimbsArithmeticTest {
    private static final int A = 0;
    private static final int B = Fp12Limbs.SIZE;
    private static final int C = 2 * Fp12Limbs.SIZE;
    private static final int R = 3 * Fp12Limbs.SIZE;
    private static final int S = 4 * Fp12Limbs.SIZE;
    private static final int E2 = Fp2Limbs.SIZE;
    private static final BigInteger Q = Fp.MODULUS;

    @Provide
    Arbitrary<BigInteger> fpValues() {
        return Arbitraries.oneOf(Arbitraries.bigIntegers().between(BigInteger.ZERO, Q.subtract(BigInteger.ONE)),
                Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, Q.subtract(BigInteger.ONE),
                        Q.subtract(BigInteger.TWO), BigInteger.ONE.shiftLeft(64), BigInteger.ONE.shiftLeft(253)));
    }

    private static long[] memory() {
        return new long[S + Fp12Limbs.SCRATCH];
    }

    @Property(tries = 300, seed = "20261201")
    void fpLimbOperationsEqualReference(@ForAll("fpValues") BigInteger a, @ForAll("fpValues") BigInteger b) {
        Fp x = Fp.fromBigInteger(a);
        Fp y = Fp.fromBigInteger(b);
        long[] m = memory();
        FpLimbs.set(m, A, x);
        FpLimbs.set(m, B, y);
        assertThat(FpLimbs.get(m, A)).isEqualTo(x);
        FpLimbs.mul(m, R, A, B);
        assertThat(FpLimbs.get(m, R)).isEqualTo(x.mul(y));
        FpLimbs.square(m, R, A);
        assertThat(FpLimbs.get(m, R)).isEqualTo(x.square());
        FpLimbs.add(m, R, A, B);
        assertThat(FpLimbs.get(m, R)).isEqualTo(x.add(y));
        FpLimbs.sub(m, R, A, B);
        assertThat(FpLimbs.get(m, R)).isEqualTo(x.sub(y));
        FpLimbs.normalize(m, R, R);
        assertThat(FpLimbs.get(m, R)).isEqualTo(x.sub(y));
        FpLimbs.neg(m, R, A);
        assertThat(FpLimbs.get(m, R)).isEqualTo(x.neg());
        FpLimbs.mulSmall(m, R, A, 9);
        assertThat(FpLimbs.get(m, R)).isEqualTo(x.mul(Fp.of(9)));
        if (!x.isZero()) {
            FpLimbs.inverseVariableTime(m, R, A);
            assertThat(FpLimbs.get(m, R)).isEqualTo(x.inverse());
        }
        FpLimbs.halve(m, R, A);
        assertThat(FpLimbs.get(m, R).dbl()).isEqualTo(x);
        assertThat(FpLimbs.isZero(m, A)).isEqualTo(x.isZero());
        FpLimbs.sub(m, R, A, A);
        assertThat(FpLimbs.isZero(m, R)).isTrue();
        // lazy sums and differences are valid product inputs
        FpLimbs.add(m, C, A, B);
        FpLimbs.sub(m, C + FpLimbs.SIZE, B, A);
        FpLimbs.mul(m, R, C, C + FpLimbs.SIZE);
        assertThat(FpLimbs.get(m, R)).isEqualTo(x.add(y).mul(y.sub(x)));
        FpLimbs.add(m, C + 2 * FpLimbs.SIZE, C, C); // 2(x + y) below 12p, times a normal value: within 80p²
        FpLimbs.mul(m, R, C + 2 * FpLimbs.SIZE, B);
        assertThat(FpLimbs.get(m, R)).isEqualTo(x.add(y).dbl().mul(y));
        // results may overwrite inputs
        FpLimbs.mul(m, A, A, B);
        assertThat(FpLimbs.get(m, A)).isEqualTo(x.mul(y));
        FpLimbs.sub(m, B, A, B);
        assertThat(FpLimbs.get(m, B)).isEqualTo(x.mul(y).sub(y));
        assertThat(FpLimbs.equal(m, B, B)).isTrue();
    }

    private static long[] limbsOf(BigInteger v) {
        long[] out = new long[FpLimbs.SIZE];
        for (int i = 0; i < 4; i++) {
            out[i] = v.shiftRight(52 * i).longValue() & FpLimbs.MASK;
        }
        out[4] = v.shiftRight(208).longValue();
        return out;
    }

    private static BigInteger valueOf(long[] m, int a) {
        BigInteger v = BigInteger.ZERO;
        for (int i = FpLimbs.SIZE - 1; i >= 0; i--) {
            v = v.shiftLeft(52).add(BigInteger.valueOf(m[a + i]));
        }
        return v;
    }

    /** Returns limbs with value exactly v in which limbs 0..3 are raised towards {@code limbBits} by borrowing from above. */
    private static long[] wideLimbs(BigInteger v, int limbBits, java.util.Random rnd) {
        long[] l = limbsOf(v);
        for (int i = 3; i >= 0; i--) {
            long room = (1L << limbBits) - 1 - l[i];
            long k = Math.min(room >>> 52, l[i + 1]); // move k units of 2^52 from limb i + 1 down to limb i
            k = k == 0 ? 0 : 1 + (rnd.nextLong() >>> 1) % k;
            l[i + 1] -= k;
            l[i] += k << 52;
        }
        return l;
    }

    @Property(tries = 300, seed = "20261209")
    void productAndReductionHoldAtTheirInputBounds(@ForAll long seed) {
        TestData d = new TestData(seed);
        java.util.Random rnd = d.random();
        BigInteger r260 = BigInteger.ONE.shiftLeft(260);
        // mul: limbs below 2^55, V(a)·V(b) ≤ 80p² (here a < 8p, b < 10p)
        BigInteger va = d.below(Q.shiftLeft(3));
        BigInteger vb = d.below(Q.multiply(BigInteger.TEN));
        long[] m = memory();
        System.arraycopy(wideLimbs(va, 55, rnd), 0, m, A, FpLimbs.SIZE);
        System.arraycopy(wideLimbs(vb, 55, rnd), 0, m, B, FpLimbs.SIZE);
        assertThat(valueOf(m, A)).isEqualTo(va);
        FpLimbs.mul(m, R, A, B);
        BigInteger got = valueOf(m, R);
        assertThat(got).isLessThan(Q.shiftLeft(1));
        assertThat(got.mod(Q)).isEqualTo(va.multiply(vb).multiply(r260.modInverse(Q)).mod(Q));
        for (int i = 0; i < FpLimbs.SIZE - 1; i++) {
            assertThat(m[R + i]).isBetween(0L, FpLimbs.MASK);
        }
        // normalize: limbs below 2^62, V < 1024p → limbs below 2^52, V < 3p
        BigInteger vc = d.below(Q.shiftLeft(10));
        System.arraycopy(wideLimbs(vc, 62, rnd), 0, m, C, FpLimbs.SIZE);
        FpLimbs.normalize(m, R, C);
        got = valueOf(m, R);
        assertThat(got).isLessThan(Q.multiply(BigInteger.valueOf(3)));
        assertThat(got.mod(Q)).isEqualTo(vc.mod(Q));
        for (int i = 0; i < FpLimbs.SIZE; i++) {
            assertThat(m[R + i]).isBetween(0L, FpLimbs.MASK);
        }
    }

    /** Writes v (any integer below 2^260, e.g. a non-canonical value up to 3p) at r as plain limbs. */
    private static void setRaw(long[] m, int r, BigInteger v) {
        System.arraycopy(limbsOf(v), 0, m, r, FpLimbs.SIZE);
    }

    @Property(tries = 200, seed = "20261210")
    void fp2ProductsHoldForNormalValuesUpToThreeP(@ForAll long seed) {
        TestData d = new TestData(seed);
        BigInteger bound = Q.multiply(BigInteger.valueOf(3));
        BigInteger[] v = new BigInteger[4];
        long[] m = memory();
        for (int i = 0; i < 4; i++) {
            v[i] = i % 2 == 0 ? bound.subtract(BigInteger.ONE).subtract(d.below(BigInteger.ONE.shiftLeft(200))) : d.below(bound);
            setRaw(m, i < 2 ? A + i * FpLimbs.SIZE : B + (i - 2) * FpLimbs.SIZE, v[i]);
        }
        Fp2 x = new Fp2(Fp.reduce(montgomeryValue(v[0])), Fp.reduce(montgomeryValue(v[1])));
        Fp2 y = new Fp2(Fp.reduce(montgomeryValue(v[2])), Fp.reduce(montgomeryValue(v[3])));
        assertThat(Fp2Limbs.get(m, A)).isEqualTo(x);
        Fp2Limbs.mul(m, R, A, B, S);
        assertThat(Fp2Limbs.get(m, R)).isEqualTo(x.mul(y));
        assertNormal(m, R);
        assertNormal(m, R + FpLimbs.SIZE);
        Fp2Limbs.square(m, R, A, S);
        assertThat(Fp2Limbs.get(m, R)).isEqualTo(x.square());
        Fp2Limbs.mulByXi(m, R, A, S);
        assertThat(Fp2Limbs.get(m, R)).isEqualTo(x.mulByXi());
        Fp2Limbs.sub(m, R, A, B);
        assertThat(Fp2Limbs.get(m, R)).isEqualTo(x.sub(y));
        assertNormal(m, R);
    }

    /** Returns the element whose Montgomery form (R = 2^260) is v. */
    private static BigInteger montgomeryValue(BigInteger v) {
        return v.multiply(BigInteger.ONE.shiftLeft(260).modInverse(Q)).mod(Q);
    }

    private static void assertNormal(long[] m, int a) {
        for (int i = 0; i < FpLimbs.SIZE; i++) {
            assertThat(m[a + i]).isBetween(0L, FpLimbs.MASK);
        }
        assertThat(valueOf(m, a)).isLessThan(Q.multiply(BigInteger.valueOf(3)));
    }

    @Property(tries = 60, seed = "20261202")
    void fp2LimbOperationsEqualReference(@ForAll long seed) {
        TestData d = new TestData(seed);
        Fp2 x = d.fp2();
        Fp2 y = d.fp2();
        long[] m = memory();
        Fp2Limbs.set(m, A, x);
        Fp2Limbs.set(m, B, y);
        Fp2Limbs.mul(m, R, A, B, S);
        assertThat(Fp2Limbs.get(m, R)).isEqualTo(x.mul(y));
        Fp2Limbs.square(m, R, A, S);
        assertThat(Fp2Limbs.get(m, R)).isEqualTo(x.square());
        Fp2Limbs.mulByXi(m, R, A, S);
        assertThat(Fp2Limbs.get(m, R)).isEqualTo(x.mulByXi());
        Fp2Limbs.inverse(m, R, A, S);
        assertThat(Fp2Limbs.get(m, R)).isEqualTo(x.inverse());
        if (!x.isZero()) {
            Fp2Limbs.inverseVariableTime(m, R, A, S);
            assertThat(Fp2Limbs.get(m, R)).isEqualTo(x.inverse());
            Fp2Limbs.copy(m, R, A);
            Fp2Limbs.inverseVariableTime(m, R, R, S); // in place
            assertThat(Fp2Limbs.get(m, R)).isEqualTo(x.inverse());
        }
        Fp2Limbs.conjugate(m, R, A);
        assertThat(Fp2Limbs.get(m, R)).isEqualTo(x.conjugate());
        Fp2Limbs.halve(m, R, A);
        assertThat(Fp2Limbs.get(m, R).dbl()).isEqualTo(x);
        FpLimbs.set(m, C, y.c0);
        Fp2Limbs.mulByFp(m, R, A, C);
        assertThat(Fp2Limbs.get(m, R)).isEqualTo(x.mul(y.c0));
        Fp2Limbs.add(m, R, A, B);
        assertThat(Fp2Limbs.get(m, R)).isEqualTo(x.add(y));
        Fp2Limbs.sub(m, R, A, B);
        assertThat(Fp2Limbs.get(m, R)).isEqualTo(x.sub(y));
        Fp2Limbs.dbl(m, R, A);
        assertThat(Fp2Limbs.get(m, R)).isEqualTo(x.dbl());
        Fp2Limbs.neg(m, R, A);
        assertThat(Fp2Limbs.get(m, R)).isEqualTo(x.neg());
        assertThat(Fp2Limbs.equal(m, A, A)).isTrue();
        assertThat(Fp2Limbs.isZero(m, A)).isFalse();
        Fp2Limbs.mul(m, A, A, B, S);
        assertThat(Fp2Limbs.get(m, A)).isEqualTo(x.mul(y));
        Fp2Limbs.square(m, B, B, S);
        assertThat(Fp2Limbs.get(m, B)).isEqualTo(y.square());
    }

    @Property(tries = 40, seed = "20261203")
    void fp6LimbOperationsEqualReference(@ForAll long seed) {
        TestData d = new TestData(seed);
        Fp6 x = d.fp6();
        Fp6 y = d.fp6();
        long[] m = memory();
        Fp6Limbs.set(m, A, x);
        Fp6Limbs.set(m, B, y);
        Fp6Limbs.mul(m, R, A, B, S);
        assertThat(Fp6Limbs.get(m, R)).isEqualTo(x.mul(y));
        Fp6Limbs.square(m, R, A, S);
        assertThat(Fp6Limbs.get(m, R)).isEqualTo(x.square());
        Fp6Limbs.mulByV(m, R, A, S);
        assertThat(Fp6Limbs.get(m, R)).isEqualTo(x.mulByV());
        Fp6Limbs.mulBy01(m, R, A, B, B + E2, S);
        assertThat(Fp6Limbs.get(m, R)).isEqualTo(x.mulBy01(y.c0, y.c1));
        Fp6Limbs.mulByFp2(m, R, A, B, S);
        assertThat(Fp6Limbs.get(m, R)).isEqualTo(x.mul(y.c0));
        Fp6Limbs.inverse(m, R, A, S);
        assertThat(Fp6Limbs.get(m, R)).isEqualTo(x.inverse());
        Fp6Limbs.mulBy01(m, A, A, B, B + E2, S);
        assertThat(Fp6Limbs.get(m, A)).isEqualTo(x.mulBy01(y.c0, y.c1));
        Fp6Limbs.mul(m, B, A, B, S);
        assertThat(Fp6Limbs.get(m, B)).isEqualTo(x.mulBy01(y.c0, y.c1).mul(y));
    }

    @Property(tries = 30, seed = "20261204")
    void fp12LimbOperationsEqualReference(@ForAll long seed) {
        TestData d = new TestData(seed);
        Fp12 x = d.fp12();
        Fp12 y = d.fp12();
        long[] m = memory();
        Fp12Limbs.set(m, A, x);
        Fp12Limbs.set(m, B, y);
        Fp12Limbs.mul(m, R, A, B, S);
        assertThat(Fp12Limbs.get(m, R)).isEqualTo(x.mul(y));
        Fp12Limbs.square(m, R, A, S);
        assertThat(Fp12Limbs.get(m, R)).isEqualTo(x.square());
        Fp12Limbs.inverse(m, R, A, S);
        assertThat(Fp12Limbs.get(m, R)).isEqualTo(x.inverse());
        Fp12Limbs.conjugate(m, R, A);
        assertThat(Fp12Limbs.get(m, R)).isEqualTo(x.conjugate());
        for (int n = 1; n <= 3; n++) {
            Fp12Limbs.frobenius(m, R, A, n, S);
            assertThat(Fp12Limbs.get(m, R)).isEqualTo(x.frobenius(n));
        }
        // sparse line products: d0 = y.c0.c0, d3 = y.c1.c0, d4 = y.c1.c1 at C, C + E2, C + 2·E2
        Fp2Limbs.set(m, C, y.c0.c0);
        Fp2Limbs.set(m, C + E2, y.c1.c0);
        Fp2Limbs.set(m, C + 2 * E2, y.c1.c1);
        Fp12Limbs.mulBy034(m, R, A, C, C + E2, C + 2 * E2, S);
        assertThat(Fp12Limbs.get(m, R)).isEqualTo(x.mulBy034(y.c0.c0, y.c1.c0, y.c1.c1));
        Fp12Limbs.mulBy34(m, R, A, C + E2, C + 2 * E2, S);
        assertThat(Fp12Limbs.get(m, R)).isEqualTo(x.mulBy034(Fp2.ONE, y.c1.c0, y.c1.c1));
        Fp12Limbs.mulBy34(m, A, A, C + E2, C + 2 * E2, S);
        assertThat(Fp12Limbs.get(m, A)).isEqualTo(x.mulBy034(Fp2.ONE, y.c1.c0, y.c1.c1));
        Fp12Limbs.mul(m, A, A, B, S);
        Fp12Limbs.square(m, A, A, S);
        assertThat(Fp12Limbs.get(m, A)).isEqualTo(x.mulBy034(Fp2.ONE, y.c1.c0, y.c1.c1).mul(y).square());
    }

    @Property(tries = 20, seed = "20261205")
    void cyclotomicSquareEqualsSquareOnCyclotomicElements(@ForAll long seed) {
        Fp12 f = new TestData(seed).fp12();
        Fp12 g = f.conjugate().mul(f.inverse()); // f^(q^6 − 1)
        g = g.frobenius(2).mul(g); // ^(q^2 + 1): now in the cyclotomic subgroup
        long[] m = memory();
        Fp12Limbs.set(m, A, g);
        Fp12Limbs.cyclotomicSquare(m, R, A, S);
        assertThat(Fp12Limbs.get(m, R)).isEqualTo(g.square());
        Fp12Limbs.cyclotomicSquare(m, A, A, S);
        Fp12Limbs.cyclotomicSquare(m, A, A, S);
        assertThat(Fp12Limbs.get(m, A)).isEqualTo(g.square().square());
    }
    @Provide
    Arbitrary<BigInteger> frValues() {
        BigInteger r = Fr.MODULUS;
        return Arbitraries.oneOf(Arbitraries.bigIntegers().between(BigInteger.ZERO, r.subtract(BigInteger.ONE)),
                Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, r.subtract(BigInteger.ONE), r.subtract(BigInteger.TWO),
                        BigInteger.ONE.shiftLeft(64), BigInteger.ONE.shiftLeft(253)));
    }

    @Property(tries = 300, seed = "20261211")
    void frLimbOperationsAndButterfliesEqualReference(@ForAll("frValues") BigInteger a, @ForAll("frValues") BigInteger b,
            @ForAll("frValues") BigInteger w) {
        Fr x = Fr.fromBigInteger(a);
        Fr y = Fr.fromBigInteger(b);
        Fr t = Fr.fromBigInteger(w);
        int e = FrLimbs.SIZE;
        long[] m = new long[4 * e];
        long[] tw = new long[e];
        FrLimbs.set(m, 0, x);
        FrLimbs.set(m, e, y);
        FrLimbs.set(tw, 0, t);
        assertThat(FrLimbs.get(m, 0)).isEqualTo(x);
        FrLimbs.mul(m, 2 * e, 0, e);
        assertThat(FrLimbs.get(m, 2 * e)).isEqualTo(x.mul(y));
        FrLimbs.sub(m, 3 * e, 2 * e, e); // lazy difference of a product and a normal value
        assertThat(FrLimbs.get(m, 3 * e)).isEqualTo(x.mul(y).sub(y));
        FrLimbs.normalize(m, 3 * e, 3 * e);
        assertThat(FrLimbs.get(m, 3 * e)).isEqualTo(x.mul(y).sub(y));
        long[] plain = new long[4];
        FrLimbs.standard(m, 3 * e, new long[e], plain, 0);
        BigInteger value = BigInteger.ZERO;
        for (int i = 3; i >= 0; i--) {
            value = value.shiftLeft(64).add(new BigInteger(Long.toUnsignedString(plain[i])));
        }
        assertThat(value).isEqualTo(x.mul(y).sub(y).toBigInteger());
        // butterflies, chained so that their outputs feed the next (their bounds are closed under them)
        long[] v = m.clone();
        FrLimbs.butterflyDif(v, 0, e, tw, 0);
        assertThat(FrLimbs.get(v, 0)).isEqualTo(x.add(y));
        assertThat(FrLimbs.get(v, e)).isEqualTo(x.sub(y).mul(t));
        FrLimbs.butterflyDit(v, 0, e, tw, 0);
        Fr s = x.add(y);
        Fr d = x.sub(y).mul(t);
        assertThat(FrLimbs.get(v, 0)).isEqualTo(s.add(d.mul(t)));
        assertThat(FrLimbs.get(v, e)).isEqualTo(s.sub(d.mul(t)));
        FrLimbs.butterflyDif(v, 0, e, null, 0);
        FrLimbs.butterflyDit(v, 0, e, null, 0);
        assertThat(FrLimbs.get(v, 0)).isEqualTo(s.add(d.mul(t)).dbl());
        assertThat(FrLimbs.get(v, e)).isEqualTo(s.sub(d.mul(t)).dbl());
    }
}
