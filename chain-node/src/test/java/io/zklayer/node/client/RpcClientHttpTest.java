package io.zklayer.node.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30) // a hang in the network code fails the test instead of the build
class RpcClientHttpTest {
    private TestRpcServer server;
    private RpcClient client;

    @BeforeEach
    void start() throws Exception {
        server = new TestRpcServer();
        client = RpcClient.connect(server.httpUrl());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void callsOverHttpPost() {
        assertThat(client.call("add", 40, 2).asLong()).isEqualTo(42);
        assertThat(client.call("nothing").isNull()).isTrue();
    }

    @Test
    void errorsCarryTheCodeMessageAndData() {
        RpcClientException e = catchThrowableOfType(RpcClientException.class, () -> client.call("fail"));

        assertThat(e.kind()).isEqualTo(RpcClientException.Kind.RPC_ERROR);
        assertThat(e.code()).isEqualTo(-32602);
        assertThat(e.data()).hasValueSatisfying(d -> assertThat(d.get("param").asText()).isEqualTo("x"));
    }

    @Test
    void subscriptionsNeedAWebSocket() {
        RpcClientException e = catchThrowableOfType(RpcClientException.class,
                () -> client.subscribe("test_subscribe", List.of(), "test_unsubscribe", n -> { }));

        assertThat(e.kind()).isEqualTo(RpcClientException.Kind.UNSUPPORTED);
        assertThat(e).hasMessage("subscriptions need a WebSocket URL (ws:// or wss://), got " + server.httpUrl());
    }

    @Test
    void aNonJsonRpcAnswerIsABadResponse() {
        com.sun.net.httpserver.HttpServer html = startHtmlServer();
        try (RpcClient c = RpcClient.connect("http://127.0.0.1:" + html.getAddress().getPort())) {
            RpcClientException e = catchThrowableOfType(RpcClientException.class, () -> c.call("system_health"));

            assertThat(e.kind()).isEqualTo(RpcClientException.Kind.BAD_RESPONSE);
            assertThat(e).hasMessage("HTTP 502 from http://127.0.0.1:" + html.getAddress().getPort()
                    + " is not a JSON-RPC response: <html>bad gateway</html>");
        } finally {
            html.stop(0);
        }
    }

    @Test
    void aBodyOverTheLimitIsABadResponse() {
        RpcClientOptions small = new RpcClientOptions(Duration.ofSeconds(5), Duration.ofSeconds(5), 4096, 16, Duration.ofSeconds(15));
        try (RpcClient limited = RpcClient.connect(URI.create(server.httpUrl()), small)) {
            RpcClientException e = catchThrowableOfType(RpcClientException.class, () -> limited.call("big", 10_000));

            assertThat(e.kind()).isEqualTo(RpcClientException.Kind.BAD_RESPONSE);
            assertThat(e).hasMessage("rpc response is larger than the client limit of 4096 bytes");
        }
    }

    @Test
    void anUnreachableNodeGetsTheOperatorMessage() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        try (RpcClient c = RpcClient.connect(url)) {
            RpcClientException e = catchThrowableOfType(RpcClientException.class, () -> c.call("system_health"));

            assertThat(e.kind()).isEqualTo(RpcClientException.Kind.UNREACHABLE);
            assertThat(e).hasMessage("cannot reach node at " + url + ": connection refused (is it running? --rpc-url)");
        }
    }

    private static com.sun.net.httpserver.HttpServer startHtmlServer() {
        try {
            com.sun.net.httpserver.HttpServer http = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/", exchange -> {
                byte[] body = "<html>bad gateway</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(502, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            http.start();
            return http;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
