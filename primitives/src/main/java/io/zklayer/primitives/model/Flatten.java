package io.zklayer.primitives.model;

/**
 * Reshapes the current tensor to one dimension in row-major order; the values are unchanged
 * ({@code [8, 8]} → {@code [64]}).
 */
public record Flatten() implements Layer {
}
