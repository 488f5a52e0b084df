package io.zklayer.primitives.codec;

/**
 * A typed SCALE encoding of values of {@code T}: how to write one to a {@link ScaleWriter} and how
 * to read one back, strictly, from a {@link ScaleReader}.
 *
 * <p>Codecs compose: {@code ScaleCodecs.vec(ScaleCodecs.U32).encode(List.of(1L, 2L, 3L))} →
 * {@code 0x0c010000000200000003000000}. {@link #decode(byte[])} insists that the value uses the whole
 * input, so {@code U32.decode(0x0100000000)} fails with "u32 at offset 4: 1 trailing bytes after the
 * value". Every decoding failure is a {@link ScaleDecodeException} that names the type and offset.
 *
 * @param <T> the Java type of the decoded value
 */
public interface ScaleCodec<T> {

    /** Returns the SCALE type name used in error messages, for example {@code "Vec<u32>"}. */
    String typeName();

    /**
     * Returns the codecs this one is built from, so that tools (the runtime metadata) can see the
     * types inside a container: the element of {@code Vec<T>}, {@code Option<T>} and {@code [T; N]},
     * the elements of a tuple, key and value of a {@code BTreeMap}, ok and error of a
     * {@code Result}, and the inner codec of {@link ScaleCodecs#map}. Empty for other codecs.
     */
    default java.util.List<ScaleCodec<?>> components() {
        return java.util.List.of();
    }

    /**
     * Returns the fewest bytes any value of this type encodes to. Collection decoders multiply a
     * length prefix by this number and refuse prefixes the remaining input cannot hold, before
     * allocating anything.
     */
    int minEncodedSize();

    /**
     * Appends the encoding of {@code value}.
     *
     * @throws IllegalArgumentException if {@code value} is outside the type's range (a caller bug)
     */
    void encode(ScaleWriter writer, T value);

    /**
     * Reads one value, leaving the reader just after it.
     *
     * @throws ScaleDecodeException if the bytes are not a canonical encoding of a {@code T}
     */
    T decode(ScaleReader reader);

    /** Returns the encoding of {@code value} as a new array. */
    default byte[] encode(T value) {
        ScaleWriter writer = new ScaleWriter(Math.max(16, minEncodedSize()));
        encode(writer, value);
        return writer.toByteArray();
    }

    /**
     * Returns the value encoded by all of {@code bytes}.
     *
     * @throws ScaleDecodeException if the bytes are not a canonical encoding or bytes are left over
     */
    default T decode(byte[] bytes) {
        ScaleReader reader = new ScaleReader(bytes);
        T value = decode(reader);
        reader.expectEnd(typeName());
        return value;
    }
}
