package io.zklayer.zk.precompile;

/**
 * The outcome of a BN254 precompile call: the output bytes, or a failure naming the rule the input
 * broke (the EVM turns a failure into a failed call, never into a zero output).
 */
public sealed interface PrecompileResult {
    /** A successful call and its output bytes. */
    record Output(byte[] bytes) implements PrecompileResult {}

    /** A rejected input; {@code reason} names what was wrong, e.g. "G1: point (1, 3) is not on …". */
    record Failure(String reason) implements PrecompileResult {}
}
