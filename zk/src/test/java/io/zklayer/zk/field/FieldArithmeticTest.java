package io.zklayer.zk.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.zk.ZkFormatException;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class FieldArithmeticTest {
    private static final BigInteger Q = Fp.MODULUS;
    private static final BigInteger R = Fr.MODULUS;

    @Provide
    Arbitrary<BigInteger> fpValues() {
        return Arbitraries.oneOf(Arbitraries.bigIntegers().between(BigInteger.ZERO, Q.subtract(BigInteger.ONE)),
                Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, Q.subtract(BigInteger.ONE), Q.subtract(BigInteger.TWO),
                        BigInteger.ONE.shiftLeft(64), BigInteger.ONE.shiftLeft(253)));
    }

    @Provide
    Arbitrary<BigInteger> frValues() {
        return Arbitraries.oneOf(Arbitraries.bigIntegers().between(BigInteger.ZERO, R.subtract(BigInteger.ONE)),
                Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, R.subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(128)));
    }

    @Property(tries = 300, seed = "20261121")
    void fpAddSubMulMatchIntegerArithmeticModQ(@ForAll("fpValues") BigInteger a, @ForAll("fpValues") BigInteger b) {
        Fp x = Fp.fromBigInteger(a);
        Fp y = Fp.fromBigInteger(b);
        assertThat(x.add(y).toBigInteger()).isEqualTo(a.add(b).mod(Q));
        assertThat(x.sub(y).toBigInteger()).isEqualTo(a.subtract(b).mod(Q));
        assertThat(x.mul(y).toBigInteger()).isEqualTo(a.multiply(b).mod(Q));
        assertThat(x.square().toBigInteger()).isEqualTo(a.multiply(a).mod(Q));
        assertThat(x.neg().toBigInteger()).isEqualTo(a.negate().mod(Q));
    }

    @Property(tries = 300, seed = "20261122")
    void frAddSubMulMatchIntegerArithmeticModR(@ForAll("frValues") BigInteger a, @ForAll("frValues") BigInteger b) {
        Fr x = Fr.fromBigInteger(a);
        Fr y = Fr.fromBigInteger(b);
        assertThat(x.add(y).toBigInteger()).isEqualTo(a.add(b).mod(R));
        assertThat(x.sub(y).toBigInteger()).isEqualTo(a.subtract(b).mod(R));
        assertThat(x.mul(y).toBigInteger()).isEqualTo(a.multiply(b).mod(R));
    }

    @Property(tries = 40, seed = "20261123")
    void fieldAxiomsHold(@ForAll("fpValues") BigInteger a, @ForAll("fpValues") BigInteger b, @ForAll("fpValues") BigInteger c) {
        Fp x = Fp.fromBigInteger(a);
        Fp y = Fp.fromBigInteger(b);
        Fp z = Fp.fromBigInteger(c);
        assertThat(x.mul(y).mul(z)).isEqualTo(x.mul(y.mul(z)));
        assertThat(x.mul(y.add(z))).isEqualTo(x.mul(y).add(x.mul(z)));
        assertThat(x.add(y)).isEqualTo(y.add(x));
        assertThat(x.add(Fp.ZERO)).isEqualTo(x);
        assertThat(x.mul(Fp.ONE)).isEqualTo(x);
        if (!x.isZero()) {
            assertThat(x.mul(x.inverse())).isEqualTo(Fp.ONE);
        }
    }

    @Property(tries = 100, seed = "20261124")
    void bytesRoundTripInBothByteOrders(@ForAll("frValues") BigInteger a) {
        Fr x = Fr.fromBigInteger(a);
        byte[] be = x.toBytesBE();
        assertThat(new BigInteger(1, be)).isEqualTo(a);
        assertThat(Fr.fromBytesBE(be, 0)).isEqualTo(x);
        byte[] le = new byte[32];
        x.writeBytesLE(le, 0);
        assertThat(Fr.fromBytesLE(le, 0)).isEqualTo(x);
    }

    @Test
    void rejectsEncodingsAtOrAboveTheModulus() {
        byte[] q = toBytes32(Q);
        assertThatThrownBy(() -> Fp.fromBytesBE(q, 0)).isInstanceOf(ZkFormatException.class).hasMessageContaining("not canonical");
        byte[] qPlus5 = toBytes32(Q.add(BigInteger.valueOf(5)));
        assertThatThrownBy(() -> Fp.fromBytesBE(qPlus5, 0)).isInstanceOf(ZkFormatException.class);
        assertThatThrownBy(() -> Fp.fromDecimal(Q.toString())).isInstanceOf(ZkFormatException.class);
        assertThatThrownBy(() -> Fr.fromDecimal("-1")).isInstanceOf(ZkFormatException.class);
        assertThatThrownBy(() -> Fr.fromDecimal("12a")).isInstanceOf(ZkFormatException.class);
        assertThat(Fp.fromBytesBE(toBytes32(Q.subtract(BigInteger.ONE)), 0)).isEqualTo(Fp.ONE.neg());
    }

    @Test
    void ofLongHandlesNegativeValues() {
        assertThat(Fr.of(-5).toBigInteger()).isEqualTo(R.subtract(BigInteger.valueOf(5)));
        assertThat(Fp.of(Long.MAX_VALUE).toBigInteger()).isEqualTo(BigInteger.valueOf(Long.MAX_VALUE));
    }

    @Property(tries = 30, seed = "20261125")
    void sqrtOfSquareIsARootInFp2(@ForAll("fpValues") BigInteger a, @ForAll("fpValues") BigInteger b) {
        Fp2 x = new Fp2(Fp.fromBigInteger(a), Fp.fromBigInteger(b));
        Fp2 s = x.square().sqrt();
        assertThat(s).isNotNull();
        assertThat(s.square()).isEqualTo(x.square());
        assertThat(s.equals(x) || s.equals(x.neg())).isTrue();
    }

    static byte[] toBytes32(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, out, 32 - n, n);
        return out;
    }
}
