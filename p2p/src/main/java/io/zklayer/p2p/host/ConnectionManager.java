package io.zklayer.p2p.host;

import io.zklayer.p2p.multiaddr.Multiaddr;
import io.zklayer.p2p.peer.PeerId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which connections a host keeps and when it may dial: a cap on connections overall and per
 * peer, and an exponential dial back-off per address (base, doubling per consecutive failure, up to
 * the cap; cleared by a success). Time comes from the injected {@link Scheduler}'s clock.
 * Thread-safe (synchronized; the work is a few map operations).
 */
public final class ConnectionManager {
    /** Outcome of offering a new connection. */
    public enum Admission {
        /** Keep it. */
        ADMITTED,
        /** The host is at {@code maxConnections}. */
        REJECTED_HOST_LIMIT,
        /** The peer is at {@code maxConnectionsPerPeer}. */
        REJECTED_PEER_LIMIT
    }

    private record Backoff(int failures, long until) {}

    private final ConnectionLimits limits;
    private final Scheduler scheduler;
    private final Map<Multiaddr, Backoff> backoffs = new HashMap<>();
    private final Map<PeerId, Integer> perPeer = new HashMap<>();
    private int total;

    /** Creates the manager. */
    public ConnectionManager(ConnectionLimits limits, Scheduler scheduler) {
        this.limits = limits;
        this.scheduler = scheduler;
    }

    /** Offers an upgraded connection; admitted connections must later be {@link #release}d. */
    public synchronized Admission admit(PeerId peer) {
        if (total >= limits.maxConnections()) {
            return Admission.REJECTED_HOST_LIMIT;
        }
        int n = perPeer.getOrDefault(peer, 0);
        if (n >= limits.maxConnectionsPerPeer()) {
            return Admission.REJECTED_PEER_LIMIT;
        }
        perPeer.put(peer, n + 1);
        total++;
        return Admission.ADMITTED;
    }

    /** Forgets an admitted connection. */
    public synchronized void release(PeerId peer) {
        Integer n = perPeer.get(peer);
        if (n == null) {
            return;
        }
        total--;
        if (n <= 1) {
            perPeer.remove(peer);
        } else {
            perPeer.put(peer, n - 1);
        }
    }

    /** Returns the number of admitted connections. */
    public synchronized int connectionCount() {
        return total;
    }

    /** Returns how long until the address may be dialled again, if it is backing off. */
    public synchronized Optional<Long> backoffRemaining(Multiaddr address) {
        Backoff b = backoffs.get(address.withoutPeerId());
        long now = scheduler.nowMillis();
        if (b == null || b.until() <= now) {
            return Optional.empty();
        }
        return Optional.of(b.until() - now);
    }

    /** Records a failed dial, extending the address's back-off. */
    public synchronized void dialFailed(Multiaddr address) {
        Multiaddr key = address.withoutPeerId();
        Backoff prev = backoffs.get(key);
        int failures = prev == null ? 1 : Math.min(prev.failures() + 1, 30);
        long delay = limits.backoffBaseMillis();
        for (int i = 1; i < failures && delay < limits.backoffMaxMillis(); i++) {
            delay *= 2;
        }
        delay = Math.min(delay, limits.backoffMaxMillis());
        backoffs.put(key, new Backoff(failures, scheduler.nowMillis() + delay));
    }

    /** Records a successful dial, clearing the address's back-off. */
    public synchronized void dialSucceeded(Multiaddr address) {
        backoffs.remove(address.withoutPeerId());
    }

    /** Returns the configured limits. */
    public ConnectionLimits limits() {
        return limits;
    }
}
