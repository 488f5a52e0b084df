package io.zklayer.sdk;

import io.zklayer.primitives.model.InputSpec;
import io.zklayer.primitives.model.ModelTestData;
import io.zklayer.primitives.model.OutputSpec;
import io.zklayer.primitives.model.QuantizedModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Seeded models and the test resources of the sdk tests. */
public final class SdkTestData {
    private SdkTestData() {}

    /** Returns the bytes of a class-path resource. */
    public static byte[] resource(String name) {
        try (InputStream in = SdkTestData.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns a small argmax model (4 inputs in 0..16, dense 4→3) drawn from {@code seed}: its circuit has
     * about 1,500 constraints, so a key setup takes well under a second.
     */
    public static QuantizedModel smallModel(long seed) {
        ModelTestData data = new ModelTestData(seed);
        return new QuantizedModel(new InputSpec(List.of(4), 0, 16), List.of(data.dense(4, 3, true)), new OutputSpec.ArgMax());
    }
}
