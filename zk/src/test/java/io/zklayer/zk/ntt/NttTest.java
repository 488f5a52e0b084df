package io.zklayer.zk.ntt;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.zk.TestData;
import io.zklayer.zk.field.Fr;
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
        Fr[] coset = coeffs.clone();
        Fr[] same = coeffs.clone();
        Ntt.forward(same);
        Ntt.toOddCosetInParallel(Ntt.rootOfUnity(5), same);
        Ntt.scaleByPowers(coset, Ntt.rootOfUnity(5));
        Ntt.forward(coset);
        assertThat(same).containsExactly(coset);
    }
}
