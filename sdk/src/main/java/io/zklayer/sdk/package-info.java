/**
 * The model developer's kit: train a small MLP on a CSV data set in floating point, quantize it
 * to the integer model format of {@link io.zklayer.primitives.model}, evaluate float and quantized
 * accuracy on a held-out split, and package a model artifact (model file, Wasm contract, circuit,
 * Groth16 keys, weight commitment) with progress output during the slow steps ({@link io.zklayer.sdk.Progress}).
 * Floats are fine here: this is tooling, not runtime code; the quantized model is what runs.
 */
package io.zklayer.sdk;
