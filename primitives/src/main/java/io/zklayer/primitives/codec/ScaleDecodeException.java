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
    private final String reason;

    /** Creates an exception for {@code typeName} failing at {@code offset} for {@code reason}. */
    public ScaleDecodeException(String typeName, int offset, String reason) {
        super(typeName + " at offset " + offset + ": " + reason);
        this.typeName = typeName;
        this.offset = offset;
        this.reason = reason;
    }

    /**
     * Returns the same failure seen from an enclosing type: {@code within("Header.digest")} turns
     * {@code "DigestItem at offset 99: unknown variant index 7"} into
     * {@code "Header.digest/DigestItem at offset 99: unknown variant index 7"}. The offset stays the
     * one where the innermost decoder stopped.
     */
    public ScaleDecodeException within(String context) {
        ScaleDecodeException wrapped = new ScaleDecodeException(context + "/" + typeName, offset, reason);
        wrapped.setStackTrace(getStackTrace());
        return wrapped;
    }

    /** Returns why decoding failed, without the type and offset. */
    public String reason() {
        return reason;
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
