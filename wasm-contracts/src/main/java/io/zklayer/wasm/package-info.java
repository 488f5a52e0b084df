/**
 * The deterministic, gas-metered WebAssembly contract engine of ZKLayer (on Chicory) and the
 * compiler from quantized models to Wasm contracts. Nothing here knows about the chain: callers
 * hand in module bytes, input bytes and a gas limit and get a typed outcome back.
 */
package io.zklayer.wasm;
