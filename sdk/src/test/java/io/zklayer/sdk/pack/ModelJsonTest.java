package io.zklayer.sdk.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.primitives.model.ModelFormatException;
import io.zklayer.primitives.model.ModelTestData;
import io.zklayer.primitives.model.QuantizedModel;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ModelJsonTest {
    static final String TINY = """
            {"format": "zklayer-quantized-model", "version": 1,
             "input": {"shape": [2], "min": 0, "max": 16},
             "layers": [{"type": "dense", "inputs": 2, "outputs": 1, "multiplier": 1, "shift": 0, "relu": false,
                         "clamp": [-128, 127], "bias": [0], "weights": [[1, -1]]}],
             "output": {"type": "logits"}}
            """;

    @Property(tries = 100)
    void randomModelsRoundTripThroughJson(@ForAll long seed) {
        QuantizedModel model = new ModelTestData(seed).model();
        String json = ModelJson.write(model);
        assertThat(ModelJson.read(json)).isEqualTo(model);
        assertThat(ModelJson.write(ModelJson.read(json))).isEqualTo(json);
    }

    @Test
    void readsTheMinimalForm() {
        // the same model as the binary example documented in ModelCodec
        assertThat(io.zklayer.primitives.Hex.encodeNoPrefix(ModelJson.read(TINY).toBytes())).isEqualTo(
                "5a4b4c4d0100040200000000000000100000000400020000000100000001ff0000000001000000000080ffffff7f00000000");
    }

    @Test
    void errorsNameTheJsonPath() {
        assertThatThrownBy(() -> ModelJson.read(TINY.replace("[[1, -1]]", "[[1, -200]]")))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("model json: $.layers[0].weights[0][1] = -200 is outside [-128, 127]");
        assertThatThrownBy(() -> ModelJson.read(TINY.replace("[[1, -1]]", "[[1]]")))
                .hasMessage("model json: $.layers[0].weights[0] has 1 values, expected 2");
        assertThatThrownBy(() -> ModelJson.read(TINY.replace("\"relu\": false", "\"relu\": false, \"extra\": 1")))
                .hasMessage("model json: $.layers[0].extra is not a known field");
        assertThatThrownBy(() -> ModelJson.read(TINY.replace("\"shift\": 0", "\"shift\": 0.5")))
                .hasMessage("model json: $.layers[0].shift must be an integer in [0, 62]");
        assertThatThrownBy(() -> ModelJson.read(TINY.replace("\"version\": 1", "\"version\": 2")))
                .hasMessage("model json: $.version 2 is not supported (expected 1)");
        assertThatThrownBy(() -> ModelJson.read(TINY.replace("\"logits\"", "\"softmax\"")))
                .hasMessage("model json: $.output.type \"softmax\" is not logits, argmax or threshold");
        assertThatThrownBy(() -> ModelJson.read(TINY.replace("\"min\": 0,", "\"min\": 0, \"min\": 1,")))
                .hasMessageStartingWith("model json: not valid JSON");
        assertThatThrownBy(() -> ModelJson.read(TINY + "{}")).hasMessageStartingWith("model json: not valid JSON");
        assertThatThrownBy(() -> ModelJson.read(TINY.replace("\"inputs\": 2", "\"inputs\": 3")))
                .hasMessageContaining("weights[0] has 2 values, expected 3");
        assertThatThrownBy(() -> ModelJson.read(TINY.replace("\"bias\": [0], ", "")))
                .hasMessage("model json: $.layers[0].bias is missing");
    }
}
