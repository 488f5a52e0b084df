package io.zklayer.testnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.RepoPaths;
import io.zklayer.primitives.types.Digest;
import io.zklayer.primitives.types.DigestItem;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Drives {@code testnet/local} the way a user does (real processes, real RocksDB directories, real
 * sockets on 127.0.0.1) and reads each node's state over its JSON-RPC port. Ports are the first
 * free runs found above a base derived from this JVM's pid, so parallel builds do not collide.
 */
final class LocalTestnet implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path script;
    private final Path dir;
    private final int p2pBase;
    private final int rpcBase;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    LocalTestnet(Path dir) throws IOException {
        this.script = RepoPaths.root().resolve("testnet").resolve("local");
        this.dir = dir;
        int start = 20_000 + (int) (ProcessHandle.current().pid() % 1000) * 20;
        this.p2pBase = freeRun(start, 10);
        this.rpcBase = freeRun(p2pBase + 10, 10);
    }

    /** Runs {@code testnet/local <args> --dir <dir>} and returns its output; fails on a non-zero exit. */
    String run(String... args) throws IOException, InterruptedException {
        return runWithNodeArgs(List.of(args));
    }

    String up(int validators) throws IOException, InterruptedException {
        return run("up", "-n", Integer.toString(validators), "--p2p-port", Integer.toString(p2pBase), "--rpc-port",
                Integer.toString(rpcBase));
    }

    /**
     * Runs {@code ./zklayer <args> --rpc-url http://127.0.0.1:<node i's RPC port>} (the packaged jar, no
     * build) and returns its output; fails on a non-zero exit.
     */
    String cli(int i, String... args) throws IOException, InterruptedException {
        return zklayer(List.of(args), "http://127.0.0.1:" + (rpcBase + i), 120);
    }

    /**
     * Returns node {@code i}'s header of its best-chain block {@code n}, rebuilt from the RPC's JSON
     * (digest items are SCALE hex), or null; its hash is checked against {@code chain_getBlockHash}.
     */
    Header header(int i, long n) {
        String hash = hashAt(i, n);
        if (hash == null) {
            return null;
        }
        JsonNode h = rpc(i, "chain_getHeader", hash).orElse(null);
        if (h == null) {
            return null;
        }
        List<DigestItem> logs = new ArrayList<>();
        h.get("digest").get("logs").forEach(l -> logs.add(DigestItem.CODEC.decode(Hex.decode(l.asText()))));
        Header header = new Header(H256.fromHex(h.get("parentHash").asText()), Long.decode(h.get("number").asText()),
                H256.fromHex(h.get("stateRoot").asText()), H256.fromHex(h.get("extrinsicsRoot").asText()),
                new Digest(logs));
        if (!header.hash().toHex().equals(hash)) {
            throw new AssertionError("header #" + n + " rebuilt from JSON hashes to " + header.hash().toHex() + ", not " + hash);
        }
        return header;
    }

    /** Returns the extrinsics (hex) of node {@code i}'s best-chain block {@code n}, or an empty list. */
    List<String> extrinsics(int i, long n) {
        List<String> out = new ArrayList<>();
        String hash = hashAt(i, n);
        if (hash != null) {
            rpc(i, "chain_getBlock", hash).ifPresent(b -> b.get("block").get("extrinsics").forEach(x -> out.add(x.asText())));
        }
        return out;
    }

    /** Returns the RPC result of {@code method} on node {@code i}, or empty while it does not answer. */
    Optional<JsonNode> rpc(int i, String method, Object... params) {
        try {
            String body = JSON.writeValueAsString(java.util.Map.of("jsonrpc", "2.0", "id", 1, "method", method,
                    "params", List.of(params)));
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (rpcBase + i)))
                    .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode result = JSON.readTree(res.body()).get("result");
            return Optional.ofNullable(result);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Returns node {@code i}'s best block number, or -1 while it does not answer. */
    long best(int i) {
        return rpc(i, "chain_getHeader").map(h -> Long.decode(h.get("number").asText())).orElse(-1L);
    }

    /** Returns node {@code i}'s finalized block number, or -1 while it does not answer. */
    long finalized(int i) {
        return rpc(i, "chain_getFinalizedHead").flatMap(h -> rpc(i, "chain_getHeader", h.asText()))
                .map(h -> Long.decode(h.get("number").asText())).orElse(-1L);
    }

    /** Returns node {@code i}'s hash of its best-chain block at {@code n}, or null. */
    String hashAt(int i, long n) {
        return rpc(i, "chain_getBlockHash", n).filter(JsonNode::isTextual).map(JsonNode::asText).orElse(null);
    }

    /** Returns node {@code i}'s peer count, or -1. */
    int peers(int i) {
        return rpc(i, "system_health").map(h -> h.get("peers").asInt()).orElse(-1);
    }

    /** Returns node {@code i}'s log. */
    String log(int i) throws IOException {
        Path f = dir.resolve("node" + i).resolve("node.log");
        return Files.exists(f) ? Files.readString(f) : "(no log)";
    }

    /** Waits for {@code condition}; on timeout fails with the last lines of every node's log. */
    void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                StringBuilder logs = new StringBuilder();
                for (int i = 0; Files.isDirectory(dir.resolve("node" + i)); i++) {
                    String[] lines = log(i).split("\n");
                    logs.append("--- node ").append(i).append(" ---\n");
                    for (int k = Math.max(0, lines.length - 25); k < lines.length; k++) {
                        logs.append(lines[k]).append('\n');
                    }
                }
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what + "\n"
                        + run("status") + logs);
            }
            Thread.sleep(250);
        }
    }

    /**
     * Runs {@code testnet/local add --pool-worker <uri>}: a node that syncs from the others and runs the
     * pool worker with key {@code uri}, serving the digits model packaged into the run directory.
     */
    String addPoolWorker(String uri) throws IOException, InterruptedException {
        return run("add", "--pool-worker", uri);
    }

    /**
     * Runs {@code ./zklayer <args> --rpc-url ws://127.0.0.1:<node i's RPC port>} like {@link #cli}, over
     * WebSocket, which {@code --wait} needs (it follows subscriptions); fails on a non-zero exit.
     */
    String cliWs(int i, String... args) throws IOException, InterruptedException {
        return zklayer(List.of(args), "ws://127.0.0.1:" + (rpcBase + i), 180);
    }

    private String zklayer(List<String> args, String rpcUrl, int timeoutSeconds) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(script.getParent().getParent().resolve("zklayer").toString()));
        cmd.addAll(args);
        cmd.addAll(List.of("--rpc-url", rpcUrl));
        return exec(cmd, Map.of("ZKLAYER_SKIP_BUILD", "1"), timeoutSeconds, "zklayer " + String.join(" ", args));
    }

    /**
     * Runs {@code testnet/local <args> --dir <dir> [-- <nodeArgs>]}: the nodes this command starts get
     * {@code nodeArgs} as extra arguments (this start only). Returns the output; fails on a non-zero exit.
     */
    String runWithNodeArgs(List<String> args, String... nodeArgs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(script.toString()));
        cmd.addAll(args);
        cmd.addAll(List.of("--dir", dir.toString()));
        if (nodeArgs.length > 0) {
            cmd.add("--");
            cmd.addAll(List.of(nodeArgs));
        }
        return exec(cmd, Map.of(), 180, "testnet/local " + String.join(" ", cmd.subList(1, cmd.size())));
    }

    /** Runs {@code cmd} with stderr folded into stdout; returns the output, failing on a non-zero exit or timeout. */
    private static String exec(List<String> cmd, Map<String, String> env, int timeoutSeconds, String what)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(what + " failed:\n" + out);
        }
        return out;
    }

    /** Returns node {@code i}'s raw storage value under {@code key} in block {@code blockHash}, or empty. */
    Optional<byte[]> storage(int i, byte[] key, String blockHash) {
        return rpc(i, "state_getStorage", Hex.encode(key), blockHash).filter(JsonNode::isTextual)
                .map(v -> Hex.decode(v.asText()));
    }

    @Override
    public void close() throws Exception {
        if (Files.exists(dir.resolve("nodes"))) {
            run("down");
        }
    }

    private static int freeRun(int from, int length) throws IOException {
        for (int base = from; base < 60_000; base += length) {
            boolean free = true;
            for (int p = base; p < base + length && free; p++) {
                free = isFree(p);
            }
            if (free) {
                return base;
            }
        }
        throw new IOException("no run of " + length + " free ports above " + from);
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
