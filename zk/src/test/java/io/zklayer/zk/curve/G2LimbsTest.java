package io.zklayer.zk.curve;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.zk.TestData;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The limb G2 formulas equal {@link G2Point}'s, including the exceptional cases of addition. */
class G2LimbsTest {
    private static final int A = 0;
    private static final int B = G2Limbs.POINT;
    private static final int Q = 2 * G2Limbs.POINT;
    private static final int R = 3 * G2Limbs.POINT;
    private static final int S = 4 * G2Limbs.POINT;

    private static long[] memory() {
        return new long[S + G2Limbs.SCRATCH];
    }

    @Property(tries = 15, seed = "20261213")
    void doublingAndAdditionEqualTheReference(@ForAll long seed) {
        TestData d = new TestData(seed);
        G2Point p = d.g2().dbl(); // Jacobian, Z ≠ 1
        G2Point q = d.g2().dbl();
        G2Point qa = q.normalize();
        long[] m = memory();
        G2Limbs.set(m, A, p);
        G2Limbs.set(m, B, q);
        G2Limbs.setAffine(m, Q, qa);
        G2Limbs.dbl(m, R, A, S);
        assertThat(G2Limbs.get(m, R)).isEqualTo(p.dbl());
        G2Limbs.add(m, R, A, B, S);
        assertThat(G2Limbs.get(m, R)).isEqualTo(p.add(q));
        G2Limbs.addAffine(m, R, A, Q, S);
        assertThat(G2Limbs.get(m, R)).isEqualTo(p.add(q));
        G2Limbs.add(m, A, A, B, S);
        G2Limbs.dbl(m, A, A, S);
        G2Limbs.addAffine(m, A, A, Q, S);
        assertThat(G2Limbs.get(m, A)).isEqualTo(p.add(q).dbl().add(q));
    }

    @Test
    void additionHandlesInfinityEqualAndOppositePoints() {
        G2Point p = new TestData(23).g2().dbl();
        G2Point pa = p.normalize();
        long[] m = memory();
        G2Limbs.set(m, A, p);
        G2Limbs.setAffine(m, Q, pa);
        G2Limbs.addAffine(m, R, A, Q, S);
        assertThat(G2Limbs.get(m, R)).isEqualTo(p.dbl());
        G2Limbs.add(m, R, A, A, S);
        assertThat(G2Limbs.get(m, R)).isEqualTo(p.dbl());
        G2Limbs.set(m, B, p.neg());
        G2Limbs.add(m, R, A, B, S);
        assertThat(G2Limbs.isInfinity(m, R)).isTrue();
        G2Limbs.setAffine(m, Q, pa.neg());
        G2Limbs.addAffine(m, R, A, Q, S);
        assertThat(G2Limbs.isInfinity(m, R)).isTrue();
        G2Limbs.setInfinity(m, B);
        G2Limbs.add(m, R, A, B, S);
        assertThat(G2Limbs.get(m, R)).isEqualTo(p);
        G2Limbs.add(m, R, B, A, S);
        assertThat(G2Limbs.get(m, R)).isEqualTo(p);
        G2Limbs.addAffine(m, R, B, Q, S);
        assertThat(G2Limbs.get(m, R)).isEqualTo(pa.neg());
        G2Limbs.dbl(m, R, B, S);
        assertThat(G2Limbs.get(m, R)).isEqualTo(G2Point.INFINITY);
    }
}
