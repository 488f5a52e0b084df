package io.zklayer.node.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC over one WebSocket ({@code ws://}, {@code wss://}): calls are matched to answers by id,
 * notifications ({@code {"method":…,"params":{"subscription":id,"result":…}}}) are routed to their
 * subscription by id.
 *
 * <p>Threads: the JDK delivers frames on one listener thread at a time; answers complete their
 * futures there, and notifications are handed to one delivery thread per connection, in arrival
 * order, so a subscriber may make blocking calls. A notification whose subscription id is not known
 * yet (the node may send it before the subscribe answer) is held and delivered right after that
 * answer registers the id.
 *
 * <p>Liveness: a ping goes out every {@link RpcClientOptions#pingInterval()}; when its pong has not
 * come back by the next tick, or the ping cannot be written, the connection counts as lost. The JDK's
 * WebSocket may miss a bare TCP close that arrives together with data, so without this a client
 * could wait forever on a node that is gone.
 */
final class WebSocketTransport implements RpcTransport, WebSocket.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketTransport.class);
    // One daemon thread for every client's pings: each tick only starts a non-blocking send.
    private static final ScheduledExecutorService KEEPALIVE = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rpc-client-keepalive");
        t.setDaemon(true);
        return t;
    });
    private static final byte[] PING_PAYLOAD = "zklayer".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final URI url;
    private final ObjectMapper json;
    private final RpcClientOptions options;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Consumer<JsonNode>> subscriptions = new ConcurrentHashMap<>();
    // Touched only on the listener thread.
    private final Map<String, Deque<JsonNode>> early = new java.util.LinkedHashMap<>();
    private int earlyCount;
    private final StringBuilder partial = new StringBuilder();
    private final ExecutorService delivery;
    private final java.util.concurrent.atomic.AtomicBoolean finishing = new java.util.concurrent.atomic.AtomicBoolean();
    private final CompletableFuture<Void> disconnected = new CompletableFuture<>();
    private final Object sendLock = new Object();
    private CompletableFuture<WebSocket> sendChain;
    private volatile WebSocket socket;
    private volatile long pingSentNanos;
    private volatile ScheduledFuture<?> keepalive;

    private record Pending(CompletableFuture<JsonNode> future, Consumer<JsonNode> sink) { }

    private WebSocketTransport(URI url, ObjectMapper json, RpcClientOptions options) {
        this.url = url;
        this.json = json;
        this.options = options;
        this.delivery = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "rpc-client-notifications " + url);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens the WebSocket, waiting at most the connect timeout.
     *
     * @throws RpcClientException {@code UNREACHABLE} naming the URL and the reason
     */
    static WebSocketTransport open(URI url, ObjectMapper json, RpcClientOptions options) {
        WebSocketTransport transport = new WebSocketTransport(url, json, options);
        HttpClient http = HttpClient.newBuilder().connectTimeout(options.connectTimeout()).build();
        try {
            WebSocket ws = http.newWebSocketBuilder()
                    .connectTimeout(options.connectTimeout())
                    .buildAsync(url, transport)
                    .get(options.connectTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            transport.socket = ws;
            transport.sendChain = CompletableFuture.completedFuture(ws);
            long interval = options.pingInterval().toMillis();
            transport.keepalive = KEEPALIVE.scheduleWithFixedDelay(transport::keepaliveTick, interval, interval,
                    TimeUnit.MILLISECONDS);
            if (transport.finishing.get()) {
                transport.keepalive.cancel(false);
            }
            return transport;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            transport.delivery.shutdownNow();
            throw RpcClientException.of(RpcClientException.Kind.UNREACHABLE, "interrupted while connecting to " + url, e);
        } catch (java.util.concurrent.TimeoutException e) {
            transport.delivery.shutdownNow();
            throw RpcClientException.of(RpcClientException.Kind.UNREACHABLE, "cannot reach node at " + url
                    + ": no connection within " + options.connectTimeout().toSeconds() + " s (is it running? --rpc-url)", e);
        } catch (Exception e) {
            transport.delivery.shutdownNow();
            throw ConnectErrors.describe(url, e, options.connectTimeout());
        }
    }

    @Override
    public CompletableFuture<JsonNode> send(long id, ObjectNode request, Consumer<JsonNode> subscriptionSink) {
        CompletableFuture<JsonNode> future = new CompletableFuture<>();
        if (finishing.get()) {
            future.completeExceptionally(closedError());
            return future;
        }
        pending.put(id, new Pending(future, subscriptionSink));
        String text = request.toString();
        // The JDK WebSocket allows one outstanding send at a time, so sends are chained.
        synchronized (sendLock) {
            sendChain = sendChain
                    .thenCompose(ws -> ws.sendText(text, true))
                    .whenComplete((ws, failure) -> {
                        if (failure != null) {
                            Pending p = pending.remove(id);
                            if (p != null) {
                                p.future.completeExceptionally(RpcClientException.of(
                                        RpcClientException.Kind.CONNECTION_CLOSED,
                                        "cannot send to " + url + ": " + ConnectErrors.unwrap(failure).getMessage(), failure));
                            }
                        }
                    })
                    .exceptionally(failure -> socket);
        }
        if (finishing.get()) {
            failPending();
        }
        return future;
    }

    @Override
    public void forget(long id) {
        pending.remove(id);
    }

    @Override
    public void removeSubscription(String subscriptionId) {
        subscriptions.remove(subscriptionId);
    }

    @Override
    public CompletableFuture<Void> disconnected() {
        return disconnected;
    }

    @Override
    public void close() {
        WebSocket ws = socket;
        if (ws != null && !ws.isOutputClosed()) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "client closed").exceptionally(e -> null);
        }
        if (ws != null) {
            ws.abort();
        }
        finish();
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, java.nio.ByteBuffer message) {
        pingSentNanos = 0;
        webSocket.request(1);
        return null;
    }

    private void keepaliveTick() {
        WebSocket ws = socket;
        if (ws == null || finishing.get()) {
            return;
        }
        if (pingSentNanos != 0) {
            LOG.warn("RPC connection to {} lost: no pong within {} ms", url, options.pingInterval().toMillis());
            ws.abort();
            finish();
            return;
        }
        pingSentNanos = System.nanoTime();
        ws.sendPing(java.nio.ByteBuffer.wrap(PING_PAYLOAD)).whenComplete((w, failure) -> {
            if (failure != null) {
                LOG.debug("RPC connection to {} lost: ping not sent", url, failure);
                ws.abort();
                finish();
            }
        });
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (partial.length() + data.length() > options.maxMessageBytes()) {
            LOG.warn("Closing RPC connection to {}: a message exceeds the client limit of {} characters", url,
                    options.maxMessageBytes());
            partial.setLength(0);
            webSocket.abort();
            finish();
            return null;
        }
        partial.append(data);
        if (last) {
            String message = partial.toString();
            partial.setLength(0);
            handle(message);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        LOG.debug("RPC connection to {} failed", url, error);
        finish();
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        LOG.debug("RPC connection to {} closed by the node: {} {}", url, statusCode, reason);
        finish();
        return null;
    }

    private void handle(String message) {
        JsonNode node;
        try {
            node = json.readTree(message);
        } catch (JsonProcessingException e) {
            LOG.warn("Ignoring a message from {} that is not JSON: {}", url, e.getOriginalMessage());
            return;
        }
        if (!node.isObject()) {
            return;
        }
        JsonNode id = node.get("id");
        if (id != null && !id.isNull() && (node.has("result") || node.has("error"))) {
            answer(id, node);
        } else if (node.has("method") && node.path("params").has("subscription")) {
            notification(node.get("params"));
        }
    }

    private void answer(JsonNode id, JsonNode response) {
        if (!id.canConvertToLong()) {
            return;
        }
        Pending p = pending.remove(id.asLong());
        if (p == null) {
            return;
        }
        JsonNode result = response.get("result");
        if (p.sink != null && result != null) {
            if (!result.isTextual() && !result.isIntegralNumber()) {
                p.future.completeExceptionally(RpcClientException.of(RpcClientException.Kind.BAD_RESPONSE,
                        "subscribe answer from " + url + " is not a subscription id: " + result, null));
                return;
            }
            String subscriptionId = result.asText();
            subscriptions.put(subscriptionId, p.sink);
            Deque<JsonNode> held = early.remove(subscriptionId);
            if (held != null) {
                earlyCount -= held.size();
                for (JsonNode n : held) {
                    deliver(subscriptionId, p.sink, n);
                }
            }
        }
        p.future.complete(response);
    }

    private void notification(JsonNode params) {
        String subscriptionId = params.get("subscription").asText();
        JsonNode result = params.has("result") ? params.get("result") : params.path("error");
        Consumer<JsonNode> sink = subscriptions.get(subscriptionId);
        if (sink != null) {
            deliver(subscriptionId, sink, result);
            return;
        }
        if (options.maxEarlyNotifications() == 0) {
            return;
        }
        if (earlyCount >= options.maxEarlyNotifications()) {
            dropOldestEarly();
        }
        early.computeIfAbsent(subscriptionId, k -> new ArrayDeque<>()).addLast(result);
        earlyCount++;
    }

    private void dropOldestEarly() {
        var it = early.entrySet().iterator();
        if (it.hasNext()) {
            var entry = it.next();
            entry.getValue().pollFirst();
            earlyCount--;
            if (entry.getValue().isEmpty()) {
                it.remove();
            }
            LOG.debug("Dropped a notification for unknown subscription {} from {}", entry.getKey(), url);
        }
    }

    private void deliver(String subscriptionId, Consumer<JsonNode> sink, JsonNode result) {
        try {
            delivery.execute(() -> {
                try {
                    sink.accept(result);
                } catch (RuntimeException e) {
                    LOG.warn("Subscriber of {} on {} failed: {}", subscriptionId, url, e.toString(), e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("Notification for {} after close dropped", subscriptionId);
        }
    }

    private void finish() {
        if (finishing.compareAndSet(false, true)) {
            ScheduledFuture<?> ticks = keepalive;
            if (ticks != null) {
                ticks.cancel(false);
            }
            failPending();
            // Report the disconnection from the delivery thread, after every notification already
            // queued there, so a subscriber never sees "closed" before the last notification.
            try {
                delivery.execute(() -> disconnected.complete(null));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                disconnected.complete(null);
            }
            delivery.shutdown();
        }
    }

    private void failPending() {
        List<Long> ids = new ArrayList<>(pending.keySet());
        for (Long id : ids) {
            Pending p = pending.remove(id);
            if (p != null) {
                p.future.completeExceptionally(closedError());
            }
        }
    }

    private RpcClientException closedError() {
        return RpcClientException.of(RpcClientException.Kind.CONNECTION_CLOSED,
                "connection to " + url + " closed before the answer", null);
    }
}
