package io.zklayer.p2p.host;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.zklayer.p2p.mss.MultistreamHandler;
import io.zklayer.p2p.mss.MultistreamNegotiator;
import io.zklayer.p2p.multiaddr.Multiaddr;
import io.zklayer.p2p.noise.NoiseHandshake;
import io.zklayer.p2p.noise.NoiseHandshakeHandler;
import io.zklayer.p2p.peer.PeerId;
import io.zklayer.p2p.yamux.YamuxSession;
import io.zklayer.p2p.yamux.YamuxStream;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A libp2p host on Netty NIO: listens and dials TCP, upgrades each connection with
 * multistream-select → {@code /noise} → multistream-select → {@code /yamux/1.0.0}, and serves
 * registered protocols on inbound streams.
 *
 * <p>Everything per connection runs on its event loop; host-wide timing (bootnode upkeep) runs on
 * the injected {@link Scheduler}. No method blocks; results are {@link CompletableFuture}s.
 */
public final class Host implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Host.class);
    /** The security protocol id. */
    public static final String NOISE = "/noise";
    /** The muxer protocol id. */
    public static final String YAMUX = "/yamux/1.0.0";

    private final HostConfig config;
    private final Scheduler scheduler;
    private final SecureRandom random;
    private final byte[] noiseStaticKey;
    private final ConnectionManager connectionManager;
    private final EventLoopGroup group;
    private final Map<String, ProtocolHandler> handlers = new ConcurrentHashMap<>();
    private final Map<PeerId, List<Connection>> connections = new ConcurrentHashMap<>();
    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Channel> serverChannels = new CopyOnWriteArrayList<>();
    private final List<Multiaddr> boundAddresses = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** Creates a host; nothing is bound until {@link #start}. */
    public Host(HostConfig config, Scheduler scheduler, SecureRandom random) {
        this.config = config;
        this.scheduler = scheduler;
        this.random = random;
        this.noiseStaticKey = NoiseHandshake.generateStaticKey(random);
        this.connectionManager = new ConnectionManager(config.connectionLimits(), scheduler);
        this.group = new MultiThreadIoEventLoopGroup(config.ioThreads(), NioIoHandler.newFactory());
    }

    /** Binds the listen addresses; the future completes when all are bound. */
    public CompletableFuture<List<Multiaddr>> start() {
        List<CompletableFuture<Void>> binds = new ArrayList<>();
        for (Multiaddr address : config.listenAddresses()) {
            CompletableFuture<Void> bound = new CompletableFuture<>();
            binds.add(bound);
            new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            initPipeline(ch, false, Optional.empty(), new CompletableFuture<>());
                        }
                    })
                    .bind(address.toTcpSocketAddress()).addListener(f -> {
                        if (f.isSuccess()) {
                            Channel ch = ((io.netty.channel.ChannelFuture) f).channel();
                            serverChannels.add(ch);
                            boundAddresses.add(Multiaddr.of((InetSocketAddress) ch.localAddress()));
                            LOG.info("Listening on {}/p2p/{}", Multiaddr.of((InetSocketAddress) ch.localAddress()),
                                    peerId());
                            bound.complete(null);
                        } else {
                            bound.completeExceptionally(f.cause());
                        }
                    });
        }
        scheduleMaintenance();
        return CompletableFuture.allOf(binds.toArray(new CompletableFuture[0])).thenApply(v -> listenAddresses());
    }

    /** Returns this host's peer id. */
    public PeerId peerId() {
        return config.hostKey().peerId();
    }

    /** Returns the configuration. */
    public HostConfig config() {
        return config;
    }

    /** Returns the scheduler the host's timing logic runs on. */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** Returns the connection manager. */
    public ConnectionManager connectionManager() {
        return connectionManager;
    }

    /** Returns the bound listen addresses (without /p2p). */
    public List<Multiaddr> listenAddresses() {
        return List.copyOf(boundAddresses);
    }

    /** Registers the handler serving a protocol id on inbound streams, replacing any previous one. */
    public void setProtocolHandler(String protocol, ProtocolHandler handler) {
        handlers.put(protocol, handler);
    }

    /** Returns the protocol ids served, sorted. */
    public List<String> protocols() {
        return List.copyOf(new TreeSet<>(handlers.keySet()));
    }

    boolean supportsProtocol(String protocol) {
        return handlers.containsKey(protocol);
    }

    StreamHandler handlerFor(String protocol, YamuxStream stream) {
        ProtocolHandler h = handlers.get(protocol);
        return h == null ? null : h.onStream(stream);
    }

    /** Adds a listener for connection events. */
    public void addConnectionListener(ConnectionListener listener) {
        listeners.add(listener);
    }

    /** Returns the peers with at least one open connection. */
    public Set<PeerId> connectedPeers() {
        return Set.copyOf(connections.keySet());
    }

    /** Returns an open connection to the peer, if any. */
    public Optional<Connection> connection(PeerId peer) {
        List<Connection> list = connections.get(peer);
        if (list == null) {
            return Optional.empty();
        }
        return list.stream().filter(Connection::isOpen).findFirst();
    }

    /**
     * Dials an address, {@code /ip4/…/tcp/…} optionally with {@code /p2p/<id>} (then the remote's
     * noise identity must match). Reuses an open connection to a known peer. Fails at once while the
     * address is in dial back-off.
     */
    public CompletableFuture<Connection> dial(Multiaddr address) {
        Optional<PeerId> expected = address.peerId();
        if (expected.isPresent()) {
            if (expected.get().equals(peerId())) {
                return CompletableFuture.failedFuture(new DialException("dial: refusing to dial self"));
            }
            Optional<Connection> existing = connection(expected.get());
            if (existing.isPresent()) {
                return CompletableFuture.completedFuture(existing.get());
            }
        }
        Optional<Long> backoff = connectionManager.backoffRemaining(address);
        if (backoff.isPresent()) {
            return CompletableFuture.failedFuture(new DialException("dial: " + address + " backing off for "
                    + backoff.get() + " ms after failures"));
        }
        InetSocketAddress target;
        try {
            target = address.toTcpSocketAddress();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new DialException(e.getMessage(), e));
        }
        CompletableFuture<Connection> result = new CompletableFuture<>();
        new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.upgradeTimeoutMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        initPipeline(ch, true, expected, result);
                    }
                })
                .connect(target).addListener(f -> {
                    if (!f.isSuccess()) {
                        result.completeExceptionally(new DialException("dial: connect to " + address + " failed: "
                                + f.cause().getMessage(), f.cause()));
                    }
                });
        return result.whenComplete((c, e) -> {
            if (e == null) {
                connectionManager.dialSucceeded(address);
            } else {
                connectionManager.dialFailed(address);
            }
        });
    }

    /**
     * Opens a stream to a connected peer and negotiates the first supported protocol of the list.
     */
    public CompletableFuture<Stream> newStream(PeerId peer, List<String> protocols, StreamHandler handler) {
        Optional<Connection> c = connection(peer);
        if (c.isEmpty()) {
            return CompletableFuture.failedFuture(new DialException("stream: not connected to " + peer));
        }
        return c.get().newStream(protocols, handler);
    }

    /** Closes every connection to the peer, logging the reason. */
    public void disconnect(PeerId peer, String reason) {
        List<Connection> list = connections.get(peer);
        if (list != null) {
            LOG.info("Disconnecting {}: {}", peer, reason);
            for (Connection c : List.copyOf(list)) {
                c.close();
            }
        }
    }

    private void initPipeline(SocketChannel ch, boolean initiator, Optional<PeerId> expected,
            CompletableFuture<Connection> result) {
        if (closed) {
            ch.close();
            return;
        }
        MultistreamNegotiator security = initiator ? MultistreamNegotiator.initiator(List.of(NOISE))
                : MultistreamNegotiator.responder(NOISE::equals, () -> List.of(NOISE));
        ch.pipeline().addLast("mss-security", new MultistreamHandler(security, initiator,
                (ctx, p) -> ctx.pipeline().addAfter(ctx.name(), "noise-handshake",
                        new NoiseHandshakeHandler(config.hostKey(), noiseStaticKey, random, initiator, expected,
                                config.upgradeTimeoutMillis(),
                                (codecCtx, remote) -> onSecured(codecCtx, ch, initiator, remote, result)))));
        ch.pipeline().addLast("errors", new ChannelInboundHandlerAdapter() {
            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                LOG.info("Closing {}: {}", ctx.channel().remoteAddress(), cause.toString());
                ctx.close();
            }
        });
        ch.eventLoop().schedule(() -> {
            if (!result.isDone()) {
                LOG.info("Closing {}: connection not upgraded within {} ms", ch.remoteAddress(),
                        config.upgradeTimeoutMillis());
                ch.close();
            }
        }, config.upgradeTimeoutMillis(), TimeUnit.MILLISECONDS);
        ch.closeFuture().addListener(f -> result.completeExceptionally(
                new DialException("connection to " + ch.remoteAddress() + " closed before the upgrade completed")));
    }

    private void onSecured(ChannelHandlerContext codecCtx, SocketChannel ch, boolean initiator, PeerId remote,
            CompletableFuture<Connection> result) {
        MultistreamNegotiator muxer = initiator ? MultistreamNegotiator.initiator(List.of(YAMUX))
                : MultistreamNegotiator.responder(YAMUX::equals, () -> List.of(YAMUX));
        codecCtx.pipeline().addAfter(codecCtx.name(), "mss-muxer", new MultistreamHandler(muxer, initiator,
                (ctx, p) -> {
                    Connection conn = new Connection(this, ch, remote, initiator);
                    ConnectionManager.Admission admission = connectionManager.admit(remote);
                    if (admission != ConnectionManager.Admission.ADMITTED) {
                        LOG.info("Closing {}: {}", conn, admission);
                        result.completeExceptionally(new DialException("connection to " + remote + " refused: "
                                + admission));
                        ch.close();
                        return;
                    }
                    YamuxSession session = new YamuxSession(initiator, remote, config.yamuxLimits(), conn);
                    conn.attach(session);
                    ctx.pipeline().addAfter(ctx.name(), "yamux", session);
                    connections.computeIfAbsent(remote, k -> new CopyOnWriteArrayList<>()).add(conn);
                    LOG.debug("Connected {}", conn);
                    result.complete(conn);
                    for (ConnectionListener l : listeners) {
                        try {
                            l.onConnected(conn);
                        } catch (RuntimeException e) {
                            LOG.warn("Connection listener failed for {}", conn, e);
                        }
                    }
                }));
    }

    void onConnectionClosed(Connection conn) {
        List<Connection> list = connections.get(conn.remotePeer());
        if (list == null || !list.remove(conn)) {
            return;
        }
        connections.computeIfPresent(conn.remotePeer(), (k, v) -> v.isEmpty() ? null : v);
        connectionManager.release(conn.remotePeer());
        LOG.debug("Disconnected {}", conn);
        for (ConnectionListener l : listeners) {
            try {
                l.onDisconnected(conn);
            } catch (RuntimeException e) {
                LOG.warn("Connection listener failed for {}", conn, e);
            }
        }
    }

    private void scheduleMaintenance() {
        if (closed || config.connectionLimits().bootnodes().isEmpty()) {
            return;
        }
        scheduler.execute(this::maintainBootnodes);
    }

    private void maintainBootnodes() {
        if (closed) {
            return;
        }
        for (Multiaddr boot : config.connectionLimits().bootnodes()) {
            Optional<PeerId> id = boot.peerId();
            if (id.isPresent() && connection(id.get()).isPresent()) {
                continue;
            }
            if (connectionManager.backoffRemaining(boot).isPresent()) {
                continue;
            }
            dial(boot).whenComplete((c, e) -> {
                if (e != null) {
                    LOG.debug("Bootnode {} not reachable: {}", boot, e.getMessage());
                }
            });
        }
        scheduler.schedule(this::maintainBootnodes, config.connectionLimits().maintenanceIntervalMillis());
    }

    /** Closes listeners and connections and stops the event loops. */
    @Override
    public void close() {
        closed = true;
        for (Channel ch : serverChannels) {
            ch.close();
        }
        for (List<Connection> list : connections.values()) {
            for (Connection c : list) {
                c.close();
            }
        }
        group.shutdownGracefully(0, 200, TimeUnit.MILLISECONDS);
    }
}
