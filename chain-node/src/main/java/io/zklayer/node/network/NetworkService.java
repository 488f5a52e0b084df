package io.zklayer.node.network;

import io.zklayer.consensus.finality.FinalityMessage;
import io.zklayer.consensus.network.BlockData;
import io.zklayer.consensus.network.BlockRequest;
import io.zklayer.consensus.network.ConsensusNetwork;
import io.zklayer.consensus.network.PeerRef;
import io.zklayer.consensus.network.PeerReport;
import io.zklayer.node.network.PeerReputation.Change;
import io.zklayer.node.network.protocol.BlockAnnounce;
import io.zklayer.node.network.protocol.BlockRequestCodec;
import io.zklayer.node.network.protocol.BlockResponse;
import io.zklayer.node.network.protocol.ChainStatus;
import io.zklayer.node.network.protocol.ProtocolNames;
import io.zklayer.node.network.sync.BlockRequestHandler;
import io.zklayer.node.network.sync.ChainSync;
import io.zklayer.node.txpool.SubmitOutcome;
import io.zklayer.p2p.gossip.GossipConfig;
import io.zklayer.p2p.gossip.GossipMessage;
import io.zklayer.p2p.gossip.ValidationResult;
import io.zklayer.p2p.host.Connection;
import io.zklayer.p2p.host.ConnectionLimits;
import io.zklayer.p2p.host.ConnectionListener;
import io.zklayer.p2p.host.HostConfig;
import io.zklayer.p2p.multiaddr.Multiaddr;
import io.zklayer.p2p.node.P2pNode;
import io.zklayer.p2p.peer.PeerId;
import io.zklayer.p2p.reqresp.RequestResponseLimits;
import io.zklayer.p2p.reqresp.RequestResponseProtocol;
import io.zklayer.p2p.yamux.YamuxLimits;
import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.types.UncheckedExtrinsic;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's chain networking on a libp2p {@link P2pNode}.
 *
 * <ul>
 *   <li><b>Status</b> ({@code /<genesis>/status/1}, request-response): on every new connection and
 *       every {@link #STATUS_REFRESH_MILLIS} each side sends its {@link ChainStatus} and gets the
 *       peer's. A peer of another genesis is banned; one that does not speak the protocol is not
 *       counted as a chain peer. The known-peer addresses in a status are dialled while this node
 *       has fewer than {@link #TARGET_PEERS} peers (how a node started with one bootnode finds the
 *       rest).
 *   <li><b>Block announcements</b> (gossip): an authored block's header is published; receivers
 *       check the seal when they know the parent (a bad one is rejected and bans the announcer),
 *       then fetch the body from the announcer and import it ({@link ChainSync}).
 *   <li><b>Block requests</b> ({@code /<genesis>/sync/1}): served from the store by
 *       {@link BlockRequestHandler}; used by {@link ChainSync} for ranges and single blocks.
 *   <li><b>Transactions</b> (gossip): submitted transactions are published; received ones are
 *       offered to the pool, and only those it accepts are forwarded.
 *   <li><b>Finality</b>: this service is the finality gadget's {@link ConsensusNetwork}: votes and
 *       commits are gossiped ({@code /<genesis>/finality/1}, decoded and bounded before they are
 *       forwarded, a malformed one costs its publisher), catch-up messages go to one peer over
 *       {@code /<genesis>/finality-direct/1}, the gadget's block and justification requests use the
 *       sync protocol, and its peer reports feed the reputation.
 * </ul>
 *
 * <p>Threading: chain work (status, sync, imports, reputation) runs on one "network" thread;
 * serving block requests on a "network-serve" thread; gossip validators on the p2p router thread
 * (they only decode and run quick checks). Public methods are thread-safe and do not block.
 */
public final class NetworkService implements ConsensusNetwork, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkService.class);
    /** How often peers' statuses are refreshed. */
    public static final long STATUS_REFRESH_MILLIS = 2_000;
    /** How often sync looks for work. */
    public static final long SYNC_TICK_MILLIS = 200;
    /** Below this many peers, addresses learnt from peers are dialled. */
    public static final int TARGET_PEERS = 25;
    /** The largest gossiped transaction. */
    public static final int MAX_TRANSACTION_BYTES = 1 << 20;
    private static final RequestResponseLimits SYNC_LIMITS =
            new RequestResponseLimits(BlockRequestCodec.MAX_BYTES, BlockResponse.MAX_BYTES, 20_000);

    private final NetworkSettings settings;
    private final ChainAccess chain;
    private final ProtocolNames names;
    private final P2pNode p2p;
    private final ScheduledThreadPoolExecutor net;
    private final ExecutorService serve;
    private final PeerReputation reputation;
    private final ChainSync sync;
    private final BlockRequestHandler blockServer;
    private final PeerSet peers;
    private final RequestResponseProtocol syncProtocol;
    private final FinalityTransport finality;
    private volatile boolean closed;

    private NetworkService(NetworkSettings settings, ChainAccess chain) {
        this.settings = settings;
        this.chain = chain;
        this.names = ProtocolNames.forGenesis(chain.genesisHash());
        List<Multiaddr> keep = new ArrayList<>(settings.bootnodes());
        keep.addAll(settings.reservedNodes());
        HostConfig host = new HostConfig(settings.nodeKey(), settings.listenAddresses(), "zklayer/0.1.0", 10_000, 10_000,
                YamuxLimits.defaults(), ConnectionLimits.defaults().withMaxConnections(settings.maxPeers()).withBootnodes(keep), 1);
        this.p2p = P2pNode.create(host, GossipConfig.defaults(), new SecureRandom());
        this.net = new ScheduledThreadPoolExecutor(1, daemon("network"));
        this.net.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.serve = Executors.newSingleThreadExecutor(daemon("network-serve"));
        this.reputation = new PeerReputation(() -> System.nanoTime() / 1_000_000, settings.banDuration().toMillis());
        this.sync = new ChainSync(chain, this::requestBlocks, (peer, change, detail) -> report(peer, change, detail),
                this::post, () -> System.nanoTime() / 1_000_000);
        this.blockServer = new BlockRequestHandler(chain);
        this.peers = new PeerSet(p2p, names, chain, settings.authority(), reputation, sync, this::report, this::post, serve);
        this.syncProtocol = p2p.requestResponse(names.sync(), SYNC_LIMITS, this::serveBlocks);
        this.finality = new FinalityTransport(p2p, names, (peer, change, detail) -> post(() -> report(peer, change, detail)));
    }

    /**
     * Starts networking: binds the listen addresses, joins the chain's topics and dials the
     * bootnodes and reserved nodes.
     *
     * @throws IllegalStateException when a listen address cannot be bound (named in the message)
     */
    public static NetworkService start(NetworkSettings settings, ChainAccess chain) throws InterruptedException {
        NetworkService s = new NetworkService(settings, chain);
        try {
            s.begin();
            return s;
        } catch (RuntimeException | InterruptedException e) {
            s.close();
            throw e;
        }
    }

    private void begin() throws InterruptedException {
        p2p.host().addConnectionListener(new ConnectionListener() {
            @Override
            public void onConnected(Connection connection) {
                PeerId peer = connection.remotePeer();
                post(() -> peers.onConnected(peer));
            }

            @Override
            public void onDisconnected(Connection connection) {
                PeerId peer = connection.remotePeer();
                post(() -> peers.onDisconnected(peer));
            }
        });
        p2p.setValidator(names.blockAnnounces(), m -> validateAnnounce(m));
        p2p.setValidator(names.transactions(), m -> validateTransaction(m));
        p2p.subscribe(names.blockAnnounces(), this::onAnnounceMessage);
        p2p.subscribe(names.transactions(), m -> { });
        finality.subscribe();
        List<Multiaddr> bound;
        try {
            bound = p2p.start().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("network: cannot listen on " + settings.listenAddresses() + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("network: binding " + settings.listenAddresses() + " took over 10 s", e);
        }
        LOG.info("🏷  Local node identity is: {}", p2p.peerId().toBase58());
        for (Multiaddr a : bound) {
            LOG.info("Listening for peers on {}", a.withPeerId(p2p.peerId()));
        }
        net.scheduleWithFixedDelay(guard("sync", sync::tick), SYNC_TICK_MILLIS, SYNC_TICK_MILLIS, TimeUnit.MILLISECONDS);
        net.scheduleWithFixedDelay(guard("status", peers::refreshStatuses), STATUS_REFRESH_MILLIS, STATUS_REFRESH_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    // ---- public API (any thread) ----------------------------------------------------------------

    /** Returns this node's peer id. */
    public PeerId localPeerId() {
        return p2p.peerId();
    }

    /** Returns the bound listen addresses, each ending in {@code /p2p/<id>}. */
    public List<Multiaddr> listenAddresses() {
        return p2p.listenAddresses();
    }

    /** Returns the connected chain peers (those that completed the status handshake) with their best blocks. */
    public List<PeerInfo> peerInfos() {
        return peers.infos();
    }

    /** Returns the number of connected chain peers. */
    public int peerCount() {
        return peers.infos().size();
    }

    /** Returns whether the node is far behind its best peer (then it does not author). */
    public boolean isMajorSyncing() {
        return sync.isMajorSyncing();
    }

    /** Returns the highest best block any peer reported. */
    public long highestPeerBlock() {
        return sync.highestPeerBlock();
    }

    /** Returns the best block number when the current (or last) sync started. */
    public long syncStartingBlock() {
        return sync.startingBlock();
    }

    /** Announces a block this node authored (its header, as the new best block). */
    public void announceBlock(io.zklayer.primitives.types.Header header) {
        publish(names.blockAnnounces(), new BlockAnnounce(header, true).encode());
    }

    /** Gossips a transaction the pool accepted from a local client. */
    public void propagateTransaction(byte[] extrinsic) {
        if (extrinsic.length <= MAX_TRANSACTION_BYTES) {
            publish(names.transactions(), extrinsic);
        }
    }

    // ---- ConsensusNetwork (the finality gadget's view) ---------------------------------------------

    @Override
    public void broadcast(FinalityMessage message) {
        finality.broadcast(message);
    }

    @Override
    public void send(PeerRef peer, FinalityMessage message) {
        finality.send(peer, message);
    }

    @Override
    public void setInbound(Inbound inbound) {
        finality.setInbound(inbound);
    }

    @Override
    public CompletableFuture<List<BlockData>> requestBlocks(PeerRef peer, BlockRequest request) {
        PeerId id;
        try {
            id = PeerId.fromBase58(peer.id());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("'" + peer + "' is not a peer id", e));
        }
        return requestBlocks(id, request);
    }

    @Override
    public void report(PeerRef peer, PeerReport report) {
        PeerId id;
        try {
            id = PeerId.fromBase58(peer.id());
        } catch (RuntimeException e) {
            return;
        }
        post(() -> report(id, PeerReputation.of(report), "finality: " + report));
    }

    @Override
    public List<PeerRef> peers() {
        return peers.infos().stream().map(p -> new PeerRef(p.peerId())).toList();
    }

    /** Returns the protocol names of this chain. */
    public ProtocolNames protocolNames() {
        return names;
    }

    /** Returns the libp2p node underneath (for tests and diagnostics). */
    public P2pNode p2p() {
        return p2p;
    }

    /** Returns whether {@code peer} is banned now; runs on the network thread. */
    public CompletableFuture<Boolean> isBanned(PeerId peer) {
        return CompletableFuture.supplyAsync(() -> reputation.isBanned(peer), net);
    }

    /** Returns {@code peer}'s reputation score; runs on the network thread. */
    public CompletableFuture<Integer> reputationOf(PeerId peer) {
        return CompletableFuture.supplyAsync(() -> reputation.score(peer), net);
    }

    // ---- blocks -----------------------------------------------------------------------------------

    private ValidationResult validateAnnounce(GossipMessage m) {
        BlockAnnounce a;
        try {
            a = BlockAnnounce.decode(m.data());
        } catch (ScaleDecodeException e) {
            post(() -> report(m.from(), Change.MALFORMED_MESSAGE, "block announcement: " + e.getMessage()));
            return ValidationResult.REJECT;
        }
        if (a.header().number() <= chain.finalized().number()) {
            return ValidationResult.IGNORE;
        }
        Optional<String> broken = chain.checkAnnouncedHeader(a.header());
        if (broken.isPresent()) {
            post(() -> report(m.from(), Change.BAD_ANNOUNCEMENT, "block announcement #" + a.header().number() + ": "
                    + broken.get()));
            return ValidationResult.REJECT;
        }
        return ValidationResult.ACCEPT;
    }

    private void onAnnounceMessage(GossipMessage m) {
        BlockAnnounce a = BlockAnnounce.decode(m.data());
        post(() -> sync.onAnnounce(m.from(), m.receivedFrom(), a));
    }

    private CompletableFuture<List<BlockData>> requestBlocks(PeerId peer, BlockRequest request) {
        return syncProtocol.request(peer, BlockRequestCodec.encode(request)).thenApply(b -> BlockResponse.decode(b).blocks());
    }

    private CompletableFuture<byte[]> serveBlocks(PeerId peer, byte[] bytes) {
        BlockRequest request;
        try {
            request = BlockRequestCodec.decode(bytes);
        } catch (ScaleDecodeException e) {
            post(() -> report(peer, Change.MALFORMED_MESSAGE, "block request: " + e.getMessage()));
            return CompletableFuture.failedFuture(e);
        }
        return CompletableFuture.supplyAsync(() -> blockServer.handle(request).encode(), serve);
    }

    // ---- transactions -----------------------------------------------------------------------------

    private ValidationResult validateTransaction(GossipMessage m) {
        byte[] data = m.data();
        if (data.length > MAX_TRANSACTION_BYTES) {
            post(() -> report(m.receivedFrom(), Change.MALFORMED_MESSAGE, "transaction of " + data.length + " bytes"));
            return ValidationResult.REJECT;
        }
        try {
            UncheckedExtrinsic.CODEC.decode(data);
        } catch (ScaleDecodeException e) {
            post(() -> report(m.receivedFrom(), Change.MALFORMED_MESSAGE, "transaction: " + e.getMessage()));
            return ValidationResult.REJECT;
        }
        SubmitOutcome outcome = chain.submitTransaction(data);
        if (outcome instanceof SubmitOutcome.Accepted) {
            return ValidationResult.ACCEPT;
        }
        SubmitOutcome.Rejected r = (SubmitOutcome.Rejected) outcome;
        if (r.reason() == SubmitOutcome.Reason.INVALID) {
            // Possibly just stale by now (its nonce got included meanwhile): a small penalty, no forwarding.
            post(() -> report(m.receivedFrom(), Change.INVALID_TRANSACTION, r.detail()));
        }
        return ValidationResult.IGNORE;
    }

    // ---- reputation ---------------------------------------------------------------------------------

    private void report(PeerId peer, Change change, String detail) {
        PeerReputation.Outcome out = reputation.report(peer, change);
        if (change.delta() < 0) {
            LOG.debug("Peer {} {} ({} → score {}): {}", peer, change.description(), change.delta(), out.score(), detail);
        }
        if (out.newlyBanned()) {
            LOG.warn("Banning peer {} for {} s: it {}: {}", peer, settings.banDuration().toSeconds(),
                    change.description(), detail);
            p2p.host().disconnect(peer, "banned: " + change.description());
            peers.forget(peer);
        }
    }

    // ---- plumbing ---------------------------------------------------------------------------------------

    private void publish(String topic, byte[] data) {
        if (closed) {
            return;
        }
        p2p.publish(topic, data).whenComplete((r, e) -> {
            if (e != null) {
                LOG.debug("Publishing on {} failed: {}", topic, e.toString());
            }
        });
    }

    private void post(Runnable task) {
        if (closed) {
            return;
        }
        try {
            net.execute(guard("network task", task));
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    private static Runnable guard(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Network {} failed: {}", what, e.toString(), e);
            }
        };
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Stops networking: closes connections, then waits for a running import to finish. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        finality.close();
        p2p.close();
        net.shutdown();
        serve.shutdown();
        try {
            if (!net.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("Network thread still busy after 30 s; stopping it");
                net.shutdownNow();
            }
            serve.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
