package io.zklayer.zk.curve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.zk.TestData;
import io.zklayer.zk.ZkFormatException;
import io.zklayer.zk.field.Fp;
import io.zklayer.zk.field.Fp2;
import io.zklayer.zk.field.Fr;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class CurveTest {
    private final TestData data = new TestData(42);

    @Test
    void generatorsAreOnTheirCurvesAndHaveOrderR() {
        assertThat(G1Point.GENERATOR.isOnCurve()).isTrue();
        assertThat(G2Point.GENERATOR.isOnCurve()).isTrue();
        assertThat(G1Point.GENERATOR.mul(Fr.MODULUS).isInfinity()).isTrue();
        assertThat(G2Point.GENERATOR.mul(Fr.MODULUS).isInfinity()).isTrue();
        assertThat(G2Point.GENERATOR.isInSubgroup()).isTrue();
    }

    @Test
    void groupLawIsConsistentInJacobianCoordinates() {
        G1Point p = data.g1();
        G1Point q = data.g1();
        assertThat(p.add(q)).isEqualTo(q.add(p));
        assertThat(p.add(p)).isEqualTo(p.dbl());
        assertThat(p.add(p.neg()).isInfinity()).isTrue();
        assertThat(p.add(q).normalize().isOnCurve()).isTrue();
        assertThat(p.addAffine(q.normalize())).isEqualTo(p.add(q));
        Fr a = data.fr();
        Fr b = data.fr();
        assertThat(G1Point.GENERATOR.mul(a).add(G1Point.GENERATOR.mul(b))).isEqualTo(G1Point.GENERATOR.mul(a.add(b)));
        G2Point s = data.g2();
        G2Point t = data.g2();
        assertThat(s.add(t).sub(t)).isEqualTo(s);
        assertThat(s.add(s)).isEqualTo(s.dbl());
        assertThat(G2Point.GENERATOR.mul(a).mul(b)).isEqualTo(G2Point.GENERATOR.mul(a.mul(b)));
    }

    @Test
    void ethereumEncodingRoundTripsAndPutsTheImaginaryPartFirst() {
        assertThat(G1Point.GENERATOR.toEthereumBytes()[31]).isEqualTo((byte) 1);
        assertThat(G1Point.GENERATOR.toEthereumBytes()[63]).isEqualTo((byte) 2);
        G1Point p = data.g1();
        assertThat(G1Point.fromEthereumBytes(p.toEthereumBytes(), 0)).isEqualTo(p);
        assertThat(G1Point.fromEthereumBytes(new byte[64], 0).isInfinity()).isTrue();
        G2Point q = data.g2();
        byte[] enc = q.toEthereumBytes();
        assertThat(Fp.fromBytesBE(enc, 0)).isEqualTo(q.affineX().c1);
        assertThat(Fp.fromBytesBE(enc, 32)).isEqualTo(q.affineX().c0);
        assertThat(G2Point.fromEthereumBytes(enc, 0)).isEqualTo(q);
        assertThat(G2Point.fromEthereumBytes(new byte[128], 0).isInfinity()).isTrue();
    }

    @Test
    void compressedFormRoundTripsForBothRoots() {
        for (int i = 0; i < 4; i++) {
            G1Point p = data.g1();
            assertThat(G1Point.fromCompressed(p.toCompressed())).isEqualTo(p);
            assertThat(G1Point.fromCompressed(p.neg().toCompressed())).isEqualTo(p.neg());
            G2Point q = data.g2();
            assertThat(G2Point.fromCompressed(q.toCompressed())).isEqualTo(q);
            assertThat(G2Point.fromCompressed(q.neg().toCompressed())).isEqualTo(q.neg());
        }
        assertThat(G1Point.fromCompressed(G1Point.INFINITY.toCompressed()).isInfinity()).isTrue();
        assertThat(G2Point.fromCompressed(G2Point.INFINITY.toCompressed()).isInfinity()).isTrue();
        assertThatThrownBy(() -> G1Point.fromCompressed(new byte[32])).isInstanceOf(ZkFormatException.class)
                .hasMessageContaining("flag");
    }

    @Test
    void rejectsPointsOffTheCurveAndNonCanonicalCoordinates() {
        byte[] bad = G1Point.GENERATOR.toEthereumBytes();
        bad[63] = 3;
        assertThatThrownBy(() -> G1Point.fromEthereumBytes(bad, 0)).isInstanceOf(ZkFormatException.class)
                .hasMessageContaining("not on y^2 = x^3 + 3");
        byte[] big = G1Point.GENERATOR.toEthereumBytes();
        byte[] xPlusQ = Fp.MODULUS.add(BigInteger.ONE).toByteArray();
        System.arraycopy(xPlusQ, xPlusQ.length - 32, big, 0, 32);
        assertThatThrownBy(() -> G1Point.fromEthereumBytes(big, 0)).isInstanceOf(ZkFormatException.class)
                .hasMessageContaining("not canonical");
        byte[] g2 = G2Point.GENERATOR.toEthereumBytes();
        g2[127] ^= 1;
        assertThatThrownBy(() -> G2Point.fromEthereumBytes(g2, 0)).isInstanceOf(ZkFormatException.class)
                .hasMessageContaining("twist");
    }

    @Test
    void fastSubgroupCheckAgreesWithTheOrderDefinition() {
        for (int i = 0; i < 3; i++) {
            G2Point outside = data.twistPointOutsideG2();
            assertThat(outside.isOnCurve()).isTrue();
            assertThat(G2Subgroup.containsByOrder(outside)).isFalse();
            assertThat(G2Subgroup.contains(outside)).isFalse();
            G2Point inside = data.g2();
            assertThat(G2Subgroup.containsByOrder(inside)).isTrue();
            assertThat(G2Subgroup.contains(inside)).isTrue();
            byte[] enc = outside.toEthereumBytes();
            assertThatThrownBy(() -> G2Point.fromEthereumBytes(enc, 0)).isInstanceOf(ZkFormatException.class)
                    .hasMessageContaining("not in the order-r subgroup");
        }
    }

    @Test
    void psiActsAsMultiplicationByQOnG2() {
        G2Point p = data.g2();
        assertThat(G2Subgroup.psi(p)).isEqualTo(p.mul(Fp.MODULUS.mod(Fr.MODULUS)));
        assertThat(new Fp2(Fp.ONE, Fp.ZERO)).isEqualTo(Fp2.ONE);
    }

    @Test
    void fixedBaseTableAndWindowedMultiplicationAgreeWithDoubleAndAdd() {
        G1Point p = data.g1();
        G1FixedBase table = new G1FixedBase(p);
        for (int i = 0; i < 5; i++) {
            Fr k = data.fr();
            G1Point expected = G1Point.INFINITY;
            BigInteger kb = k.toBigInteger();
            for (int b = kb.bitLength() - 1; b >= 0; b--) {
                expected = expected.dbl();
                if (kb.testBit(b)) {
                    expected = expected.add(p);
                }
            }
            assertThat(table.mul(k)).isEqualTo(expected);
            assertThat(p.mul(k)).isEqualTo(expected);
        }
        assertThat(table.mul(Fr.ZERO).isInfinity()).isTrue();
        assertThat(table.mul(Fr.ONE)).isEqualTo(p);
        assertThat(table.mul(Fr.of(-1))).isEqualTo(p.neg());
    }

    @Test
    void normalizeAllMatchesOneByOneNormalization() {
        G2Point[] pts = {data.g2().add(data.g2()), G2Point.INFINITY, data.g2().dbl()};
        G2Point[] n = G2Point.normalizeAll(pts);
        for (int i = 0; i < pts.length; i++) {
            assertThat(n[i]).isEqualTo(pts[i]);
            assertThat(n[i].isInfinity() || n[i].z.isOne()).isTrue();
        }
    }
}
