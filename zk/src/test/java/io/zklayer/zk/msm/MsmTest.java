package io.zklayer.zk.msm;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.zk.TestData;
import io.zklayer.zk.curve.G1Point;
import io.zklayer.zk.curve.G2Point;
import io.zklayer.zk.field.Fr;
import org.junit.jupiter.api.Test;

class MsmTest {
    /** Scalars mixing zeros, ones, small positives, small negatives (r − v) and full-size values. */
    private static Fr[] mixedScalars(TestData d, int n) {
        Fr[] s = new Fr[n];
        for (int i = 0; i < n; i++) {
            switch (i % 5) {
                case 0 -> s[i] = Fr.ZERO;
                case 1 -> s[i] = Fr.ONE;
                case 2 -> s[i] = Fr.of(d.random().nextInt(1 << 20));
                case 3 -> s[i] = Fr.of(-1 - d.random().nextInt(1 << 20));
                default -> s[i] = d.fr();
            }
        }
        return s;
    }

    @Test
    void g1MsmEqualsTheSumOfScalarMultiples() {
        TestData d = new TestData(11);
        for (int n : new int[] {1, 7, 300}) {
            G1Point[] bases = new G1Point[n];
            for (int i = 0; i < n; i++) {
                bases[i] = i == 3 ? G1Point.INFINITY : d.g1();
            }
            bases = G1Point.normalizeAll(bases);
            Fr[] scalars = mixedScalars(d, n);
            G1Point expected = G1Point.INFINITY;
            for (int i = 0; i < n; i++) {
                expected = expected.add(bases[i].mul(scalars[i]));
            }
            assertThat(MsmG1.msm(bases, scalars)).as("n = %d", n).isEqualTo(expected);
        }
    }

    @Test
    void g2MsmEqualsTheSumOfScalarMultiples() {
        TestData d = new TestData(12);
        int n = 60;
        G2Point[] bases = new G2Point[n];
        for (int i = 0; i < n; i++) {
            bases[i] = d.g2();
        }
        bases = G2Point.normalizeAll(bases);
        Fr[] scalars = mixedScalars(d, n);
        G2Point expected = G2Point.INFINITY;
        for (int i = 0; i < n; i++) {
            expected = expected.add(bases[i].mul(scalars[i]));
        }
        assertThat(MsmG2.msm(bases, scalars)).isEqualTo(expected);
    }

    @Test
    void g2MsmWithBatchAffineBucketsEqualsTheSumOfScalarMultiples() {
        // 512 full-size scalars: windows of 32 buckets, eleven per task, filled by batch-affine additions
        TestData d = new TestData(15);
        int n = 512;
        G2Point[] bases = new G2Point[n];
        Fr[] scalars = new Fr[n];
        G2Point step = d.g2();
        G2Point acc = d.g2();
        for (int i = 0; i < n; i++) {
            bases[i] = acc;
            acc = acc.add(step);
            scalars[i] = d.fr();
        }
        bases = G2Point.normalizeAll(bases);
        G2Point expected = G2Point.INFINITY;
        for (int i = 0; i < n; i++) {
            expected = expected.add(bases[i].mul(scalars[i]));
        }
        assertThat(MsmG2.msm(bases, scalars)).isEqualTo(expected);
    }

    @Test
    void g2MsmHandlesRepeatedAndOppositePointsInOneBucket() {
        // P, −P and Q with full-size scalars: batch-affine bucket sums meet P + P and P − P
        TestData d = new TestData(16);
        G2Point p = d.g2().normalize();
        G2Point q = d.g2().normalize();
        int n = 1200;
        G2Point[] bases = new G2Point[n];
        Fr[] scalars = new Fr[n];
        Fr sumP = Fr.ZERO;
        Fr sumQ = Fr.ZERO;
        for (int i = 0; i < n; i++) {
            Fr k = d.fr();
            switch (i % 3) {
                case 0 -> { bases[i] = p; sumP = sumP.add(k); }
                case 1 -> { bases[i] = p.neg(); sumP = sumP.sub(k); }
                default -> { bases[i] = q; sumQ = sumQ.add(k); }
            }
            scalars[i] = k;
        }
        assertThat(MsmG2.msm(bases, scalars)).isEqualTo(p.mul(sumP).add(q.mul(sumQ)));
    }

    @Test
    void g1MsmWithBatchAffineBucketsEqualsTheSumOfScalarMultiples() {
        // enough full-size scalars for windows with batch-affine buckets (and a skewed top window)
        TestData d = new TestData(13);
        int n = 2048;
        G1Point[] bases = new G1Point[n];
        Fr[] scalars = new Fr[n];
        G1Point expected = G1Point.INFINITY;
        G1Point step = d.g1();
        G1Point acc = d.g1();
        for (int i = 0; i < n; i++) {
            bases[i] = acc;
            acc = acc.add(step);
            scalars[i] = d.fr();
        }
        bases = G1Point.normalizeAll(bases);
        for (int i = 0; i < n; i++) {
            expected = expected.add(bases[i].mul(scalars[i]));
        }
        assertThat(MsmG1.msm(bases, scalars)).isEqualTo(expected);
    }

    @Test
    void g1MsmHandlesRepeatedAndOppositePointsInOneBucket() {
        // the same point and its negation many times: bucket sums meet P + P and P − P
        TestData d = new TestData(14);
        G1Point p = d.g1().normalize();
        G1Point q = d.g1().normalize();
        int n = 4096;
        G1Point[] bases = new G1Point[n];
        Fr[] scalars = new Fr[n];
        Fr sumP = Fr.ZERO;
        Fr sumQ = Fr.ZERO;
        for (int i = 0; i < n; i++) {
            Fr k = i % 7 == 0 ? d.fr() : Fr.of(1 + d.random().nextInt(64));
            switch (i % 3) {
                case 0 -> { bases[i] = p; sumP = sumP.add(k); }
                case 1 -> { bases[i] = p.neg(); sumP = sumP.sub(k); }
                default -> { bases[i] = q; sumQ = sumQ.add(k); }
            }
            scalars[i] = k;
        }
        assertThat(MsmG1.msm(bases, scalars)).isEqualTo(p.mul(sumP).add(q.mul(sumQ)));
    }

    /** Scalars 1 and r − 1 on repeated, opposite and infinite bases: the pairwise sum meets P + P and P − P. */
    private static Fr onesScalar(TestData d, int i) {
        return switch (i % 4) {
            case 0, 2 -> Fr.ONE;
            case 1 -> Fr.ONE.neg();
            default -> d.fr();
        };
    }

    @Test
    void g1MsmSumsScalarOnesApartIncludingRepeatedAndOppositePoints() {
        TestData d = new TestData(17);
        G1Point p = d.g1().normalize();
        for (int n : new int[] {1, 2, 3, 301}) {
            G1Point[] bases = new G1Point[n];
            Fr[] scalars = new Fr[n];
            G1Point expected = G1Point.INFINITY;
            for (int i = 0; i < n; i++) {
                bases[i] = switch (i % 10) {
                    case 0, 1, 4 -> p;
                    case 2, 6 -> p.neg();
                    case 5 -> G1Point.INFINITY;
                    default -> d.g1().normalize();
                };
                scalars[i] = onesScalar(d, i);
                expected = expected.add(bases[i].mul(scalars[i]));
            }
            assertThat(MsmG1.msm(bases, scalars)).as("n = %d", n).isEqualTo(expected);
        }
    }

    @Test
    void g2MsmSumsScalarOnesApartIncludingRepeatedAndOppositePoints() {
        TestData d = new TestData(18);
        G2Point p = d.g2().normalize();
        for (int n : new int[] {1, 2, 3, 101}) {
            G2Point[] bases = new G2Point[n];
            Fr[] scalars = new Fr[n];
            G2Point expected = G2Point.INFINITY;
            for (int i = 0; i < n; i++) {
                bases[i] = switch (i % 10) {
                    case 0, 1, 4 -> p;
                    case 2, 6 -> p.neg();
                    case 5 -> G2Point.INFINITY;
                    default -> d.g2().normalize();
                };
                scalars[i] = onesScalar(d, i);
                expected = expected.add(bases[i].mul(scalars[i]));
            }
            assertThat(MsmG2.msm(bases, scalars)).as("n = %d", n).isEqualTo(expected);
        }
    }

    @Test
    void allZeroScalarsGiveInfinity() {
        assertThat(MsmG1.msm(new G1Point[] {G1Point.GENERATOR}, new Fr[] {Fr.ZERO}).isInfinity()).isTrue();
    }
    @Test
    void fixedBaseTableMsmEqualsThePlainMsm() {
        TestData d = new TestData(14);
        int n = 300;
        G1Point[] bases = new G1Point[n];
        for (int i = 0; i < n; i++) {
            bases[i] = i == 3 ? G1Point.INFINITY : d.g1();
        }
        bases = G1Point.normalizeAll(bases);
        G1FixedMsm table = G1FixedMsm.of(bases);
        Fr[] scalars = mixedScalars(d, n);
        scalars[7] = Fr.ONE.neg(); // r − 1: the largest scalar, a carry into the top window
        scalars[8] = Fr.ONE.neg();
        G1Point expected = G1Point.INFINITY;
        for (int i = 0; i < n; i++) {
            expected = expected.add(bases[i].mul(scalars[i]));
        }
        assertThat(table.msm(scalars)).isEqualTo(expected);
        assertThat(table.msm(new Fr[] {Fr.ZERO, Fr.ZERO})).isEqualTo(G1Point.INFINITY);
        // the same base twice with equal scalars: the bucket additions meet P + P
        G1FixedMsm twice = G1FixedMsm.of(new G1Point[] {bases[0], bases[0]});
        assertThat(twice.msm(new Fr[] {scalars[4], scalars[4]})).isEqualTo(bases[0].mul(scalars[4]).dbl());
        assertThat(twice.msm(new Fr[] {scalars[4], scalars[4].neg()})).isEqualTo(G1Point.INFINITY);
    }
}
