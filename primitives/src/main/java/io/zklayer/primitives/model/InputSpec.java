package io.zklayer.primitives.model;

import java.util.List;

/**
 * Shape and integer range of a model's input. Inputs are passed as one signed byte per element
 * in row-major order, so the range lies within int8: {@code shape [8, 8], range [0, 16]} is an
 * 8×8 image with 17 grey levels, 64 bytes each in 0x00…0x10.
 *
 * @param shape 1 to 4 dimensions, each 1…4096, at most 65536 elements in all
 * @param min smallest allowed value, ≥ -128
 * @param max largest allowed value, ≤ 127 and ≥ min
 */
public record InputSpec(List<Integer> shape, int min, int max) {
    /** Largest number of dimensions. */
    public static final int MAX_RANK = 4;
    /** Largest single dimension. */
    public static final int MAX_DIM = 4096;
    /** Largest number of input elements. */
    public static final int MAX_ELEMENTS = 65536;

    /** Checks the shape and range. */
    public InputSpec {
        shape = List.copyOf(shape);
        if (shape.isEmpty() || shape.size() > MAX_RANK) {
            throw new ModelFormatException("input: shape must have 1 to " + MAX_RANK + " dimensions, got " + shape.size());
        }
        long n = 1;
        for (int i = 0; i < shape.size(); i++) {
            int d = shape.get(i);
            if (d < 1 || d > MAX_DIM) {
                throw new ModelFormatException("input: shape[" + i + "] = " + d + " is outside [1, " + MAX_DIM + "]");
            }
            n *= d;
        }
        if (n > MAX_ELEMENTS) {
            throw new ModelFormatException("input: " + n + " elements exceed the limit of " + MAX_ELEMENTS);
        }
        if (min < -128 || max > 127 || min > max) {
            throw new ModelFormatException("input: range [" + min + ", " + max + "] must lie within int8 [-128, 127]"
                    + " with min <= max");
        }
    }

    /** Returns the number of input elements (the product of the shape). */
    public int size() {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }
}
