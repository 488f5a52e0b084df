package io.zklayer.node.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.zklayer.node.client.RpcClient;
import io.zklayer.node.client.RpcClientOptions;
import io.zklayer.node.client.RpcSubscription;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code zklayer rpc <method> [params...]}: calls a node's JSON-RPC method and prints the result
 * as pretty JSON on stdout; an RPC error goes to stderr with exit code 1.
 *
 * <p>Each parameter is read as JSON when it parses ({@code 0}, {@code true}, {@code [1,2]},
 * {@code "text"}), otherwise taken as a string, so {@code zklayer rpc chain_getBlockHash 0} and
 * {@code zklayer rpc chain_getBlock 0x3fa2…} both do what they look like. With
 * {@code --subscribe <unsubscribe-method>} the method is a subscription and each notification is
 * printed as one compact JSON line, until {@code --count} notifications or Ctrl-C.
 */
@Command(name = "rpc", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Call a node's JSON-RPC method and print the result.", "Examples:",
                "  zklayer rpc system_health",
                "  zklayer rpc chain_getBlockHash 0",
                "  zklayer rpc chain_subscribeNewHeads --subscribe chain_unsubscribeNewHeads --count 3"})
public final class RpcCommand implements java.util.concurrent.Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<method>", description = "The method, such as system_health.")
    String method;

    @Parameters(index = "1..*", paramLabel = "<param>", description = "Parameters: JSON values, or plain strings.")
    List<String> params = new ArrayList<>();

    @Option(names = "--rpc-url", paramLabel = "<url>", defaultValue = "ws://127.0.0.1:9944",
            description = "The node's RPC endpoint: ws://, wss://, http:// or https://. Default: ${DEFAULT-VALUE}.")
    String rpcUrl;

    @Option(names = "--timeout", paramLabel = "<seconds>", defaultValue = "30",
            description = "Seconds to wait for the answer. Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds;

    @Option(names = "--subscribe", paramLabel = "<unsubscribe-method>",
            description = "Treat <method> as a subscription ended by this method; print each notification.")
    String unsubscribeMethod;

    @Option(names = "--count", paramLabel = "<n>", description = "With --subscribe: stop after n notifications.")
    Integer count;

    @Override
    public Integer call() throws Exception {
        if (timeoutSeconds < 1 || timeoutSeconds > 86_400) {
            throw new ParameterException(spec.commandLine(), "--timeout must be 1…86400 seconds, got " + timeoutSeconds);
        }
        if (count != null && (count < 1 || unsubscribeMethod == null)) {
            throw new ParameterException(spec.commandLine(), count < 1 ? "--count must be at least 1, got " + count
                    : "--count needs --subscribe");
        }
        URI url;
        try {
            url = RpcClient.parseUrl(rpcUrl);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--rpc-url: " + e.getMessage());
        }
        Object[] values = params.stream().map(RpcCommand::param).toArray();
        RpcClientOptions options = RpcClientOptions.defaults().withCallTimeout(Duration.ofSeconds(timeoutSeconds));
        PrintWriter out = spec.commandLine().getOut();
        try (RpcClient client = RpcClient.connect(url, options)) {
            if (unsubscribeMethod == null) {
                out.println(JsonOutput.pretty(client.call(method, values)));
                out.flush();
                return 0;
            }
            return follow(client, values, out);
        }
    }

    private int follow(RpcClient client, Object[] values, PrintWriter out) throws InterruptedException {
        int wanted = count == null ? Integer.MAX_VALUE : count;
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger seen = new AtomicInteger();
        RpcSubscription subscription = client.subscribe(method, List.of(values), unsubscribeMethod, result -> {
            if (seen.get() < wanted) {
                synchronized (out) {
                    out.println(result.toString());
                    out.flush();
                }
                if (seen.incrementAndGet() >= wanted) {
                    done.countDown();
                }
            }
        });
        try {
            client.disconnected().thenRun(done::countDown);
            done.await(); // --count notifications, the connection's end, or Ctrl-C
            if (seen.get() < wanted) {
                spec.commandLine().getErr().println("error: the node closed the connection after " + seen.get()
                        + " notification(s)");
                spec.commandLine().getErr().flush();
                return 1;
            }
            return 0;
        } finally {
            subscription.close();
        }
    }

    // A parameter is JSON when it parses as JSON, else a plain string.
    static JsonNode param(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node == null || node.isMissingNode() ? TextNode.valueOf(text) : node;
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }
}
