/**
 * The chain's core values in Substrate's wire formats: hashes and accounts, headers with their
 * digests, blocks, eras, multi-addresses and multi-signatures, v4 extrinsics and their signing
 * payload, event records and justifications.
 *
 * <p>Every type is an immutable value with {@code equals}/{@code hashCode} and a {@code CODEC}
 * constant (or, for event records, whose field layout belongs to the runtime, a codec factory), so
 * that bytes produced here equal the bytes a Substrate node or {@code @polkadot/types} produces.
 */
package io.zklayer.primitives.types;
