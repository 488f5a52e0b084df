package io.zklayer.zk.ntt;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.zk.TestData;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.field.FrLimbs;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class NttTest {
    @Test
    void rootsAreSnarkjsRootsOfTheRightOrder() {
        BigInteger t = Fr.MODULUS.subtract(BigInteger.ONE).shiftRight(28);
        assertThat(Ntt.rootOfUnity(28)).isEqualTo(Fr.of(5).pow(t));
        Fr w = Ntt.rootOfUnity(10);
        assertThat(w.pow(BigInteger.valueOf(1024))).isEqualTo(Fr.ONE);
        assertThat(w.pow(BigInteger.valueOf(512))).isEqualTo(Fr.ONE.neg());
    }

    @Test
    void forwardEvaluatesThePolynomialAndInverseUndoesIt() {
        TestData d = new TestData(13);
        int n = 16;
        Fr[] coeffs = new Fr[n];
        for (int i = 0; i < n; i++) {
            coeffs[i] = d.fr();
        }
        Fr[] v = coeffs.clone();
        Ntt.forward(v);
        Fr w = Ntt.rootOfUnity(4);
        for (int j = 0; j < n; j++) {
            Fr x = w.pow(BigInteger.valueOf(j));
            Fr acc = Fr.ZERO;
            for (int i = n - 1; i >= 0; i--) {
                acc = acc.mul(x).add(coeffs[i]);
            }
            assertThat(v[j]).isEqualTo(acc);
        }
        Ntt.inverse(v);
        assertThat(v).containsExactly(coeffs);
    }

    @Test
    void oddCosetOnLimbsEvaluatesTheInterpolantAtTheShiftedDomain() {
        TestData d = new TestData(14);
        for (int logN : new int[] {0, 1, 2, 3, 5, 8}) {
            int n = 1 << logN;
            int e = FrLimbs.SIZE;
            Fr[] evals = new Fr[n];
            for (int i = 0; i < n; i++) {
                evals[i] = i % 7 == 3 ? Fr.ONE.neg() : i % 7 == 5 ? Fr.ZERO : d.fr(); // include r − 1 and 0
            }
            long[] v = new long[n * e];
            long[] w = new long[n * e];
            for (int i = 0; i < n; i++) {
                FrLimbs.set(v, i * e, evals[i]);
                FrLimbs.set(w, i * e, evals[i].mul(evals[i]));
            }
            Ntt.toOddCoset(logN, v, w);
            // reference: interpolate with the object transform, then evaluate by Horner at g·ω^j
            Fr[] coeffs = evals.clone();
            Ntt.inverse(coeffs);
            Fr[] squares = new Fr[n];
            for (int i = 0; i < n; i++) {
                squares[i] = evals[i].mul(evals[i]);
            }
            Ntt.inverse(squares);
            Fr g = Ntt.rootOfUnity(logN + 1);
            Fr omega = Ntt.rootOfUnity(logN);
            for (int j = 0; j < n; j++) {
                Fr x = g.mul(omega.pow(BigInteger.valueOf(j)));
                assertThat(FrLimbs.get(v, j * e)).as("2^%d, point %d", logN, j).isEqualTo(horner(coeffs, x));
                assertThat(FrLimbs.get(w, j * e)).as("2^%d, point %d", logN, j).isEqualTo(horner(squares, x));
            }
        }
    }

    private static Fr horner(Fr[] coeffs, Fr x) {
        Fr acc = Fr.ZERO;
        for (int i = coeffs.length - 1; i >= 0; i--) {
            acc = acc.mul(x).add(coeffs[i]);
        }
        return acc;
    }
}
