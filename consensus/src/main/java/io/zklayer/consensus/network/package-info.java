/**
 * The small interface through which consensus uses the network: {@link
 * io.zklayer.consensus.network.ConsensusNetwork} (gossip and direct finality messages, block and
 * justification requests, peer reports) and its request/answer types. The node implements it on
 * libp2p; tests use an in-memory network.
 */
package io.zklayer.consensus.network;
