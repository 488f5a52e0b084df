package io.zklayer.node.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A live subscription made by {@link RpcClient#subscribe}: its id as the node gave it, and the way
 * to end it. Closing it ({@link #close()}) calls the unsubscribe method, as
 * {@code chain_unsubscribeNewHeads([id])}.
 */
public final class RpcSubscription implements AutoCloseable {
    private final RpcClient client;
    private final RpcTransport transport;
    private final String id;
    private final String unsubscribeMethod;
    private final AtomicBoolean active = new AtomicBoolean(true);

    RpcSubscription(RpcClient client, RpcTransport transport, String id, String unsubscribeMethod) {
        this.client = client;
        this.transport = transport;
        this.id = id;
        this.unsubscribeMethod = unsubscribeMethod;
    }

    /** Returns the subscription id the node assigned. */
    public String id() {
        return id;
    }

    /** Returns whether notifications are still being routed to the subscriber. */
    public boolean isActive() {
        return active.get() && !transport.disconnected().isDone();
    }

    /**
     * Stops delivery and asks the node to end the subscription; returns the node's answer
     * ({@code true} when it knew the subscription), or {@code false} when already ended.
     *
     * @throws RpcClientException when the node cannot be asked (delivery is stopped anyway)
     */
    public boolean unsubscribe() {
        if (!active.compareAndSet(true, false)) {
            return false;
        }
        transport.removeSubscription(id);
        if (transport.disconnected().isDone()) {
            return false;
        }
        JsonNode answer = client.call(unsubscribeMethod, id);
        return answer.asBoolean(false);
    }

    /** Unsubscribes, ignoring a connection that is already gone. */
    @Override
    public void close() {
        try {
            unsubscribe();
        } catch (RpcClientException e) {
            if (e.kind() == RpcClientException.Kind.RPC_ERROR) {
                throw e;
            }
        }
    }

    @Override
    public String toString() {
        return "RpcSubscription[" + id + ", active=" + isActive() + "]";
    }
}
