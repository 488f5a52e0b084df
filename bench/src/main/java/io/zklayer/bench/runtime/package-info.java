/**
 * JMH benchmarks of the runtime through consensus: importing full blocks of signed balance
 * transfers, on an in-memory backend and on the node's RocksDB store.
 */
package io.zklayer.bench.runtime;
