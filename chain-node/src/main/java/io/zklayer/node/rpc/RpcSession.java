package io.zklayer.node.rpc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The state of one client connection: whether it can receive notifications (WebSocket) and its
 * live subscriptions, bounded by the per-connection limit. Closing the session cancels them all.
 */
public final class RpcSession {
    private final boolean subscriptionsSupported;
    private final int maxSubscriptions;
    private final Consumer<String> sender;
    private final Map<String, SubscriptionMethod.Subscription> subscriptions = new LinkedHashMap<>();
    private long nextId = 1;
    private boolean closed;

    /**
     * Creates a session.
     *
     * @param subscriptionsSupported whether the transport can push notifications (WebSocket)
     * @param maxSubscriptions the most live subscriptions this connection may hold
     * @param sender writes one JSON text to the client; must be thread-safe
     */
    public RpcSession(boolean subscriptionsSupported, int maxSubscriptions, Consumer<String> sender) {
        this.subscriptionsSupported = subscriptionsSupported;
        this.maxSubscriptions = maxSubscriptions;
        this.sender = sender;
    }

    /** Returns whether notifications can be pushed on this connection. */
    public boolean subscriptionsSupported() {
        return subscriptionsSupported;
    }

    /** Sends one JSON text to the client. */
    public void send(String json) {
        sender.accept(json);
    }

    synchronized String reserveId() {
        if (closed) {
            throw new RpcException(RpcErrorCode.INTERNAL_ERROR, "connection is closing");
        }
        if (subscriptions.size() >= maxSubscriptions) {
            throw new RpcException(RpcErrorCode.TOO_MANY_SUBSCRIPTIONS,
                    "the limit of " + maxSubscriptions + " subscriptions per connection is reached");
        }
        String id = Long.toString(nextId++);
        subscriptions.put(id, () -> { });
        return id;
    }

    synchronized void attach(String id, SubscriptionMethod.Subscription subscription) {
        if (closed || !subscriptions.containsKey(id)) {
            subscription.cancel();
            return;
        }
        subscriptions.put(id, subscription);
    }

    synchronized void release(String id) {
        subscriptions.remove(id);
    }

    /** Cancels subscription {@code id}; returns whether it existed. */
    public boolean cancel(String id) {
        SubscriptionMethod.Subscription s;
        synchronized (this) {
            s = subscriptions.remove(id);
        }
        if (s == null) {
            return false;
        }
        s.cancel();
        return true;
    }

    /** Returns how many subscriptions are live. */
    public synchronized int subscriptionCount() {
        return subscriptions.size();
    }

    /** Cancels every subscription; later subscribe calls fail. */
    public void close() {
        Map<String, SubscriptionMethod.Subscription> all;
        synchronized (this) {
            closed = true;
            all = new LinkedHashMap<>(subscriptions);
            subscriptions.clear();
        }
        all.values().forEach(SubscriptionMethod.Subscription::cancel);
    }
}
