package io.zklayer.bench.node;

import io.zklayer.genesis.ChainSpecs;
import io.zklayer.node.rpc.RpcServerConfig;
import io.zklayer.node.service.Node;
import io.zklayer.node.service.NodeSettings;
import io.zklayer.node.storage.Pruning;
import io.zklayer.primitives.crypto.DevAccounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures JSON-RPC requests per second: {@code chain_getHeader} (best header, no params) over HTTP
 * POST against an in-process dev node ({@link Node#start}: dev chain spec, RocksDB in a temp dir,
 * Alice authoring a block every 2 s, RPC on 127.0.0.1 with a free port). Each JMH thread is one
 * client with its own {@link HttpClient} (HTTP/1.1, one keep-alive connection) sending requests one
 * after another and checking each reply is a header; {@code oneClient} runs one such client,
 * {@code fourClients} four at once. Client and node share the machine's cores, loopback only.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class RpcHeaderBenchmark {
    private static final String GET_HEADER = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"chain_getHeader\",\"params\":[]}";

    /** The dev node, started once per trial and shared by every client thread. */
    @State(Scope.Benchmark)
    public static class DevNode {
        Path dir;
        Node node;
        URI uri;

        /** Starts the node in a fresh temp dir. */
        @Setup(Level.Trial)
        public void start() throws IOException, InterruptedException {
            dir = Files.createTempDirectory("zklayer-bench-rpc");
            node = Node.start(new NodeSettings("bench", ChainSpecs.dev(), dir, Pruning.DEFAULT,
                    RpcServerConfig.localDefaults(0), Optional.of(DevAccounts.ALICE.keyPair()), true));
            uri = URI.create("http://127.0.0.1:" + node.rpcAddress().getPort());
        }

        /** Stops the node and deletes its database. */
        @TearDown(Level.Trial)
        public void stop() throws IOException {
            node.close();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    /** One client: its own HTTP/1.1 connection and a prepared request. */
    @State(Scope.Thread)
    public static class Client {
        HttpClient http;
        HttpRequest request;

        /** Opens the client against the node. */
        @Setup(Level.Trial)
        public void open(DevNode dev) {
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            request = HttpRequest.newBuilder(dev.uri).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(GET_HEADER)).build();
        }

        /** Sends one {@code chain_getHeader}; fails unless the reply is a 200 carrying a header. */
        String getHeader() throws IOException, InterruptedException {
            HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = reply.body();
            if (reply.statusCode() != 200 || !body.contains("\"parentHash\"")) {
                throw new IllegalStateException("chain_getHeader: HTTP " + reply.statusCode() + " " + body);
            }
            return body;
        }
    }

    /** One client sending requests back to back. */
    @Benchmark
    @Threads(1)
    public String oneClient(Client client) throws IOException, InterruptedException {
        return client.getHeader();
    }

    /** Four clients at once; the score is their total requests per second. */
    @Benchmark
    @Threads(4)
    public String fourClients(Client client) throws IOException, InterruptedException {
        return client.getHeader();
    }
}
