/**
 * Consensus: slots and their authors (read from state), Aura-format slot and seal digests, block
 * authoring, and the block import pipeline with fork choice. No sockets or JSON here: storage is
 * seen through {@link io.zklayer.consensus.ChainBackend}.
 */
package io.zklayer.consensus;
