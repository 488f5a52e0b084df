package io.zklayer.zk.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.zk.TestData;
import io.zklayer.zk.curve.G1Point;
import io.zklayer.zk.curve.G2Point;
import io.zklayer.zk.curve.G2Subgroup;
import io.zklayer.zk.field.Fp;
import io.zklayer.zk.field.Fp12;
import io.zklayer.zk.field.Fr;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class PairingTest {
    @Property(tries = 4, seed = "20261126")
    void isBilinear(@ForAll @LongRange(min = 1) long seed) {
        TestData d = new TestData(seed);
        Fr a = d.fr();
        Fr b = d.fr();
        G1Point p = d.g1();
        G2Point q = d.g2();
        Fp12 base = Pairing.pair(p, q);
        assertThat(Pairing.pair(p.mul(a), q.mul(b))).isEqualTo(base.pow(a.mul(b).toBigInteger()));
    }

    @Test
    void isNonDegenerateAndHasOrderR() {
        Fp12 e = Pairing.pair(G1Point.GENERATOR, G2Point.GENERATOR);
        assertThat(e.isOne()).isFalse();
        assertThat(e.pow(Fr.MODULUS).isOne()).isTrue();
        assertThat(Pairing.pair(G1Point.INFINITY, G2Point.GENERATOR).isOne()).isTrue();
    }

    @Test
    void finalExponentiationIsTheStatedPowerOfTheMillerValue() {
        Fp12 f = new TestData(5).fp12();
        BigInteger q = Fp.MODULUS;
        BigInteger u = BigInteger.valueOf(G2Subgroup.U);
        BigInteger multiple = u.multiply(BigInteger.TWO).multiply(u.pow(2).multiply(BigInteger.valueOf(6))
                .add(u.multiply(BigInteger.valueOf(3))).add(BigInteger.ONE));
        BigInteger exponent = q.pow(12).subtract(BigInteger.ONE).divide(Fr.MODULUS).multiply(multiple);
        assertThat(Pairing.finalExponentiation(f)).isEqualTo(f.pow(exponent));
    }

    @Test
    void productCheckAcceptsCancellingPairsAndRejectsOthers() {
        TestData d = new TestData(6);
        G1Point p = d.g1();
        G2Point q = d.g2();
        Fr k = d.fr();
        List<Pairing.Pair> cancel = List.of(new Pairing.Pair(p.mul(k), q), new Pairing.Pair(p.neg(), q.mul(k)));
        assertThat(Pairing.productIsOne(cancel)).isTrue();
        List<Pairing.Pair> off = List.of(new Pairing.Pair(p.mul(k), q), new Pairing.Pair(p, q.mul(k)));
        assertThat(Pairing.productIsOne(off)).isFalse();
        assertThat(Pairing.productIsOne(List.of())).isTrue();
    }
}
