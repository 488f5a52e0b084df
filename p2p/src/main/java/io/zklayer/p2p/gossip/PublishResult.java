package io.zklayer.p2p.gossip;

/**
 * What {@link GossipRouter#publish} did.
 *
 * @param id the message id
 * @param recipients how many peers it was sent to (0 when no peer is known on the topic)
 */
public record PublishResult(MessageId id, int recipients) {}
