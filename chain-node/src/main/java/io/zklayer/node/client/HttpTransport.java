package io.zklayer.node.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/** JSON-RPC over HTTP POST ({@code http://}, {@code https://}): one request per call, no subscriptions. */
final class HttpTransport implements RpcTransport {
    private final URI url;
    private final HttpClient http;
    private final ObjectMapper json;
    private final RpcClientOptions options;
    private final CompletableFuture<Void> disconnected = new CompletableFuture<>();

    HttpTransport(URI url, ObjectMapper json, RpcClientOptions options) {
        this.url = url;
        this.json = json;
        this.options = options;
        this.http = HttpClient.newBuilder().connectTimeout(options.connectTimeout()).build();
    }

    @Override
    public CompletableFuture<JsonNode> send(long id, ObjectNode request, Consumer<JsonNode> subscriptionSink) {
        if (subscriptionSink != null) {
            return CompletableFuture.failedFuture(RpcClientException.of(RpcClientException.Kind.UNSUPPORTED,
                    "subscriptions need a WebSocket URL (ws:// or wss://), got " + url, null));
        }
        if (disconnected.isDone()) {
            return CompletableFuture.failedFuture(RpcClientException.of(RpcClientException.Kind.CONNECTION_CLOSED,
                    "rpc client for " + url + " is closed", null));
        }
        HttpRequest httpRequest = HttpRequest.newBuilder(url)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString(), StandardCharsets.UTF_8))
                .build();
        return http.sendAsync(httpRequest, info -> new LimitedBody(options.maxMessageBytes()))
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw ConnectErrors.describe(url, failure, options.connectTimeout());
                    }
                    return parse(response);
                });
    }

    private JsonNode parse(HttpResponse<byte[]> response) {
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException e) {
            body = null;
        }
        if (body != null && body.isObject() && (body.has("result") || body.has("error"))) {
            return body;
        }
        String text = new String(response.body(), StandardCharsets.UTF_8);
        throw RpcClientException.of(RpcClientException.Kind.BAD_RESPONSE, "HTTP " + response.statusCode() + " from " + url
                + " is not a JSON-RPC response: " + (text.length() > 200 ? text.substring(0, 200) + "…" : text), null);
    }

    @Override
    public void forget(long id) {
        // Nothing is kept per call: a late HTTP answer completes a future nobody waits on.
    }

    @Override
    public void removeSubscription(String subscriptionId) {
        // HTTP has no subscriptions.
    }

    @Override
    public CompletableFuture<Void> disconnected() {
        return disconnected;
    }

    @Override
    public void close() {
        disconnected.complete(null);
    }

    /** Collects a response body, failing once it exceeds the limit instead of buffering without bound. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int limit;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        LimitedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (out.size() + buffer.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(RpcClientException.of(RpcClientException.Kind.BAD_RESPONSE,
                            "rpc response is larger than the client limit of " + limit + " bytes", null));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }
}
