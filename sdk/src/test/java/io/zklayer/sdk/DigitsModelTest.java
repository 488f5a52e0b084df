package io.zklayer.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.primitives.model.ModelCodec;
import io.zklayer.sdk.pack.ModelJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DigitsModelTest {
    static byte[] resource(String name) throws IOException {
        try (InputStream in = DigitsModelTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void retrainingFromTheSeedReproducesTheShippedModelByteForByte() throws IOException {
        ModelKit.Result first = DigitsModel.build();
        ModelKit.Result second = DigitsModel.build();
        System.out.println("digits model " + first.evaluation());
        assertThat(second.model().toBytes()).isEqualTo(first.model().toBytes());
        assertThat(first.model().toBytes()).isEqualTo(resource("/models/digits.zkm"));
        assertThat(ModelJson.write(first.model()))
                .isEqualTo(new String(resource("/models/digits.json"), StandardCharsets.UTF_8));
    }

    @Test
    void quantizedDigitsModelKeepsAtLeast92PercentHeldOutAccuracy() {
        Evaluation e = DigitsModel.build().evaluation();
        assertThat(e.samples()).isEqualTo(359);
        assertThat(e.quantizedAccuracy()).isGreaterThanOrEqualTo(0.92);
        assertThat(e.floatAccuracy()).isGreaterThanOrEqualTo(0.92);
        assertThat(e.floatAccuracy() - e.quantizedAccuracy()).as("quantization loss").isLessThan(0.02);
    }

    @Test
    void shippedJsonAndBinaryDescribeTheSameModel() throws IOException {
        var binary = ModelCodec.decode(resource("/models/digits.zkm"));
        var json = ModelJson.read(new String(resource("/models/digits.json"), StandardCharsets.UTF_8));
        assertThat(json).isEqualTo(binary);
        assertThat(binary.input().size()).isEqualTo(64);
        assertThat(binary.finalSize()).isEqualTo(10);
    }
}
