package io.zklayer.zk.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.zk.TestData;
import io.zklayer.zk.curve.G1Point;
import io.zklayer.zk.curve.G2Point;
import io.zklayer.zk.field.Fp12;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The limb-arithmetic pairing (prepared lines, leading-one lines for fixed points, Jacobian G1 inputs,
 * windowed final exponentiation) gives exactly the GT values of the straightforward {@link ReferencePairing}.
 */
class PreparedPairingTest {
    @Property(tries = 3, seed = "20261206")
    void pairingEqualsReference(@ForAll long seed) {
        TestData d = new TestData(seed);
        G1Point p = d.g1(); // Jacobian, Z ≠ 1
        G2Point q = d.g2();
        assertThat(Pairing.pair(p, q)).isEqualTo(ReferencePairing.pair(p, q));
    }

    @Property(tries = 3, seed = "20261207")
    void multiPairingWithFixedPointLinesEqualsReference(@ForAll long seed) {
        TestData d = new TestData(seed);
        G1Point p1 = d.g1();
        G1Point p2 = d.g1().normalize();
        G1Point p3 = d.g1();
        G2Point q1 = d.g2();
        G2Point q2 = d.g2();
        G2Point q3 = d.g2();
        Fp12 expected = ReferencePairing.multiPair(List.of(p1, p2, p3), List.of(q1, q2, q3));
        Fp12 got = Pairing.multiPair(List.of(new Pairing.Pair(p1, q1),
                new Pairing.Pair(p2, G2Prepared.forFixedPoint(q2)), new Pairing.Pair(p3, G2Prepared.forFixedPoint(q3))));
        assertThat(got).isEqualTo(expected);
    }

    @Test
    void fixedPointLinesHaveALeadingOneAndInfinityContributesNothing() {
        TestData d = new TestData(11);
        G2Point q = d.g2();
        assertThat(G2Prepared.forFixedPoint(q).leadingOne).isTrue();
        assertThat(G2Prepared.of(q).leadingOne).isFalse();
        G1Point p = d.g1();
        Fp12 alone = Pairing.multiPair(List.of(new Pairing.Pair(p, q)));
        assertThat(Pairing.multiPair(List.of(new Pairing.Pair(p, q), new Pairing.Pair(G1Point.INFINITY, d.g2()),
                new Pairing.Pair(d.g1(), G2Prepared.forFixedPoint(G2Point.INFINITY))))).isEqualTo(alone);
    }

    @Property(tries = 5, seed = "20261208")
    void finalExponentiationEqualsReference(@ForAll long seed) {
        Fp12 f = new TestData(seed).fp12();
        assertThat(Pairing.finalExponentiation(f)).isEqualTo(ReferencePairing.finalExponentiation(f));
    }
}
