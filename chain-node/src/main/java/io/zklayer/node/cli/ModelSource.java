package io.zklayer.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zklayer.primitives.model.ModelCodec;
import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.sdk.Evaluation;
import io.zklayer.sdk.pack.ArtifactManifest;
import io.zklayer.sdk.pack.ModelArtifact;
import io.zklayer.sdk.pack.ModelJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A model named on the command line by {@code --model}: a model file ({@code .zkm}, or its
 * {@code .json} form), a directory written by {@code model train} ({@code model.zkm} and
 * {@code training.json}), or an artifact directory written by {@code model package}
 * ({@code manifest.json}, loaded and checked).
 *
 * @param model the quantized model
 * @param evaluation held-out accuracy, when the directory records it
 * @param artifact the checked artifact, when {@code path} is one
 */
record ModelSource(QuantizedModel model, Optional<Evaluation> evaluation, Optional<ModelArtifact> artifact) {
    /** Name of the training report that {@code model train} writes beside the model. */
    static final String TRAINING_REPORT = "training.json";

    /** Returns the model at {@code path}; failures name the file and what is wrong with it. */
    static ModelSource load(Path path) {
        if (Files.isDirectory(path)) {
            if (Files.isRegularFile(path.resolve(ArtifactManifest.FILE_NAME))) {
                ModelArtifact a = ModelArtifact.load(path);
                return new ModelSource(a.model(), a.manifest().evaluation(), Optional.of(a));
            }
            Path file = path.resolve("model.zkm");
            if (!Files.isRegularFile(file)) {
                throw new InvalidConfigException("--model " + path + ": the directory has neither manifest.json (an artifact) nor model.zkm");
            }
            return new ModelSource(modelFile(file), evaluation(path.resolve(TRAINING_REPORT)), Optional.empty());
        }
        if (!Files.isRegularFile(path)) {
            throw new InvalidConfigException("--model " + path + ": no such file or directory");
        }
        return new ModelSource(modelFile(path), Optional.empty(), Optional.empty());
    }

    private static QuantizedModel modelFile(Path file) {
        try {
            if (Files.size(file) > 64L * 1024 * 1024) {
                throw new InvalidConfigException("--model " + file + ": larger than 64 MiB");
            }
            byte[] bytes = Files.readAllBytes(file);
            return file.getFileName().toString().endsWith(".json") ? ModelJson.read(new String(bytes, StandardCharsets.UTF_8))
                    : ModelCodec.decode(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("--model " + file + ": cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof InvalidConfigException) {
                throw e;
            }
            throw new IllegalArgumentException("--model " + file + ": not a model file: " + e.getMessage(), e);
        }
    }

    private static Optional<Evaluation> evaluation(Path report) {
        if (!Files.isRegularFile(report)) {
            return Optional.empty();
        }
        try {
            JsonNode e = new ObjectMapper().readTree(Files.readString(report)).path("evaluation");
            if (!e.path("samples").canConvertToInt() || !e.path("floatCorrect").canConvertToInt()
                    || !e.path("quantizedCorrect").canConvertToInt()) {
                return Optional.empty();
            }
            return Optional.of(new Evaluation(e.get("samples").asInt(), e.get("floatCorrect").asInt(), e.get("quantizedCorrect").asInt()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
