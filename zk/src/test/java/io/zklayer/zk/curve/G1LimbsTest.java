package io.zklayer.zk.curve;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.zk.TestData;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The limb G1 formulas equal {@link G1Point}'s, including the exceptional cases of addition. */
class G1LimbsTest {
    private static final int A = 0;
    private static final int B = G1Limbs.POINT;
    private static final int R = 2 * G1Limbs.POINT;
    private static final int S = 3 * G1Limbs.POINT;

    private static long[] memory() {
        return new long[S + G1Limbs.SCRATCH];
    }

    @Property(tries = 40, seed = "20261211")
    void doublingAndAdditionEqualTheReference(@ForAll long seed) {
        TestData d = new TestData(seed);
        G1Point p = d.g1(); // Jacobian, Z ≠ 1
        G1Point q = d.g1();
        G1Point qa = q.normalize();
        long[] m = memory();
        G1Limbs.set(m, A, p);
        G1Limbs.set(m, B, q);
        G1Limbs.dbl(m, R, A, S);
        assertThat(G1Limbs.get(m, R)).isEqualTo(p.dbl());
        G1Limbs.add(m, R, A, B, S);
        assertThat(G1Limbs.get(m, R)).isEqualTo(p.add(q));
        long[] affine = new long[G1Limbs.AFFINE];
        G1Limbs.setAffine(affine, 0, qa);
        G1Limbs.addAffine(m, R, A, affine, 0, S);
        assertThat(G1Limbs.get(m, R)).isEqualTo(p.add(q));
        G1Limbs.neg(m, R, A);
        assertThat(G1Limbs.get(m, R)).isEqualTo(p.neg());
        // results may overwrite inputs
        G1Limbs.add(m, A, A, B, S);
        G1Limbs.dbl(m, A, A, S);
        G1Limbs.addAffine(m, A, A, affine, 0, S);
        assertThat(G1Limbs.get(m, A)).isEqualTo(p.add(q).dbl().add(q));
    }

    @Property(tries = 10, seed = "20261214")
    void fixedBaseTablesMultiplyLikeTheReference(@ForAll long seed) {
        TestData d = new TestData(seed);
        G1Point base = d.g1();
        G1FixedBase table = new G1FixedBase(base);
        io.zklayer.zk.field.Fr k = d.fr();
        assertThat(table.mul(k)).isEqualTo(base.mul(k));
        assertThat(table.mul(io.zklayer.zk.field.Fr.of(-12345))).isEqualTo(base.mul(io.zklayer.zk.field.Fr.of(-12345)));
        assertThat(table.mul(io.zklayer.zk.field.Fr.of(7))).isEqualTo(base.mul(io.zklayer.zk.field.Fr.of(7)));
        assertThat(table.mul(io.zklayer.zk.field.Fr.ZERO).isInfinity()).isTrue();
        assertThat(new G1FixedBase(G1Point.INFINITY).mul(k).isInfinity()).isTrue();
    }

    @Test
    void additionHandlesInfinityEqualAndOppositePoints() {
        TestData d = new TestData(12);
        G1Point p = d.g1();
        G1Point pa = p.normalize();
        long[] m = memory();
        long[] affine = new long[G1Limbs.AFFINE];
        G1Limbs.setAffine(affine, 0, pa);
        G1Limbs.set(m, A, p);
        G1Limbs.addAffine(m, R, A, affine, 0, S); // P + P
        assertThat(G1Limbs.get(m, R)).isEqualTo(p.dbl());
        G1Limbs.add(m, R, A, A, S);
        assertThat(G1Limbs.get(m, R)).isEqualTo(p.dbl());
        G1Limbs.set(m, B, p.neg());
        G1Limbs.add(m, R, A, B, S); // P − P
        assertThat(G1Limbs.isInfinity(m, R)).isTrue();
        G1Limbs.setAffine(affine, 0, pa.neg());
        G1Limbs.addAffine(m, R, A, affine, 0, S);
        assertThat(G1Limbs.isInfinity(m, R)).isTrue();
        G1Limbs.setInfinity(m, B);
        G1Limbs.add(m, R, A, B, S);
        assertThat(G1Limbs.get(m, R)).isEqualTo(p);
        G1Limbs.add(m, R, B, A, S);
        assertThat(G1Limbs.get(m, R)).isEqualTo(p);
        G1Limbs.addAffine(m, R, B, affine, 0, S);
        assertThat(G1Limbs.get(m, R)).isEqualTo(pa.neg());
        G1Limbs.dbl(m, R, B, S);
        assertThat(G1Limbs.isInfinity(m, R)).isTrue();
        assertThat(G1Limbs.get(m, R)).isEqualTo(G1Point.INFINITY);
    }
}
