/**
 * Compiles quantized models ({@link io.zklayer.primitives.model.QuantizedModel}) to Wasm
 * contracts for the {@link io.zklayer.wasm.engine.ContractEngine}: integer-only code whose output
 * equals the reference executor's byte for byte.
 */
package io.zklayer.wasm.model;
