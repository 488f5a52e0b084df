package io.zklayer.primitives.model;

/**
 * What a model returns, computed from the final activation vector {@code a} and encoded as bytes:
 *
 * <ul>
 *   <li>{@link Logits}: every {@code a[k]} as i32 little-endian ({@code [1, -2]} →
 *       {@code 01000000 feffffff});</li>
 *   <li>{@link ArgMax}: the index of the first maximum as u32 little-endian ({@code 7} →
 *       {@code 07000000});</li>
 *   <li>{@link Threshold}: one byte, {@code 01} when {@code a[index] >= threshold}, else
 *       {@code 00}.</li>
 * </ul>
 */
public sealed interface OutputSpec permits OutputSpec.Logits, OutputSpec.ArgMax, OutputSpec.Threshold {

    /** Returns the output length in bytes for a final vector of {@code n} values. */
    int byteLength(int n);

    /** All final activations as i32 LE. */
    record Logits() implements OutputSpec {
        @Override
        public int byteLength(int n) {
            return 4 * n;
        }
    }

    /** The class with the largest activation (first on ties) as u32 LE. */
    record ArgMax() implements OutputSpec {
        @Override
        public int byteLength(int n) {
            return 4;
        }
    }

    /**
     * The predicate {@code a[index] >= threshold} as one byte.
     *
     * @param index which activation is the score
     * @param threshold the score at or above which the answer is 1
     */
    record Threshold(int index, int threshold) implements OutputSpec {
        /** Checks the index is non-negative (its upper bound is checked against the model). */
        public Threshold {
            if (index < 0) {
                throw new ModelFormatException("output: threshold index " + index + " is negative");
            }
        }

        @Override
        public int byteLength(int n) {
            return 1;
        }
    }
}
