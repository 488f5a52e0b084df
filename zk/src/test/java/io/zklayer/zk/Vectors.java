package io.zklayer.zk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zklayer.primitives.RepoPaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads the test vectors copied into test resources, and the large ones kept in ../shared/vectors. */
public final class Vectors {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Vectors() {}

    /** Returns the bytes of a resource under /vectors/. */
    public static byte[] bytes(String path) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /vectors/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the text of a resource under /vectors/. */
    public static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    /** Returns the parsed JSON of a resource under /vectors/. */
    public static JsonNode json(String path) {
        try {
            return MAPPER.readTree(text(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns a file of the shared vector set beside the repository ({@code ../shared/vectors/<path>}). */
    public static Path shared(String path) {
        Path p = RepoPaths.root().resolve("../shared/vectors").resolve(path).normalize();
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("missing shared vector file " + p);
        }
        return p;
    }

    /** Returns the bytes of a shared vector file. */
    public static byte[] sharedBytes(String path) {
        try {
            return Files.readAllBytes(shared(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
