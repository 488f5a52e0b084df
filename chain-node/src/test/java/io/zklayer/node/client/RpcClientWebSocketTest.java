package io.zklayer.node.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30) // a hang in the network code fails the test instead of the build
class RpcClientWebSocketTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private TestRpcServer server;
    private RpcClient client;

    @BeforeEach
    void start() throws Exception {
        server = new TestRpcServer();
        client = RpcClient.connect(server.wsUrl());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void callReturnsTheResultMember() throws Exception {
        assertThat(client.call("add", 2, 3).asLong()).isEqualTo(5);
        assertThat(client.call("echo", "0x3fa2", List.of(1, 2), Map.of("a", true)))
                .isEqualTo(JSON.readTree("[\"0x3fa2\",[1,2],{\"a\":true}]"));
        assertThat(client.call("nothing").isNull()).isTrue();
        assertThat(server.requests.get(0)).isEqualTo(JSON.readTree(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"add\",\"params\":[2,3]}"));
    }

    @Test
    void errorsCarryTheCodeMessageAndData() {
        RpcClientException e = catchThrowableOfType(RpcClientException.class, () -> client.call("fail"));

        assertThat(e.kind()).isEqualTo(RpcClientException.Kind.RPC_ERROR);
        assertThat(e.code()).isEqualTo(-32602);
        assertThat(e.rpcMessage()).isEqualTo("Invalid params: x must be a hash");
        assertThat(e.data()).hasValueSatisfying(d -> assertThat(d.get("param").asText()).isEqualTo("x"));
        assertThat(e).hasMessage("rpc error -32602 from " + server.wsUrl() + ": Invalid params: x must be a hash"
                + " ({\"param\":\"x\"})");

        RpcClientException unknown = catchThrowableOfType(RpcClientException.class, () -> client.call("no_such"));
        assertThat(unknown.code()).isEqualTo(-32601);
        assertThat(unknown.data()).isEmpty();
    }

    @Test
    void answersAreMatchedToCallsByIdWhateverTheirOrder() throws Exception {
        CompletableFuture<JsonNode> first = client.callAsync("hold", "first");
        CompletableFuture<JsonNode> second = client.callAsync("hold", "second");

        assertThat(first.get(5, TimeUnit.SECONDS).asText()).isEqualTo("first");
        assertThat(second.get(5, TimeUnit.SECONDS).asText()).isEqualTo("second");
    }

    @Test
    void manyThreadsShareOneConnection() throws Exception {
        List<CompletableFuture<Long>> results = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            int n = i;
            results.add(CompletableFuture.supplyAsync(() -> client.call("add", n, 1000).asLong()));
        }
        for (int i = 0; i < 64; i++) {
            assertThat(results.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i + 1000L);
        }
    }

    @Test
    void aCallWithoutAnswerTimesOutAndTheConnectionStaysUsable() {
        RpcClientException e = catchThrowableOfType(RpcClientException.class,
                () -> client.call(Duration.ofMillis(200), "slow"));

        assertThat(e.kind()).isEqualTo(RpcClientException.Kind.TIMEOUT);
        assertThat(e).hasMessage("no answer to slow from " + server.wsUrl() + " within 200 ms");
        assertThat(client.call("add", 1, 1).asLong()).isEqualTo(2);
    }

    @Test
    void subscriptionGetsNotificationsThatArriveBeforeTheSubscribeAnswer() throws Exception {
        List<Integer> seen = new CopyOnWriteArrayList<>();

        RpcSubscription subscription = client.subscribe("test_subscribe", List.of(), "test_unsubscribe",
                n -> seen.add(n.asInt()));

        assertThat(subscription.id()).isEqualTo("sub-1");
        awaitSize(seen, 3);
        assertThat(seen).containsExactly(0, 1, 2);
        assertThat(subscription.isActive()).isTrue();

        assertThat(subscription.unsubscribe()).isTrue();
        assertThat(subscription.isActive()).isFalse();
        assertThat(subscription.unsubscribe()).as("second time").isFalse();
        JsonNode last = server.requests.get(server.requests.size() - 1);
        assertThat(last.get("method").asText()).isEqualTo("test_unsubscribe");
        assertThat(last.get("params")).isEqualTo(JSON.readTree("[\"sub-1\"]"));
    }

    @Test
    void numericSubscriptionIdsWork() throws Exception {
        List<Integer> seen = new CopyOnWriteArrayList<>();

        RpcSubscription subscription = client.subscribe("test_subscribeNumeric", List.of(), "test_unsubscribe",
                n -> seen.add(n.asInt()));

        assertThat(subscription.id()).isEqualTo("7");
        awaitSize(seen, 2);
        assertThat(seen).containsExactly(10, 11);
    }

    @Test
    void aSubscriptionEndsWhenTheNodeDropsTheConnectionWithoutACloseFrame() throws Exception {
        try (RpcClient pinging = RpcClient.connect(URI.create(server.wsUrl()),
                RpcClientOptions.defaults().withPingInterval(Duration.ofMillis(200)))) {
            // What was in flight when the TCP connection died may be lost, so only the end is checked.
            RpcSubscription subscription = pinging.subscribe("test_subscribeThenClose", List.of(), "test_unsubscribe",
                    n -> { });

            assertThat(pinging.disconnected()).succeedsWithin(Duration.ofSeconds(5));
            assertThat(subscription.isActive()).isFalse();
            assertThat(subscription.unsubscribe()).as("nothing to ask a gone node").isFalse();
        }
    }

    @Test
    void aSubscriptionEndsWhenTheNodeSaysGoodbye() throws Exception {
        List<Integer> seen = new CopyOnWriteArrayList<>();

        RpcSubscription subscription = client.subscribe("test_subscribeThenClose", List.of("graceful"), "test_unsubscribe",
                n -> seen.add(n.asInt()));

        assertThat(client.disconnected()).succeedsWithin(Duration.ofSeconds(5));
        awaitSize(seen, 1);
        assertThat(seen).containsExactly(0);
        assertThat(subscription.isActive()).isFalse();
    }

    @Test
    void pingsKeepAnIdleConnectionAndDetectAHungNode() throws Exception {
        try (RpcClient pinging = RpcClient.connect(URI.create(server.wsUrl()),
                RpcClientOptions.defaults().withPingInterval(Duration.ofMillis(100)))) {
            Thread.sleep(600);
            assertThat(pinging.call("add", 1, 2).asLong()).as("pongs came back").isEqualTo(3);
            assertThat(pinging.disconnected()).isNotDone();

            server.answerPings = false;
            CompletableFuture<JsonNode> waiting = pinging.callAsync("slow");

            assertThat(pinging.disconnected()).succeedsWithin(Duration.ofSeconds(5));
            assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(RpcClientException.class);
        }
    }

    @Test
    void aSubscriberMayMakeBlockingCalls() throws Exception {
        List<Long> sums = new CopyOnWriteArrayList<>();

        client.subscribe("test_subscribe", List.of(), "test_unsubscribe", n -> sums.add(client.call("add", n, 100).asLong()));

        awaitSize(sums, 3);
        assertThat(sums).containsExactly(100L, 101L, 102L);
    }

    @Test
    void aClosedConnectionFailsWaitingCallsAndSaysSo() throws Exception {
        CompletableFuture<JsonNode> waiting = client.callAsync("slow");

        RpcClientException e = catchThrowableOfType(RpcClientException.class, () -> client.call("close"));

        assertThat(e.kind()).isEqualTo(RpcClientException.Kind.CONNECTION_CLOSED);
        assertThat(e).hasMessage("connection to " + server.wsUrl() + " closed before the answer");
        assertThat(client.disconnected()).succeedsWithin(Duration.ofSeconds(5));
        assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(RpcClientException.class);
        assertThat(catchThrowableOfType(RpcClientException.class, () -> client.call("add", 1, 2)).kind())
                .isEqualTo(RpcClientException.Kind.CONNECTION_CLOSED);
    }

    @Test
    void aMessageOverTheLimitClosesTheConnection() {
        RpcClientOptions small = new RpcClientOptions(Duration.ofSeconds(5), Duration.ofSeconds(5), 4096, 16, Duration.ofSeconds(15));
        try (RpcClient limited = RpcClient.connect(URI.create(server.wsUrl()), small)) {
            assertThat(limited.call("big", 100).asText()).hasSize(100);

            RpcClientException e = catchThrowableOfType(RpcClientException.class, () -> limited.call("big", 10_000));

            assertThat(e.kind()).isEqualTo(RpcClientException.Kind.CONNECTION_CLOSED);
        }
    }

    @Test
    void anUnreachableNodeGetsTheOperatorMessage() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String url = "ws://127.0.0.1:" + port;

        RpcClientException e = catchThrowableOfType(RpcClientException.class, () -> RpcClient.connect(url));

        assertThat(e.kind()).isEqualTo(RpcClientException.Kind.UNREACHABLE);
        assertThat(e).hasMessage("cannot reach node at " + url + ": connection refused (is it running? --rpc-url)");
    }

    @Test
    void anHttpOnlyEndpointIsNotAWebSocket() throws Exception {
        com.sun.net.httpserver.HttpServer http = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        http.start();
        try {
            String url = "ws://127.0.0.1:" + http.getAddress().getPort();

            RpcClientException e = catchThrowableOfType(RpcClientException.class, () -> RpcClient.connect(url));

            assertThat(e.kind()).isEqualTo(RpcClientException.Kind.UNREACHABLE);
            assertThat(e).hasMessage("cannot reach node at " + url + ": not a WebSocket endpoint (HTTP status 404)");
        } finally {
            http.stop(0);
        }
    }

    @Test
    void refusesOtherSchemes() {
        assertThatThrownBy(() -> RpcClient.connect("ftp://127.0.0.1:9944"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rpc url must start with ws://, wss://, http:// or https://, got 'ftp://127.0.0.1:9944'");
        assertThatThrownBy(() -> RpcClient.connect("127.0.0.1:9944"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rpc url '127.0.0.1:9944' must start with ws://, wss://, http:// or https://"
                        + " (e.g. ws://127.0.0.1:9944)");
        assertThatThrownBy(() -> RpcClient.connect("ws:///path"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no host");
    }

    static <T> void awaitSize(List<T> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(Collections.unmodifiableList(list)).hasSizeGreaterThanOrEqualTo(size);
    }
}
