/**
 * Benchmarks of a running node: JSON-RPC requests per second over HTTP on loopback and sync speed
 * (JMH), and finality latency and block propagation of in-process validators over loopback
 * ({@link io.zklayer.bench.node.NetworkLatency}, a measurement main).
 */
package io.zklayer.bench.node;
