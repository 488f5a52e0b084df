package io.zklayer.sdk.pack;

/**
 * A model artifact that cannot be used: a malformed manifest, a missing file, a file whose hash or
 * content disagrees with the manifest, or a proving key that does not match the verifying key. The
 * message names the file or JSON path and the rule, e.g.
 * {@code "artifact digits: contract.wasm has blake2b-256 0x1a2b…9f00 but the manifest says 0x77c1…0b3e"}.
 */
public final class ArtifactException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Returns the exception with {@code message}. */
    public ArtifactException(String message) {
        super(message);
    }

    /** Returns the exception with {@code message} and its cause. */
    public ArtifactException(String message, Throwable cause) {
        super(message, cause);
    }
}
