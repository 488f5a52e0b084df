package io.zklayer.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zklayer.node.client.TestRpcServer;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30) // a hang in the network code fails the test instead of the build
class RpcCommandTest {
    private static final String NL = System.lineSeparator();

    @TempDir
    Path tmp;

    private TestRpcServer server;
    private CliHarness cli;

    @BeforeEach
    void start() throws Exception {
        server = new TestRpcServer();
        cli = new CliHarness(tmp);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void printsTheResultAsJson() {
        assertThat(cli.run("rpc", "add", "2", "3", "--rpc-url", server.wsUrl())).isZero();
        assertThat(cli.out()).isEqualTo("5" + NL);
    }

    @Test
    void readsParametersAsJsonAndOtherwiseAsStrings() throws Exception {
        assertThat(cli.run("rpc", "--rpc-url", server.wsUrl(), "echo", "0x3fa2", "{\"a\":1}", "true", "\"7\"", "1 2",
                "[1,2]")).isZero();
        assertThat(new ObjectMapper().readTree(cli.out()))
                .isEqualTo(new ObjectMapper().readTree("[\"0x3fa2\",{\"a\":1},true,\"7\",\"1 2\",[1,2]]"));
        assertThat(cli.out()).isEqualTo("[\n  \"0x3fa2\",\n  {\n    \"a\": 1\n  },\n  true,\n  \"7\",\n  \"1 2\",\n  [\n    1,\n    2\n  ]\n]" + NL);
    }

    @Test
    void worksOverHttpToo() {
        assertThat(cli.run("rpc", "add", "40", "2", "--rpc-url", server.httpUrl())).isZero();
        assertThat(cli.out()).isEqualTo("42" + NL);
    }

    @Test
    void anRpcErrorGoesToStderrWithExitCodeOne() {
        assertThat(cli.run("rpc", "fail", "--rpc-url", server.wsUrl())).isEqualTo(1);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).isEqualTo("error: rpc error -32602 from " + server.wsUrl()
                + ": Invalid params: x must be a hash ({\"param\":\"x\"})" + NL);
    }

    @Test
    void anUnreachableNodeSaysWhatToCheck() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }

        assertThat(cli.run("rpc", "system_health", "--rpc-url", "ws://127.0.0.1:" + port)).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("error: cannot reach node at ws://127.0.0.1:" + port
                + ": connection refused (is it running? --rpc-url)" + NL);
    }

    @Test
    void followsASubscriptionForCountNotifications() {
        assertThat(cli.run("rpc", "test_subscribe", "--subscribe", "test_unsubscribe", "--count", "2",
                "--rpc-url", server.wsUrl())).isZero();
        assertThat(cli.out()).isEqualTo("0" + NL + "1" + NL);
        assertThat(server.requests.get(server.requests.size() - 1).get("method").asText()).isEqualTo("test_unsubscribe");
    }

    @Test
    void aSubscriptionEndedByTheNodeIsAnError() {
        assertThat(cli.run("rpc", "test_subscribeThenClose", "graceful", "--subscribe", "test_unsubscribe", "--count", "5",
                "--rpc-url", server.wsUrl())).isEqualTo(1);
        assertThat(cli.out()).isEqualTo("0" + NL);
        assertThat(cli.err()).isEqualTo("error: the node closed the connection after 1 notification(s)" + NL);
    }

    @Test
    void rejectsBadOptions() {
        assertThat(cli.run("rpc", "x", "--rpc-url", "localhost:9944")).isEqualTo(2);
        assertThat(cli.err()).contains("--rpc-url: rpc url 'localhost:9944' must start with ws://");

        CliHarness again = new CliHarness(tmp);
        assertThat(again.run("rpc", "x", "--count", "2")).isEqualTo(2);
        assertThat(again.err()).contains("--count needs --subscribe");

        CliHarness third = new CliHarness(tmp);
        assertThat(third.run("rpc", "x", "--timeout", "0")).isEqualTo(2);
        assertThat(third.err()).contains("--timeout must be 1…86400 seconds, got 0");
    }
}
