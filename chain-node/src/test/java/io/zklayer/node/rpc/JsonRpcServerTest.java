package io.zklayer.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JsonRpcServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<SubscriptionMethod.NotificationSink> sinks = new CopyOnWriteArrayList<>();
    private JsonRpcServer server;
    private URI httpUri;
    private URI wsUri;

    private RpcRegistry registry() {
        return new RpcRegistry()
                .add(RpcMethod.of("test_echoHex", List.of("data"), p -> "0x" + p.hex(0).length))
                .add(RpcMethod.of("test_add", List.of("a", "b"), p -> p.unsignedLong(0) + p.unsignedLong(1)))
                .add(RpcMethod.unsafe("test_unsafe", List.of(), p -> "done"))
                .add(RpcMethod.of("test_bug", List.of(), p -> {
                    throw new IllegalStateException("boom");
                }))
                .add(new SubscriptionMethod() {
                    @Override
                    public String subscribeName() {
                        return "test_subscribeTicks";
                    }

                    @Override
                    public String unsubscribeName() {
                        return "test_unsubscribeTicks";
                    }

                    @Override
                    public String notificationName() {
                        return "test_tick";
                    }

                    @Override
                    public List<String> parameterNames() {
                        return List.of();
                    }

                    @Override
                    public Subscription subscribe(RpcParams params, NotificationSink sink) {
                        sink.send("first"); // before the id is answered: must arrive after it
                        sinks.add(sink);
                        return () -> sinks.remove(sink);
                    }
                });
    }

    private void start(boolean allowUnsafe, int maxConnections) throws Exception {
        server = new JsonRpcServer(new RpcServerConfig("127.0.0.1", 0, 4096, 1 << 20, maxConnections, 2, 3, allowUnsafe),
                registry());
        InetSocketAddress addr = server.start();
        httpUri = URI.create("http://127.0.0.1:" + addr.getPort() + "/");
        wsUri = URI.create("ws://127.0.0.1:" + addr.getPort() + "/");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(httpUri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode call(String body) throws Exception {
        HttpResponse<String> res = post(body);
        assertThat(res.statusCode()).isEqualTo(200);
        return JSON.readTree(res.body());
    }

    @Test
    void answersCallsAndListsMethods() throws Exception {
        start(true, 10);
        assertThat(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_add\",\"params\":[2,\"0x10\"]}").get("result").asLong())
                .isEqualTo(18);
        JsonNode methods = call("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"rpc_methods\"}").get("result").get("methods");
        assertThat(methods.toString()).contains("test_add", "test_subscribeTicks", "test_unsubscribeTicks", "rpc_methods");
    }

    @Test
    void namesTheBadParameterWithInvalidParams() throws Exception {
        start(true, 10);
        JsonNode err = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echoHex\",\"params\":[\"0xzz\"]}").get("error");
        assertThat(err.get("code").asInt()).isEqualTo(-32602);
        assertThat(err.get("data").asText()).contains("parameter 0 (data)").contains("hex");
        JsonNode missing = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_add\",\"params\":[1]}").get("error");
        assertThat(missing.get("data").asText()).contains("parameter 1 (b): missing");
        JsonNode tooMany = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_add\",\"params\":[1,2,3]}").get("error");
        assertThat(tooMany.get("code").asInt()).isEqualTo(-32602);
    }

    @Test
    void rejectsMalformedRequestsAndUnknownMethods() throws Exception {
        start(true, 10);
        assertThat(call("{not json").get("error").get("code").asInt()).isEqualTo(-32700);
        assertThat(call("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"test_add\"}").get("error").get("code").asInt())
                .isEqualTo(-32600);
        JsonNode unknown = call("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"nope_nothing\"}");
        assertThat(unknown.get("error").get("code").asInt()).isEqualTo(-32601);
        assertThat(unknown.get("id").asInt()).isEqualTo(7);
        JsonNode bug = call("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"test_bug\"}");
        assertThat(bug.get("error").get("code").asInt()).isEqualTo(-32603);
        // and the server still serves
        assertThat(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_add\",\"params\":[1,1]}").get("result").asInt())
                .isEqualTo(2);
    }

    @Test
    void boundsBatchesAndRequestSize() throws Exception {
        start(true, 10);
        JsonNode batch = call("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_add\",\"params\":[1,1]},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"test_add\",\"params\":[1,1]},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"nope\"}]");
        assertThat(batch).hasSize(2); // the notification (no id) gets no reply
        JsonNode big = call("[1,2,3,4]");
        assertThat(big.get("error").get("code").asInt()).isEqualTo(-32010);
        HttpResponse<String> huge = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echoHex\",\"params\":[\"0x"
                + "00".repeat(4096) + "\"]}");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_add\",\"params\":[1,1]}").get("result").asInt())
                .isEqualTo(2);
    }

    @Test
    void refusesUnsafeMethodsWhenNotAllowed() throws Exception {
        start(false, 10);
        JsonNode err = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_unsafe\"}").get("error");
        assertThat(err.get("code").asInt()).isEqualTo(-32601);
        assertThat(err.get("message").asText()).contains("unsafe");
    }

    @Test
    void subscriptionsNeedWebSocket() throws Exception {
        start(true, 10);
        JsonNode err = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_subscribeTicks\"}").get("error");
        assertThat(err.get("code").asInt()).isEqualTo(-32601);
        assertThat(err.get("message").asText()).contains("WebSocket");
    }

    @Test
    void deliversNotificationsAfterTheSubscriptionIdAndBoundsSubscriptions() throws Exception {
        start(true, 10);
        BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        WebSocket ws = http.newWebSocketBuilder().buildAsync(wsUri, new Collector(received)).get(5, TimeUnit.SECONDS);
        ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_subscribeTicks\",\"params\":[]}", true);
        JsonNode reply = received.poll(5, TimeUnit.SECONDS);
        assertThat(reply.get("id").asInt()).isEqualTo(1);
        String subId = reply.get("result").asText();
        JsonNode first = received.poll(5, TimeUnit.SECONDS);
        assertThat(first.get("method").asText()).isEqualTo("test_tick");
        assertThat(first.get("params").get("subscription").asText()).isEqualTo(subId);
        assertThat(first.get("params").get("result").asText()).isEqualTo("first");

        sinks.get(0).send("second");
        assertThat(received.poll(5, TimeUnit.SECONDS).get("params").get("result").asText()).isEqualTo("second");

        ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"test_subscribeTicks\"}", true);
        assertThat(received.poll(5, TimeUnit.SECONDS).get("id").asInt()).isEqualTo(2);
        received.poll(5, TimeUnit.SECONDS); // its "first"
        ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"test_subscribeTicks\"}", true);
        JsonNode refused = received.poll(5, TimeUnit.SECONDS);
        assertThat(refused.get("error").get("code").asInt()).isEqualTo(-32006);

        ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"test_unsubscribeTicks\",\"params\":[\"" + subId + "\"]}", true);
        assertThat(received.poll(5, TimeUnit.SECONDS).get("result").asBoolean()).isTrue();
        assertThat(sinks).hasSize(1);
        ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"test_unsubscribeTicks\",\"params\":[\"" + subId + "\"]}", true);
        assertThat(received.poll(5, TimeUnit.SECONDS).get("result").asBoolean()).isFalse();

        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!sinks.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(sinks).as("closing the connection cancels its subscriptions").isEmpty();
    }

    @Test
    void oversizedWebSocketMessageGetsAnErrorNotACrash() throws Exception {
        start(true, 10);
        BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        WebSocket ws = http.newWebSocketBuilder().buildAsync(wsUri, new Collector(received)).get(5, TimeUnit.SECONDS);
        ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echoHex\",\"params\":[\"0x" + "00".repeat(4096) + "\"]}", true);
        JsonNode err = received.poll(5, TimeUnit.SECONDS);
        assertThat(err.get("error").get("code").asInt()).isEqualTo(-32007);
        assertThat(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_add\",\"params\":[1,1]}").get("result").asInt())
                .isEqualTo(2);
    }

    @Test
    void refusesConnectionsBeyondTheLimit() throws Exception {
        start(true, 1);
        BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        WebSocket first = http.newWebSocketBuilder().buildAsync(wsUri, new Collector(received)).get(5, TimeUnit.SECONDS);
        HttpClient other = HttpClient.newHttpClient();
        boolean refused;
        try {
            other.send(HttpRequest.newBuilder(httpUri).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            refused = false;
        } catch (java.io.IOException e) {
            refused = true;
        }
        assertThat(refused).as("second connection is closed by the server").isTrue();
        first.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_add\",\"params\":[1,1]}", true);
        assertThat(received.poll(5, TimeUnit.SECONDS).get("result").asInt()).isEqualTo(2);
    }

    private static final class Collector implements WebSocket.Listener {
        private final BlockingQueue<JsonNode> out;
        private final StringBuilder partial = new StringBuilder();

        Collector(BlockingQueue<JsonNode> out) {
            this.out = out;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    out.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }
}
