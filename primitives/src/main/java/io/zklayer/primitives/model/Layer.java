package io.zklayer.primitives.model;

/** One step of a quantized model: a {@link Dense} layer or a {@link Flatten}. */
public sealed interface Layer permits Dense, Flatten {
}
