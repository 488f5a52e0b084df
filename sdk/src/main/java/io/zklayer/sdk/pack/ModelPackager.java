package io.zklayer.sdk.pack;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.hashing.Hashing;
import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.wasm.model.ModelWasm;
import io.zklayer.wasm.model.ModelWasmCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a model artifact to a directory: {@code <name>.zkm} (binary model file),
 * {@code <name>.json} (its readable form), {@code <name>.wasm} (the compiled contract) and
 * {@code <name>.manifest.json} with the commitment (blake2b-256 of the model file) and the
 * contract's hash, ready for registration. The circuit and keys join the artifact once the
 * model-to-circuit compiler exists.
 */
public final class ModelPackager {
    private ModelPackager() {
    }

    /** Writes the artifact files and returns the path of the manifest. */
    public static Path write(QuantizedModel model, Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        byte[] file = model.toBytes();
        ModelWasm wasm = ModelWasmCompiler.compile(model);
        Files.write(dir.resolve(name + ".zkm"), file);
        Files.writeString(dir.resolve(name + ".json"), ModelJson.write(model), StandardCharsets.UTF_8);
        Files.write(dir.resolve(name + ".wasm"), wasm.wasm());
        String manifest = "{\n"
                + "  \"model\": \"" + name + ".zkm\",\n"
                + "  \"commitment\": \"" + Hex.encode(model.commitment()) + "\",\n"
                + "  \"contract\": \"" + name + ".wasm\",\n"
                + "  \"contractHash\": \"" + Hex.encode(Hashing.blake2b256(wasm.wasm())) + "\",\n"
                + "  \"inputSize\": " + model.input().size() + ",\n"
                + "  \"outputBytes\": " + model.outputByteLength() + "\n"
                + "}\n";
        Path manifestPath = dir.resolve(name + ".manifest.json");
        Files.writeString(manifestPath, manifest, StandardCharsets.UTF_8);
        return manifestPath;
    }
}
