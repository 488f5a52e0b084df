/** Benchmarks of the inference market: executing blocks of verified results, one by one and batched. */
package io.zklayer.bench.market;
