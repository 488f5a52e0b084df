package io.zklayer.zk.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zklayer.primitives.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class Bn254PrecompilesTest {
    @Test
    void everyEip196AdditionVectorGivesTheExpectedOutput() throws IOException {
        assertAllVectors("bn256Add.json", Bn254Precompiles::add, 16);
    }

    @Test
    void everyEip196ScalarMultiplicationVectorGivesTheExpectedOutput() throws IOException {
        assertAllVectors("bn256ScalarMul.json", Bn254Precompiles::mul, 19);
    }

    @Test
    void everyEip197PairingVectorGivesTheExpectedOutput() throws IOException {
        assertAllVectors("bn256Pairing.json", Bn254Precompiles::pairing, 14);
    }

    @Test
    void invalidPointsAreFailuresNotZeros() {
        byte[] in = new byte[128];
        in[31] = 1;
        in[63] = 3; // (1, 3) is not on the curve
        assertThat(Bn254Precompiles.add(in)).isInstanceOf(PrecompileResult.Failure.class);
        assertThat(((PrecompileResult.Failure) Bn254Precompiles.add(in)).reason()).contains("not on y^2 = x^3 + 3");
        assertThat(Bn254Precompiles.mul(in)).isInstanceOf(PrecompileResult.Failure.class);
        assertThat(Bn254Precompiles.pairing(new byte[191])).isInstanceOf(PrecompileResult.Failure.class);
        byte[] pairIn = new byte[192];
        pairIn[31] = 1;
        pairIn[63] = 3;
        assertThat(Bn254Precompiles.pairing(pairIn)).isInstanceOf(PrecompileResult.Failure.class);
    }

    private static void assertAllVectors(String file, Function<byte[], PrecompileResult> op, int expectedCount) throws IOException {
        JsonNode cases;
        try (InputStream in = Bn254PrecompilesTest.class.getResourceAsStream("/vectors/bn254/" + file)) {
            cases = new ObjectMapper().readTree(in);
        }
        assertThat(cases.size()).isEqualTo(expectedCount);
        List<String> failures = new ArrayList<>();
        for (JsonNode c : cases) {
            PrecompileResult r = op.apply(Hex.decode(c.get("Input").asText()));
            String got = r instanceof PrecompileResult.Output ? Hex.encodeNoPrefix(((PrecompileResult.Output) r).bytes()) : r.toString();
            if (!got.equals(c.get("Expected").asText())) {
                failures.add(c.get("Name").asText() + ": got " + got);
            }
        }
        assertThat(failures).isEmpty();
    }
}
