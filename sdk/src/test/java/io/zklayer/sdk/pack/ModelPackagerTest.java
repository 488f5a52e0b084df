package io.zklayer.sdk.pack;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.model.ModelCodec;
import io.zklayer.primitives.model.ModelTestData;
import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.primitives.model.ReferenceExecutor;
import io.zklayer.wasm.engine.CallOutcome;
import io.zklayer.wasm.engine.ContractEngine;
import io.zklayer.wasm.engine.EngineConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelPackagerTest {
    @Test
    void writesAModelFileJsonContractAndManifestThatAgree(@TempDir Path dir) throws Exception {
        ModelTestData data = new ModelTestData(21);
        QuantizedModel model = data.digitsShaped();
        Path manifest = ModelPackager.write(model, dir, "m");
        assertThat(ModelCodec.decode(Files.readAllBytes(dir.resolve("m.zkm")))).isEqualTo(model);
        assertThat(ModelJson.read(Files.readString(dir.resolve("m.json")))).isEqualTo(model);
        assertThat(Files.readString(manifest)).contains("\"commitment\": \"" + Hex.encode(model.commitment()) + "\"");
        byte[] x = data.input(model.input());
        try (ContractEngine engine = new ContractEngine(EngineConfig.defaults())) {
            CallOutcome out = engine.call(Files.readAllBytes(dir.resolve("m.wasm")), x, 10_000_000);
            assertThat(((CallOutcome.Success) out).output()).isEqualTo(ReferenceExecutor.infer(model, x));
        }
    }
}
