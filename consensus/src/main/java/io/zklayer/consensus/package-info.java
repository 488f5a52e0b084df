/**
 * Consensus: slots and their authors (the epoch's validators in an order drawn from the epoch
 * randomness), Aura-format slot and seal digests, block authoring, the header validity rules
 * ({@link io.zklayer.consensus.HeaderVerifier}), the block import pipeline, fork choice (longest
 * chain containing the finalized block, ties to the lowest hash) and authorship equivocation
 * evidence. No sockets or JSON here: storage is seen through
 * {@link io.zklayer.consensus.ChainBackend}, the network through
 * {@link io.zklayer.consensus.network.ConsensusNetwork}.
 */
package io.zklayer.consensus;
