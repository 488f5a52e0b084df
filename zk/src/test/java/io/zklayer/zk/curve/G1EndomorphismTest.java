package io.zklayer.zk.curve;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.zk.TestData;
import io.zklayer.zk.field.Fr;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class G1EndomorphismTest {
    @Test
    void phiIsMultiplicationByLambdaAndBothAreCubeRootsOfUnity() {
        assertThat(G1Endomorphism.BETA.pow(BigInteger.valueOf(3)).isOne()).isTrue();
        assertThat(G1Endomorphism.BETA.isOne()).isFalse();
        assertThat(G1Endomorphism.LAMBDA.pow(BigInteger.valueOf(3))).isEqualTo(Fr.ONE);
        G1Point p = new TestData(21).g1();
        assertThat(G1Endomorphism.phi(p)).isEqualTo(p.mul(G1Endomorphism.LAMBDA));
    }

    @Property(tries = 25, seed = "20261212")
    void twoHalfScalarMultiplicationEqualsTheFullOne(@ForAll long k1, @ForAll long k2, @ForAll long seed) {
        G1Point p = new TestData(seed).g1();
        assertThat(G1Endomorphism.mul(p, k1, k2)).isEqualTo(p.mul(G1Endomorphism.scalar(k1, k2)));
    }

    @Test
    void edgeHalvesAndInfinity() {
        G1Point p = new TestData(22).g1();
        assertThat(G1Endomorphism.mul(p, 0, 0).isInfinity()).isTrue();
        assertThat(G1Endomorphism.mul(p, 1, 0)).isEqualTo(p);
        assertThat(G1Endomorphism.mul(p, -1L, -1L)).isEqualTo(p.mul(G1Endomorphism.scalar(-1L, -1L)));
        assertThat(G1Endomorphism.scalar(-1L, 0)).isEqualTo(Fr.fromBigInteger(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)));
        assertThat(G1Endomorphism.mul(G1Point.INFINITY, 5, 7).isInfinity()).isTrue();
    }
}
