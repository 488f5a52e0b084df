package io.zklayer.p2p.gossip;

import io.zklayer.p2p.peer.PeerId;

/**
 * A validated message as subscribers see it.
 *
 * @param id the message id
 * @param topic the topic
 * @param data the payload
 * @param from the author (signature verified)
 * @param receivedFrom the peer that forwarded it to us
 */
public record GossipMessage(MessageId id, String topic, byte[] data, PeerId from, PeerId receivedFrom) {}
