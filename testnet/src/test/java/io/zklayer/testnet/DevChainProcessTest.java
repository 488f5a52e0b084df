package io.zklayer.testnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zklayer.primitives.RepoPaths;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main command as a user runs it: {@code ./zklayer --dev --tmp} in a separate process
 * produces blocks and answers {@code chain_getHeader} on 127.0.0.1, and stops cleanly on SIGTERM.
 */
class DevChainProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static JsonNode call(HttpClient http, int port, String method) throws IOException, InterruptedException {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(res.body());
    }

    @Test
    void theLauncherStartsADevChainThatProducesBlocksAndAnswersRpc() throws Exception {
        Path root = RepoPaths.root();
        int port = freePort();
        Path log = dir.resolve("node.log");
        ProcessBuilder pb = new ProcessBuilder(root.resolve("zklayer").toString(), "--dev", "--tmp", "--port", "0", "--rpc-port",
                Integer.toString(port), "--no-prometheus")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Process node = pb.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            long number = -1;
            while (number < 2) {
                assertThat(node.isAlive()).as("node process alive; log:\n%s", Files.readString(log)).isTrue();
                assertThat(System.nanoTime()).as("block #2 within 120 s; log:\n%s", Files.readString(log)).isLessThan(deadline);
                try {
                    JsonNode header = call(http, port, "chain_getHeader").get("result");
                    number = Long.decode(header.get("number").asText());
                    assertThat(header.get("parentHash").asText()).startsWith("0x").hasSize(66);
                } catch (IOException notYet) {
                    // the node is still starting
                }
                Thread.sleep(200);
            }
            assertThat(call(http, port, "system_chain").get("result").asText()).isEqualTo("ZKLayer Development");
            assertThat(Files.readString(log)).contains("Imported #1 (");
        } finally {
            node.destroy();
            boolean exited = node.waitFor(30, TimeUnit.SECONDS);
            if (!exited) {
                node.destroyForcibly();
            }
            assertThat(exited).as("node stops on SIGTERM").isTrue();
        }
        assertThat(Files.readString(log)).contains("Node stopped; database closed");
    }
}
