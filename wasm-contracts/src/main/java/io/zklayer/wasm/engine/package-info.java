/**
 * The contract engine: validation of untrusted Wasm modules against an allow-list (integers only,
 * bounded memory, the host API as the only imports), gas metering and a call-depth limit injected
 * by rewriting the binary, compilation with Chicory, and calls that end in a typed
 * {@link io.zklayer.wasm.engine.CallOutcome}. The same module, input and gas limit give the same
 * outcome and gas on every run and in both engines.
 */
package io.zklayer.wasm.engine;
