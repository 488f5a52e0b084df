package io.zklayer.zk.field;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.zk.TestData;
import java.math.BigInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class TowerTest {
    private static final BigInteger Q = Fp.MODULUS;

    @RepeatedTest(5)
    void extensionFieldAxiomsHold(RepetitionInfo info) {
        TestData d = new TestData(100 + info.getCurrentRepetition());
        Fp2 a2 = d.fp2();
        Fp2 b2 = d.fp2();
        assertThat(a2.mul(b2).mul(a2.inverse())).isEqualTo(b2);
        assertThat(a2.square()).isEqualTo(a2.mul(a2));
        assertThat(new Fp2(Fp.ZERO, Fp.ONE).square()).isEqualTo(Fp2.ONE.neg()); // u² = −1
        Fp6 a6 = d.fp6();
        Fp6 b6 = d.fp6();
        Fp6 c6 = d.fp6();
        assertThat(a6.mul(b6).mul(c6)).isEqualTo(a6.mul(b6.mul(c6)));
        assertThat(a6.mul(b6.add(c6))).isEqualTo(a6.mul(b6).add(a6.mul(c6)));
        assertThat(a6.square()).isEqualTo(a6.mul(a6));
        assertThat(a6.mul(a6.inverse())).isEqualTo(Fp6.ONE);
        Fp6 v = new Fp6(Fp2.ZERO, Fp2.ONE, Fp2.ZERO);
        assertThat(v.mul(v).mul(v)).isEqualTo(new Fp6(Fp2.XI, Fp2.ZERO, Fp2.ZERO)); // v³ = ξ
        assertThat(a6.mulByV()).isEqualTo(a6.mul(v));
        assertThat(a6.mulBy01(b6.c0, b6.c1)).isEqualTo(a6.mul(new Fp6(b6.c0, b6.c1, Fp2.ZERO)));
        Fp12 a = d.fp12();
        Fp12 b = d.fp12();
        Fp12 c = d.fp12();
        assertThat(a.mul(b).mul(c)).isEqualTo(a.mul(b.mul(c)));
        assertThat(a.square()).isEqualTo(a.mul(a));
        assertThat(a.mul(a.inverse())).isEqualTo(Fp12.ONE);
        Fp12 w = new Fp12(Fp6.ZERO, Fp6.ONE);
        assertThat(w.square()).isEqualTo(new Fp12(v, Fp6.ZERO)); // w² = v
    }

    @Test
    void sparseLineProductEqualsFullProduct() {
        TestData d = new TestData(7);
        Fp12 f = d.fp12();
        Fp2 d0 = d.fp2();
        Fp2 d3 = d.fp2();
        Fp2 d4 = d.fp2();
        Fp12 sparse = new Fp12(new Fp6(d0, Fp2.ZERO, Fp2.ZERO), new Fp6(d3, d4, Fp2.ZERO));
        assertThat(f.mulBy034(d0, d3, d4)).isEqualTo(f.mul(sparse));
    }

    @Test
    void frobeniusEqualsPowerByQ() {
        TestData d = new TestData(8);
        Fp12 f = d.fp12();
        assertThat(f.frobenius(1)).isEqualTo(f.pow(Q));
        assertThat(f.frobenius(2)).isEqualTo(f.pow(Q.pow(2)));
        assertThat(f.frobenius(3)).isEqualTo(f.frobenius(1).frobenius(2));
    }

    @Test
    void cyclotomicSquareEqualsSquareInTheCyclotomicSubgroup() {
        TestData d = new TestData(9);
        Fp12 f = d.fp12();
        Fp12 g = f.conjugate().mul(f.inverse()); // f^(q^6 − 1)
        g = g.frobenius(2).mul(g); // ^(q^2 + 1)
        assertThat(g.cyclotomicSquare()).isEqualTo(g.square());
        assertThat(g.cyclotomicPow(12345L)).isEqualTo(g.pow(BigInteger.valueOf(12345L)));
        assertThat(g.mul(g.conjugate())).isEqualTo(Fp12.ONE);
    }
}
