package io.zklayer.p2p.node;

import io.zklayer.p2p.gossip.GossipConfig;
import io.zklayer.p2p.gossip.GossipMessage;
import io.zklayer.p2p.gossip.GossipRouter;
import io.zklayer.p2p.gossip.MessageIdFunction;
import io.zklayer.p2p.gossip.PublishResult;
import io.zklayer.p2p.gossip.TopicValidator;
import io.zklayer.p2p.host.Connection;
import io.zklayer.p2p.host.ExecutorScheduler;
import io.zklayer.p2p.host.Host;
import io.zklayer.p2p.host.HostConfig;
import io.zklayer.p2p.host.ProtocolHandler;
import io.zklayer.p2p.host.Scheduler;
import io.zklayer.p2p.host.Stream;
import io.zklayer.p2p.host.StreamHandler;
import io.zklayer.p2p.identify.IdentifyService;
import io.zklayer.p2p.multiaddr.Multiaddr;
import io.zklayer.p2p.peer.PeerId;
import io.zklayer.p2p.ping.PingService;
import io.zklayer.p2p.reqresp.RequestHandler;
import io.zklayer.p2p.reqresp.RequestResponseLimits;
import io.zklayer.p2p.reqresp.RequestResponseProtocol;
import java.security.SecureRandom;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The small API a chain node uses: one libp2p {@link Host} with identify, ping and a gossipsub
 * router wired in — listen, dial, open streams, serve protocols, request-response, subscribe and
 * publish. Generic: topics, protocols and payloads are the caller's.
 */
public final class P2pNode implements AutoCloseable {
    private final Host host;
    private final IdentifyService identify;
    private final PingService ping;
    private final GossipRouter gossip;
    private final ExecutorScheduler ownedScheduler;

    private P2pNode(Host host, GossipConfig gossipConfig, SecureRandom random, Random meshRandom,
            ExecutorScheduler ownedScheduler) {
        this.host = host;
        this.identify = new IdentifyService(host);
        this.ping = new PingService(host, random);
        this.gossip = new GossipRouter(host, gossipConfig, MessageIdFunction.fromAndSeqno(), meshRandom);
        this.ownedScheduler = ownedScheduler;
    }

    /** Returns a node with its own scheduler thread. */
    public static P2pNode create(HostConfig config, GossipConfig gossipConfig, SecureRandom random) {
        ExecutorScheduler scheduler = new ExecutorScheduler("p2p-" + config.hostKey().peerId().toBase58().substring(0, 16));
        return new P2pNode(new Host(config, scheduler, random), gossipConfig, random, new Random(random.nextLong()),
                scheduler);
    }

    /** Returns a node on the given scheduler (e.g. a test's), which the caller owns. */
    public static P2pNode create(HostConfig config, GossipConfig gossipConfig, Scheduler scheduler, SecureRandom random,
            Random meshRandom) {
        return new P2pNode(new Host(config, scheduler, random), gossipConfig, random, meshRandom, null);
    }

    /** Binds the listen addresses and starts the gossip heartbeat. */
    public CompletableFuture<List<Multiaddr>> start() {
        gossip.start();
        return host.start();
    }

    /** Returns this node's peer id. */
    public PeerId peerId() {
        return host.peerId();
    }

    /** Returns the bound addresses, each with {@code /p2p/<id>}. */
    public List<Multiaddr> listenAddresses() {
        return host.listenAddresses().stream().map(a -> a.withPeerId(host.peerId())).toList();
    }

    /** Dials a peer. */
    public CompletableFuture<Connection> dial(Multiaddr address) {
        return host.dial(address);
    }

    /** Returns the connected peers. */
    public Set<PeerId> connectedPeers() {
        return host.connectedPeers();
    }

    /** Opens a stream with the first protocol of the list the peer supports. */
    public CompletableFuture<Stream> newStream(PeerId peer, List<String> protocols, StreamHandler handler) {
        return host.newStream(peer, protocols, handler);
    }

    /** Serves a protocol on inbound streams, announcing it to connected peers by identify push. */
    public void setProtocolHandler(String protocol, ProtocolHandler handler) {
        host.setProtocolHandler(protocol, handler);
        identify.pushToAll();
    }

    /** Serves (when {@code handler} is non-null) and returns a request-response protocol. */
    public RequestResponseProtocol requestResponse(String protocol, RequestResponseLimits limits, RequestHandler handler) {
        RequestResponseProtocol p = new RequestResponseProtocol(host, protocol, limits, handler);
        if (handler != null) {
            identify.pushToAll();
        }
        return p;
    }

    /** Subscribes to a topic. */
    public CompletableFuture<Void> subscribe(String topic, Consumer<GossipMessage> listener) {
        return gossip.subscribe(topic, listener);
    }

    /** Unsubscribes from a topic. */
    public CompletableFuture<Void> unsubscribe(String topic) {
        return gossip.unsubscribe(topic);
    }

    /** Sets a topic's validator. */
    public void setValidator(String topic, TopicValidator validator) {
        gossip.setValidator(topic, validator);
    }

    /** Signs and publishes a message. */
    public CompletableFuture<PublishResult> publish(String topic, byte[] data) {
        return gossip.publish(topic, data);
    }

    /** Pings a connected peer; completes with the round trip in nanoseconds. */
    public CompletableFuture<Long> ping(PeerId peer, long timeoutMillis) {
        return ping.ping(peer, timeoutMillis);
    }

    /** Returns the identify service (what peers said about themselves). */
    public IdentifyService identify() {
        return identify;
    }

    /** Returns the gossip router. */
    public GossipRouter gossip() {
        return gossip;
    }

    /** Returns the underlying host. */
    public Host host() {
        return host;
    }

    @Override
    public void close() {
        host.close();
        if (ownedScheduler != null) {
            ownedScheduler.close();
        }
    }
}
