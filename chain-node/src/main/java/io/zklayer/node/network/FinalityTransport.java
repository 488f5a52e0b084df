package io.zklayer.node.network;

import io.zklayer.consensus.finality.FinalityMessage;
import io.zklayer.consensus.network.ConsensusNetwork.Inbound;
import io.zklayer.consensus.network.PeerRef;
import io.zklayer.node.network.PeerReputation.Change;
import io.zklayer.node.network.protocol.ProtocolNames;
import io.zklayer.p2p.gossip.GossipMessage;
import io.zklayer.p2p.gossip.ValidationResult;
import io.zklayer.p2p.node.P2pNode;
import io.zklayer.p2p.peer.PeerId;
import io.zklayer.p2p.reqresp.RequestResponseLimits;
import io.zklayer.p2p.reqresp.RequestResponseProtocol;
import io.zklayer.primitives.codec.ScaleDecodeException;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How finality messages travel: votes and commits by gossip on {@code /<genesis>/finality/1}
 * (decoded and bounded by the topic validator before they are forwarded; a message that does not
 * decode costs its publisher and is not forwarded), catch-up requests and answers to one peer over
 * the request-response protocol {@code /<genesis>/finality-direct/1} (request = the message,
 * response = empty acknowledgement). Messages are handed to the gadget's {@link Inbound}; until one
 * is installed, gossip is ignored (not forwarded).
 */
final class FinalityTransport {
    private static final Logger LOG = LoggerFactory.getLogger(FinalityTransport.class);
    private static final RequestResponseLimits LIMITS =
            new RequestResponseLimits(FinalityMessage.MAX_ENCODED_BYTES, 16, 10_000);

    /** Receives what a peer did wrong, for the reputation. */
    @FunctionalInterface
    interface Reporter {
        /** Reports {@code change} for {@code peer}. */
        void report(PeerId peer, Change change, String detail);
    }

    private final P2pNode p2p;
    private final ProtocolNames names;
    private final Reporter reporter;
    private final RequestResponseProtocol direct;
    private volatile Inbound inbound;
    private volatile boolean closed;

    /** Serves the direct protocol and validates the gossip topic; {@link #subscribe} joins the topic. */
    FinalityTransport(P2pNode p2p, ProtocolNames names, Reporter reporter) {
        this.p2p = p2p;
        this.names = names;
        this.reporter = reporter;
        this.direct = p2p.requestResponse(names.finalityDirect(), LIMITS, this::receiveDirect);
        p2p.setValidator(names.finality(), this::validate);
    }

    /** Joins the finality topic. */
    void subscribe() {
        p2p.subscribe(names.finality(), m -> deliver(m.from(), FinalityMessage.decode(m.data())));
    }

    void setInbound(Inbound inbound) {
        this.inbound = inbound;
    }

    void broadcast(FinalityMessage message) {
        if (closed) {
            return;
        }
        p2p.publish(names.finality(), FinalityMessage.encode(message)).whenComplete((r, e) -> {
            if (e != null) {
                LOG.debug("Publishing a finality message failed: {}", e.toString());
            }
        });
    }

    void send(PeerRef peer, FinalityMessage message) {
        PeerId id;
        try {
            id = PeerId.fromBase58(peer.id());
        } catch (RuntimeException e) {
            LOG.debug("Not sending a finality message to '{}': not a peer id", peer);
            return;
        }
        direct.request(id, FinalityMessage.encode(message)).whenComplete((ack, e) -> {
            if (e != null) {
                LOG.debug("Finality message to {} not delivered: {}", peer, e.getMessage());
            }
        });
    }

    void close() {
        closed = true;
    }

    private ValidationResult validate(GossipMessage m) {
        try {
            FinalityMessage.decode(m.data());
        } catch (ScaleDecodeException e) {
            reporter.report(m.from(), Change.MALFORMED_MESSAGE, "finality message: " + e.getMessage());
            return ValidationResult.REJECT;
        }
        return inbound == null ? ValidationResult.IGNORE : ValidationResult.ACCEPT;
    }

    private CompletableFuture<byte[]> receiveDirect(PeerId peer, byte[] bytes) {
        FinalityMessage message;
        try {
            message = FinalityMessage.decode(bytes);
        } catch (ScaleDecodeException e) {
            reporter.report(peer, Change.MALFORMED_MESSAGE, "finality message: " + e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
        deliver(peer, message);
        return CompletableFuture.completedFuture(new byte[0]);
    }

    private void deliver(PeerId from, FinalityMessage message) {
        Inbound in = inbound;
        if (in != null && !closed) {
            in.onFinalityMessage(new PeerRef(from.toBase58()), message);
        }
    }
}
