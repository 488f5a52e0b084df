package io.zklayer.primitives.codec;

/**
 * A SCALE tuple {@code (A, B, C)}: the three encodings one after the other, no prefix.
 * {@code (1u8, 2u16, 3u32)} → {@code 0x01020003000000}. Encoded by
 * {@link ScaleCodecs#tuple(ScaleCodec, ScaleCodec, ScaleCodec)}.
 *
 * @param first the first element
 * @param second the second element
 * @param third the third element
 */
public record Tuple3<A, B, C>(A first, B second, C third) {}
