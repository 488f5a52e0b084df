/** JMH benchmarks of a running node: JSON-RPC requests per second over HTTP on loopback. */
package io.zklayer.bench.node;
