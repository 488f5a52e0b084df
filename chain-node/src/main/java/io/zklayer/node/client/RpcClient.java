package io.zklayer.node.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A JSON-RPC 2.0 client of a node, over WebSocket ({@code ws://}, {@code wss://}) or HTTP
 * ({@code http://}, {@code https://}), chosen by the URL scheme.
 *
 * <p>{@code client.call("chain_getBlockHash", 0)} sends
 * {@code {"jsonrpc":"2.0","id":1,"method":"chain_getBlockHash","params":[0]}} and returns the
 * {@code result} member; an {@code error} member becomes an {@link RpcClientException} with its code,
 * message and data. Parameters are converted with Jackson: numbers, strings, booleans, lists, maps,
 * records and {@link JsonNode}s.
 *
 * <p>Subscriptions ({@code chain_subscribeNewHeads}) need WebSocket; each notification's
 * {@code result} goes to the subscriber in arrival order on the connection's delivery thread.
 *
 * <p>Thread-safe. For WebSocket, {@link #connect} opens the connection; for HTTP each call is one
 * POST, so an unreachable node shows on the first call.
 */
public final class RpcClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final RpcClientOptions options;
    private final RpcTransport transport;
    private final AtomicLong nextId = new AtomicLong(1);

    private RpcClient(URI url, RpcClientOptions options, RpcTransport transport) {
        this.url = url;
        this.options = options;
        this.transport = transport;
    }

    /** Returns a client of {@code url} with {@link RpcClientOptions#defaults()}. */
    public static RpcClient connect(String url) {
        return connect(parseUrl(url), RpcClientOptions.defaults());
    }

    /**
     * Returns a client of {@code url}; for {@code ws}/{@code wss} the connection is open on return.
     *
     * @throws RpcClientException {@code UNREACHABLE}: {@code cannot reach node at ws://127.0.0.1:9944:
     *     connection refused (is it running? --rpc-url)}
     * @throws IllegalArgumentException for a scheme other than ws, wss, http, https
     */
    public static RpcClient connect(URI url, RpcClientOptions options) {
        Objects.requireNonNull(options, "options");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        RpcTransport transport = switch (scheme) {
            case "ws", "wss" -> WebSocketTransport.open(url, JSON, options);
            case "http", "https" -> new HttpTransport(url, JSON, options);
            default -> throw new IllegalArgumentException("rpc url must start with ws://, wss://, http:// or https://, got '"
                    + url + "'");
        };
        return new RpcClient(url, options, transport);
    }

    /**
     * Returns the URI of {@code text}.
     *
     * @throws IllegalArgumentException naming the text when it is not a URI with a host
     */
    public static URI parseUrl(String text) {
        if (text == null || !text.contains("://")) {
            throw new IllegalArgumentException("rpc url '" + text + "' must start with ws://, wss://, http:// or https://"
                    + " (e.g. ws://127.0.0.1:9944)");
        }
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("rpc url '" + text + "' has no host (expected e.g. ws://127.0.0.1:9944)");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("rpc url '" + text + "' is not a URL: " + e.getReason(), e);
        }
    }

    /** Returns the node's URL. */
    public URI url() {
        return url;
    }

    /**
     * Calls {@code method} and completes with its {@code result} ({@link NullNode} for
     * {@code null}), or exceptionally with an {@link RpcClientException}. No timeout is applied.
     */
    public CompletableFuture<JsonNode> callAsync(String method, Object... params) {
        return send(nextId.getAndIncrement(), method, params, null);
    }

    /**
     * Calls {@code method} and waits for the result at most the options' call timeout.
     *
     * @throws RpcClientException with the node's error, or {@code TIMEOUT}, {@code UNREACHABLE},
     *     {@code CONNECTION_CLOSED}, {@code BAD_RESPONSE}
     */
    public JsonNode call(String method, Object... params) {
        return call(options.callTimeout(), method, params);
    }

    /** Calls {@code method} and waits for the result at most {@code timeout}; see {@link #call(String, Object...)}. */
    public JsonNode call(Duration timeout, String method, Object... params) {
        long id = nextId.getAndIncrement();
        return await(id, method, send(id, method, params, null), timeout);
    }

    /**
     * Subscribes with {@code method(params)}, waits for the subscription id, and returns its handle;
     * each notification's {@code result} goes to {@code onNotification}, including notifications
     * that arrived before the subscribe answer.
     *
     * @param unsubscribeMethod the method that ends it, called with {@code [id]} by
     *     {@link RpcSubscription#unsubscribe()}, such as {@code chain_unsubscribeNewHeads}
     * @throws RpcClientException {@code UNSUPPORTED} over HTTP, or the subscribe call's error
     */
    public RpcSubscription subscribe(String method, List<?> params, String unsubscribeMethod,
                                     Consumer<JsonNode> onNotification) {
        Objects.requireNonNull(unsubscribeMethod, "unsubscribeMethod");
        Objects.requireNonNull(onNotification, "onNotification");
        long id = nextId.getAndIncrement();
        JsonNode subscriptionId = await(id, method, send(id, method, params.toArray(), onNotification),
                options.callTimeout());
        return new RpcSubscription(this, transport, subscriptionId.asText(), unsubscribeMethod);
    }

    /** Returns a future that completes when the WebSocket connection ends (or the client is closed). */
    public CompletableFuture<Void> disconnected() {
        return transport.disconnected();
    }

    /** Closes the connection; calls still waiting fail with {@code CONNECTION_CLOSED}. */
    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "RpcClient[" + url + "]";
    }

    private CompletableFuture<JsonNode> send(long id, String method, Object[] params, Consumer<JsonNode> sink) {
        Objects.requireNonNull(method, "method");
        ObjectNode request = JSON.createObjectNode();
        request.put("jsonrpc", "2.0");
        request.put("id", id);
        request.put("method", method);
        ArrayNode array = request.putArray("params");
        for (Object param : params) {
            array.add(param instanceof JsonNode node ? node : JSON.valueToTree(param));
        }
        return transport.send(id, request, sink).thenApply(this::result);
    }

    private JsonNode result(JsonNode response) {
        JsonNode error = response.get("error");
        if (error != null && !error.isNull()) {
            if (!error.isObject()) {
                throw RpcClientException.of(RpcClientException.Kind.BAD_RESPONSE,
                        "error member from " + url + " is not an object: " + error, null);
            }
            throw RpcClientException.rpcError(url.toString(), error.path("code").asInt(0),
                    error.path("message").asText(""), error.get("data"));
        }
        JsonNode result = response.get("result");
        return result == null ? NullNode.getInstance() : result;
    }

    private JsonNode await(long id, String method, CompletableFuture<JsonNode> future, Duration timeout) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            transport.forget(id);
            future.cancel(false);
            throw RpcClientException.of(RpcClientException.Kind.TIMEOUT, "no answer to " + method + " from " + url
                    + " within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            transport.forget(id);
            throw RpcClientException.of(RpcClientException.Kind.CONNECTION_CLOSED, "interrupted waiting for " + method, e);
        } catch (ExecutionException e) {
            Throwable cause = ConnectErrors.unwrap(e);
            if (cause instanceof RpcClientException rpc) {
                throw rpc;
            }
            throw ConnectErrors.describe(url, cause, options.connectTimeout());
        }
    }
}
