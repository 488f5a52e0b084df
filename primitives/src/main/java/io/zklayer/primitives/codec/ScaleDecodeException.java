package io.zklayer.primitives.codec;

/**
 * The one exception every SCALE decoder throws for bad input. Its message names the type being
 * decoded and the byte offset where decoding failed, for example
 * {@code "Compact<u32> at offset 3: non-canonical encoding of 5 in 2 bytes"}.
 */
public final class ScaleDecodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String typeName;
    private final int offset;

    /** Creates an exception for {@code typeName} failing at {@code offset} for {@code reason}. */
    public ScaleDecodeException(String typeName, int offset, String reason) {
        super(typeName + " at offset " + offset + ": " + reason);
        this.typeName = typeName;
        this.offset = offset;
    }

    /** Returns the name of the type that failed to decode. */
    public String typeName() {
        return typeName;
    }

    /** Returns the byte offset in the input where decoding failed. */
    public int offset() {
        return offset;
    }
}
