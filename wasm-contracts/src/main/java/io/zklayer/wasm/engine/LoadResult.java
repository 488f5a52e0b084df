package io.zklayer.wasm.engine;

/**
 * The result of {@link ContractEngine#load}: a contract ready to call, or the reason the module
 * was rejected.
 */
public sealed interface LoadResult permits Contract, CallOutcome.InvalidModule {
}
