/** Benchmarks of the contract engine and of compiled model contracts. */
package io.zklayer.bench.wasm;
