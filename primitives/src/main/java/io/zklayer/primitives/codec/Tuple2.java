package io.zklayer.primitives.codec;

/**
 * A SCALE tuple {@code (A, B)}: the two encodings one after the other, no prefix. Encoded by
 * {@link ScaleCodecs#tuple(ScaleCodec, ScaleCodec)}.
 *
 * @param first the first element
 * @param second the second element
 */
public record Tuple2<A, B>(A first, B second) {}
