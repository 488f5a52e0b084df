/**
 * Epochs as consensus sees them: each epoch's validator set and randomness read from state
 * ({@link io.zklayer.consensus.epoch.EpochSource}) and the per-epoch authoring order derived from
 * the randomness ({@link io.zklayer.consensus.epoch.AuthorOrder}).
 */
package io.zklayer.consensus.epoch;
