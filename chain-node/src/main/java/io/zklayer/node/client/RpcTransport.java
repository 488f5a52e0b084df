package io.zklayer.node.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** How an {@link RpcClient} moves JSON-RPC messages: one implementation per URL scheme family. */
interface RpcTransport extends AutoCloseable {
    /**
     * Sends {@code request} (with numeric id {@code id}) and completes with the whole response
     * object ({@code {"jsonrpc":"2.0","id":…,"result"|"error":…}}).
     *
     * @param subscriptionSink when not null, the call is a subscribe: before the future completes,
     *     the result (the subscription id) is registered so that its notifications reach the sink,
     *     including any that arrived before the response
     */
    CompletableFuture<JsonNode> send(long id, ObjectNode request, Consumer<JsonNode> subscriptionSink);

    /** Forgets the call {@code id} (after a timeout), so a late answer is dropped. */
    void forget(long id);

    /** Stops routing notifications of {@code subscriptionId}. */
    void removeSubscription(String subscriptionId);

    /** Returns a future that completes when the connection ends (never, for HTTP, until closed). */
    CompletableFuture<Void> disconnected();

    /** Closes the connection; pending calls fail with {@link RpcClientException.Kind#CONNECTION_CLOSED}. */
    @Override
    void close();
}
