/** JMH benchmarks of the node's RocksDB storage: block import and block reads. */
package io.zklayer.bench.storage;
