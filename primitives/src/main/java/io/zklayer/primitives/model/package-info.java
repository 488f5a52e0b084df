/**
 * The quantized-model format of ZKLayer and its reference integer executor, which is the
 * definition of what a model computes: the Wasm contract compiled from a model and the model's
 * circuit must both reproduce {@link io.zklayer.primitives.model.ReferenceExecutor} exactly.
 * Pure data and integer arithmetic; no I/O and no floating point.
 */
package io.zklayer.primitives.model;
