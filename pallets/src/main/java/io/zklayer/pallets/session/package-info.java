/**
 * The Session pallet: the validator set read by consensus, and the epoch bookkeeping (epoch length,
 * current epoch, epoch randomness) that drives every pallet's {@code onEpochChange} hook.
 */
package io.zklayer.pallets.session;
