package io.zklayer.node.network;

import io.zklayer.consensus.ChainHead;
import io.zklayer.node.network.PeerReputation.Change;
import io.zklayer.node.network.protocol.ChainStatus;
import io.zklayer.node.network.protocol.ProtocolNames;
import io.zklayer.node.network.sync.ChainSync;
import io.zklayer.p2p.host.Connection;
import io.zklayer.p2p.multiaddr.Multiaddr;
import io.zklayer.p2p.node.P2pNode;
import io.zklayer.p2p.peer.PeerId;
import io.zklayer.p2p.reqresp.RequestFailedException;
import io.zklayer.p2p.reqresp.RequestResponseLimits;
import io.zklayer.p2p.reqresp.RequestResponseProtocol;
import io.zklayer.primitives.codec.ScaleDecodeException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connected chain peers: the status handshake on {@code /<genesis>/status/1} (each side sends
 * its {@link ChainStatus} as the request and gets the other's as the response, on connect and then
 * every {@link NetworkService#STATUS_REFRESH_MILLIS}), the refusal of banned peers and of peers of
 * another genesis, discovery (addresses of peers' peers are dialled while there are fewer than
 * {@link NetworkService#TARGET_PEERS}), and the snapshot that RPC reads.
 *
 * <p>Everything but the snapshot accessors runs on the network thread.
 */
final class PeerSet {
    private static final Logger LOG = LoggerFactory.getLogger(PeerSet.class);
    private static final RequestResponseLimits STATUS_LIMITS =
            new RequestResponseLimits(ChainStatus.MAX_BYTES, ChainStatus.MAX_BYTES, 10_000);

    private final P2pNode p2p;
    private final ProtocolNames names;
    private final ChainAccess chain;
    private final boolean authority;
    private final PeerReputation reputation;
    private final ChainSync sync;
    private final FinalityTransport.Reporter reporter;
    private final Executor networkThread;
    private final Executor serve;
    private final RequestResponseProtocol statusProtocol;
    private final Map<PeerId, ChainStatus> chainPeers = new LinkedHashMap<>();
    private volatile List<PeerInfo> peerSnapshot = List.of();
    private volatile List<byte[]> knownAddresses = List.of();

    /** Serves the status protocol; {@code reporter} runs on the network thread. */
    PeerSet(P2pNode p2p, ProtocolNames names, ChainAccess chain, boolean authority, PeerReputation reputation, ChainSync sync,
            FinalityTransport.Reporter reporter, Executor networkThread, Executor serve) {
        this.p2p = p2p;
        this.names = names;
        this.chain = chain;
        this.authority = authority;
        this.reputation = reputation;
        this.sync = sync;
        this.reporter = reporter;
        this.networkThread = networkThread;
        this.serve = serve;
        this.statusProtocol = p2p.requestResponse(names.status(), STATUS_LIMITS, this::serveStatus);
    }

    /** Returns the chain peers with their best blocks (any thread). */
    List<PeerInfo> infos() {
        return peerSnapshot;
    }

    /** A connection came up: drop it if the peer is banned, else exchange statuses. */
    void onConnected(PeerId peer) {
        Optional<Long> ban = reputation.bannedFor(peer);
        if (ban.isPresent()) {
            p2p.host().disconnect(peer, "banned for another " + ban.get() / 1000 + " s");
            return;
        }
        requestStatus(peer);
    }

    /** A connection went down: forget the peer once it has none left. */
    void onDisconnected(PeerId peer) {
        if (p2p.host().connection(peer).isPresent()) {
            return;
        }
        if (chainPeers.remove(peer) != null) {
            LOG.debug("Peer {} disconnected", peer);
        }
        sync.onPeerDisconnected(peer);
        refreshSnapshot();
    }

    /** Asks every connected peer for its status again (and lets neutral reputations go). */
    void refreshStatuses() {
        for (PeerId peer : p2p.connectedPeers()) {
            requestStatus(peer);
        }
        reputation.forgetNeutral();
    }

    private void requestStatus(PeerId peer) {
        statusProtocol.request(peer, ourStatus().encode()).whenCompleteAsync((bytes, error) -> {
            if (error != null) {
                Throwable c = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                if (c instanceof RequestFailedException f && f.reason() == RequestFailedException.Reason.UNAVAILABLE) {
                    LOG.debug("{} does not speak {}: {}", peer, names.status(), f.getMessage());
                } else if (chainPeers.containsKey(peer)) {
                    reporter.report(peer, Change.REQUEST_FAILED, "status: " + c.getMessage());
                }
                return;
            }
            try {
                onStatus(peer, ChainStatus.decode(bytes));
            } catch (ScaleDecodeException e) {
                reporter.report(peer, Change.MALFORMED_MESSAGE, "status: " + e.getMessage());
            }
        }, networkThread);
    }

    private CompletableFuture<byte[]> serveStatus(PeerId peer, byte[] request) {
        ChainStatus theirs;
        try {
            theirs = ChainStatus.decode(request);
        } catch (ScaleDecodeException e) {
            networkThread.execute(() -> reporter.report(peer, Change.MALFORMED_MESSAGE, "status request: " + e.getMessage()));
            return CompletableFuture.failedFuture(e);
        }
        networkThread.execute(() -> onStatus(peer, theirs));
        return CompletableFuture.supplyAsync(() -> ourStatus().encode(), serve);
    }

    private void onStatus(PeerId peer, ChainStatus status) {
        if (p2p.host().connection(peer).isEmpty() || reputation.isBanned(peer)) {
            return;
        }
        if (!status.genesis().equals(chain.genesisHash())) {
            reporter.report(peer, Change.WRONG_CHAIN, "genesis " + status.genesis() + " is not ours " + chain.genesisHash());
            p2p.host().disconnect(peer, "another chain (genesis " + status.genesis() + ")");
            return;
        }
        if (status.version() != ChainStatus.VERSION) {
            p2p.host().disconnect(peer, "chain protocol version " + status.version() + ", we speak " + ChainStatus.VERSION);
            return;
        }
        if (chainPeers.put(peer, status) == null) {
            LOG.info("Peer {} connected ({}, best #{})", peer, status.isAuthority() ? "authority" : "full node",
                    status.bestNumber());
        }
        sync.onPeerStatus(peer, status.bestNumber(), status.bestHash());
        refreshSnapshot();
        discover(status.knownPeers());
        sync.tick();
    }

    private void discover(List<byte[]> addresses) {
        if (chainPeers.size() >= NetworkService.TARGET_PEERS) {
            return;
        }
        for (byte[] bytes : addresses) {
            Multiaddr address;
            try {
                address = Multiaddr.fromBytes(bytes);
            } catch (RuntimeException e) {
                continue;
            }
            Optional<PeerId> id = address.peerId();
            if (id.isEmpty() || id.get().equals(p2p.peerId()) || p2p.host().connection(id.get()).isPresent()
                    || reputation.isBanned(id.get()) || p2p.host().connectionManager().backoffRemaining(address).isPresent()) {
                continue;
            }
            LOG.debug("Dialling {} learnt from a peer", address);
            p2p.dial(address).whenComplete((c, e) -> {
                if (e != null) {
                    LOG.debug("Dialling {} failed: {}", address, e.getMessage());
                }
            });
        }
    }

    private ChainStatus ourStatus() {
        ChainHead best = chain.best();
        ChainHead fin = chain.finalized();
        int roles = authority ? ChainStatus.ROLE_AUTHORITY : ChainStatus.ROLE_FULL;
        return new ChainStatus(ChainStatus.VERSION, roles, chain.genesisHash(), best.number(), best.hash(), fin.number(),
                fin.hash(), knownAddresses);
    }

    /** Forgets a peer that was banned. */
    void forget(PeerId peer) {
        chainPeers.remove(peer);
        sync.onPeerDisconnected(peer);
        refreshSnapshot();
    }

    private void refreshSnapshot() {
        List<PeerInfo> infos = new ArrayList<>();
        List<byte[]> addresses = new ArrayList<>();
        for (Map.Entry<PeerId, ChainStatus> e : chainPeers.entrySet()) {
            PeerId id = e.getKey();
            ChainHead head = sync.peerHead(id).orElse(new ChainHead(e.getValue().bestHash(), e.getValue().bestNumber()));
            infos.add(new PeerInfo(id.toBase58(), e.getValue().isAuthority() ? "AUTHORITY" : "FULL", head.hash().toHex(),
                    head.number()));
            if (addresses.size() < ChainStatus.MAX_KNOWN_PEERS) {
                dialableAddress(id).ifPresent(a -> {
                    byte[] b = a.toBytes();
                    if (b.length <= ChainStatus.MAX_ADDRESS_BYTES) {
                        addresses.add(b);
                    }
                });
            }
        }
        peerSnapshot = List.copyOf(infos);
        knownAddresses = List.copyOf(addresses);
    }

    // Where others can dial the peer: its first identify listen address, with an unspecified host
    // (0.0.0.0, ::) replaced by the IP its connection to us comes from.
    private Optional<Multiaddr> dialableAddress(PeerId peer) {
        Optional<Connection> c = p2p.host().connection(peer);
        if (c.isEmpty()) {
            return Optional.empty();
        }
        return p2p.identify().info(peer).flatMap(info -> info.listenAddresses().stream().findFirst()).map(a -> {
            try {
                InetSocketAddress listen = a.toTcpSocketAddress();
                if (listen.getAddress() != null && listen.getAddress().isAnyLocalAddress()) {
                    InetSocketAddress remote = c.get().remoteAddress().toTcpSocketAddress();
                    return Multiaddr.of(new InetSocketAddress(remote.getAddress(), listen.getPort())).withPeerId(peer);
                }
                return a.withPeerId(peer);
            } catch (IllegalArgumentException e) {
                return null;
            }
        });
    }

}
