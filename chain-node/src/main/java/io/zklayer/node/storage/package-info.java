/**
 * The node's storage: blocks, the canonical chain index, chain pointers and state-trie nodes in
 * RocksDB, one atomic write batch per imported block, and pruning of old states.
 *
 * <p>{@link io.zklayer.node.storage.Column} is the one schema file (column ids, metadata keys,
 * schema version). {@link io.zklayer.node.storage.ChainStore} gives typed access over any
 * {@link io.zklayer.primitives.storage.KeyValueStore}: {@link io.zklayer.node.storage.RocksKeyValueStore}
 * on disk, or the in-memory twin in tests.
 */
package io.zklayer.node.storage;
