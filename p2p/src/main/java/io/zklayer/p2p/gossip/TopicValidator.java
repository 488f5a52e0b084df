package io.zklayer.p2p.gossip;

/** Judges messages of a topic before delivery and forwarding; runs on the router thread, so must be quick. */
@FunctionalInterface
public interface TopicValidator {
    /** Returns the verdict on a message. */
    ValidationResult validate(GossipMessage message);
}
