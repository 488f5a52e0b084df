/**
 * Hash functions (blake2b, twox, keccak-256, sha-256) and Substrate storage-key hashing.
 */
package io.zklayer.primitives.hashing;
