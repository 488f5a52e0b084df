/**
 * The key-value store seen by the node's storage: named columns of byte keys and values, point
 * reads, ordered prefix scans, and atomic batches. RocksDB implements it in {@code chain-node};
 * {@link io.zklayer.primitives.storage.MemoryKeyValueStore} is the in-memory twin for tests of
 * other modules. Nothing here does I/O.
 */
package io.zklayer.primitives.storage;
