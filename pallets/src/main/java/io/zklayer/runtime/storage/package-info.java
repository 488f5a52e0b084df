/**
 * Typed storage items of the runtime ({@code StorageValue}, {@code StorageMap},
 * {@code StorageDoubleMap}) with Substrate's key hashing, read and written through the
 * {@link io.zklayer.primitives.trie.TrieState} overlay.
 */
package io.zklayer.runtime.storage;
