/**
 * Block sync: serving block ranges to peers ({@link io.zklayer.node.network.sync.BlockRequestHandler}),
 * checking what peers send back ({@link io.zklayer.node.network.sync.BlockRanges}), and bringing a
 * fresh or lagging node to the best peer's head ({@link io.zklayer.node.network.sync.ChainSync}):
 * ask for the range above the local best block, walk back exponentially while the first block's
 * parent is unknown (a fork), import in order, and penalise the peer when a block fails import.
 */
package io.zklayer.node.network.sync;
