/**
 * How the runtime sees state: a read-only {@link io.zklayer.runtime.storage.StateBackend}, an
 * {@link io.zklayer.runtime.storage.OverlayedStorage} with nested transactions, and typed items
 * ({@code StorageValue}, {@code StorageMap}, {@code StorageDoubleMap}) with Substrate's key hashing.
 */
package io.zklayer.runtime.storage;
