package io.zklayer.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.zklayer.node.client.RpcClient;
import io.zklayer.node.client.RpcClientException;
import io.zklayer.node.client.RpcClientOptions;
import io.zklayer.node.client.RpcSubscription;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.crypto.Ed25519KeyPair;
import io.zklayer.primitives.hashing.Hashing;
import io.zklayer.primitives.hashing.StorageKeys;
import io.zklayer.primitives.types.Call;
import io.zklayer.primitives.types.EventRecord;
import io.zklayer.primitives.types.ExtrinsicSigner;
import io.zklayer.runtime.Runtime;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One {@code tx} command's conversation with a node: read what signing needs, sign, submit, and
 * with {@code --wait} follow the transaction to finality and report its outcome.
 *
 * <p>Output (stdout) for {@code tx transfer --wait}:
 *
 * <pre>
 * Signed Balances.transfer_allow_death as 5FA9nQDV…TTpu with nonce 0
 * Transaction 0x3fa2…
 * Status: ready
 * Status: inBlock 0x9b1c…
 * Status: finalized 0x9b1c…
 * Finalized in block #3 (0x9b1c…), extrinsic 1
 * Events: Balances.Withdraw, TransactionPayment.TransactionFeePaid, Balances.Transfer, System.ExtrinsicSuccess
 * Fee: 0.000125 ZKL (125000000 planck)
 * Result: success
 * </pre>
 *
 * <p>Exit codes: 0 when submitted (or, with {@code --wait}, finalized and successful); 1 when the
 * node refuses the transaction ({@code error: the node rejected the transaction: 1010 Invalid
 * Transaction: Transaction has a bad signature: …} on stderr), when it ends without finality
 * (dropped, invalid, usurped, timeout) or when its call failed ({@code Result: failed: …}).
 */
final class TxSession implements AutoCloseable {
    private static final String EVENTS_KEY = Hex.encode(StorageKeys.prefix("System", "Events"));
    private static final Set<String> ENDS_WITHOUT_FINALITY = Set.of("usurped", "dropped", "invalid", "finalityTimeout");
    // Put in the status queue when the connection ends; compared by identity.
    private static final JsonNode CLOSED = JsonNodeFactory.instance.objectNode();

    private final RpcClient client;
    private final Runtime runtime;
    private final Duration waitTimeout;
    private final PrintWriter out;
    private final PrintWriter err;
    private ChainInfo chain;

    private TxSession(RpcClient client, Runtime runtime, Duration waitTimeout, PrintWriter out, PrintWriter err) {
        this.client = client;
        this.runtime = runtime;
        this.waitTimeout = waitTimeout;
        this.out = out;
        this.err = err;
    }

    /**
     * Connects to the node at {@code url}.
     *
     * @param callTimeout how long to wait for each answer
     * @param waitTimeout how long {@code --wait} waits for the finalized status
     */
    static TxSession open(URI url, Duration callTimeout, Duration waitTimeout, Runtime runtime, PrintWriter out,
                          PrintWriter err) {
        RpcClient client = RpcClient.connect(url, RpcClientOptions.defaults().withCallTimeout(callTimeout));
        return new TxSession(client, runtime, waitTimeout, out, err);
    }

    /** Returns the chain's information, read once; warns on stderr when the node's runtime is not this CLI's. */
    ChainInfo chain() {
        if (chain == null) {
            chain = ChainInfo.read(client);
            var local = runtime.version();
            if (!local.specName().equals(chain.specName()) || local.specVersion() != chain.specVersion()) {
                err.println("warning: the node runs runtime " + chain.specName() + " version " + chain.specVersion()
                        + ", this CLI knows " + local.specName() + " version " + local.specVersion()
                        + "; call names and events may not match");
                err.flush();
            }
        }
        return chain;
    }

    /**
     * Returns {@code call} signed by {@code key}: immortal, with {@code nonce} or else the node's
     * {@code system_accountNextIndex} of the signer, and {@code tip}.
     */
    byte[] sign(Ed25519KeyPair key, Call call, OptionalLong nonce, BigInteger tip) {
        ChainInfo c = chain();
        String signer = c.address(key.publicKey().bytes());
        long n = nonce.isPresent() ? nonce.getAsLong() : nextIndex(signer);
        byte[] extrinsic = new ExtrinsicSigner(c.specVersion(), c.transactionVersion(), c.genesisHash())
                .sign(key, call, n, tip).encode();
        out.println("Signed " + new CallSelector(runtime).name(call) + " as " + signer + " with nonce " + n
                + (tip.signum() > 0 ? " and tip " + tip + " planck" : ""));
        out.flush();
        return extrinsic;
    }

    /**
     * Submits {@code extrinsic}; with {@code wait} follows it to finality and reports its outcome.
     * Returns the exit code.
     */
    int send(byte[] extrinsic, boolean wait) throws InterruptedException {
        String hex = Hex.encode(extrinsic);
        if (!wait) {
            JsonNode hash;
            try {
                hash = client.call("author_submitExtrinsic", hex);
            } catch (RpcClientException e) {
                return rejected(e);
            }
            out.println("Submitted " + hash.asText());
            out.flush();
            return 0;
        }
        Optional<Included> included = sendAndFollow(extrinsic);
        return included.isPresent() && included.get().outcome().succeeded() ? 0 : 1;
    }

    /**
     * A finalized extrinsic: its block, its position and the events it emitted.
     *
     * @param blockHash the block's hash
     * @param blockNumber the block's number
     * @param index the extrinsic's index in the block
     * @param events the block's event records of this extrinsic, in order
     * @param outcome what happened (success, fee, failure)
     */
    record Included(String blockHash, long blockNumber, long index, List<EventRecord> events, ExtrinsicOutcome outcome) {}

    /**
     * Submits {@code extrinsic} and follows it to finality as {@code send(extrinsic, true)} does, printing
     * the same lines; returns where it was included and what it did, or empty (after printing why on
     * stderr) when the node refused it or it ended without finality.
     */
    Optional<Included> sendAndFollow(byte[] extrinsic) throws InterruptedException {
        String hex = Hex.encode(extrinsic);
        out.println("Transaction " + Hex.encode(Hashing.blake2b256(extrinsic)));
        out.flush();
        BlockingQueue<JsonNode> statuses = new LinkedBlockingQueue<>();
        RpcSubscription subscription;
        try {
            subscription = client.subscribe("author_submitAndWatchExtrinsic", List.of(hex), "author_unwatchExtrinsic",
                    statuses::add);
        } catch (RpcClientException e) {
            rejected(e);
            return Optional.empty();
        }
        Optional<String> finalizedIn;
        try {
            client.disconnected().thenRun(() -> statuses.add(CLOSED));
            finalizedIn = awaitFinalized(statuses);
        } finally {
            unwatch(subscription);
        }
        return finalizedIn.isEmpty() ? Optional.empty() : report(finalizedIn.get(), hex);
    }

    /** Returns the client, for commands that read more of the chain than a transaction's outcome. */
    RpcClient client() {
        return client;
    }

    // Prints each status until finalized; returns the block hash, or empty after printing why not.
    private Optional<String> awaitFinalized(BlockingQueue<JsonNode> statuses) throws InterruptedException {
        long deadline = System.nanoTime() + waitTimeout.toNanos();
        String last = "none";
        while (true) {
            JsonNode status = statuses.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (status == null) {
                return printError("no finalized status within " + waitTimeout.toSeconds() + " s (last status: " + last
                        + "); the transaction may still be included later");
            }
            if (status == CLOSED) {
                return printError("the node closed the connection before the transaction was finalized (last status: "
                        + last + ")");
            }
            last = describeStatus(status);
            out.println("Status: " + last);
            out.flush();
            String kind = statusKind(status);
            if ("finalized".equals(kind)) {
                return Optional.of(status.get("finalized").asText());
            }
            if (ENDS_WITHOUT_FINALITY.contains(kind)) {
                return printError("the transaction ended with status '" + last + "' before it was finalized");
            }
        }
    }

    // Reads the finalized block and its events; prints where the transaction is and what it did.
    private Optional<Included> report(String blockHash, String extrinsicHex) {
        JsonNode block = client.call("chain_getBlock", blockHash).path("block");
        JsonNode extrinsics = block.path("extrinsics");
        int index = -1;
        for (int i = 0; i < extrinsics.size(); i++) {
            if (extrinsics.get(i).asText().equalsIgnoreCase(extrinsicHex)) {
                index = i;
                break;
            }
        }
        if (index < 0) {
            return printError("the finalized block " + blockHash + " does not contain the transaction");
        }
        String number = blockNumber(block.path("header").path("number"));
        out.println("Finalized in block #" + number + " (" + blockHash + "), extrinsic " + index);
        JsonNode stored = client.call("state_getStorage", EVENTS_KEY, blockHash);
        List<EventRecord> records;
        try {
            records = stored.isNull() ? List.of()
                    : EventRecord.listCodec(runtime.eventLayout()).decode(Hex.decode(stored.asText()));
        } catch (ScaleDecodeException | IllegalArgumentException e) {
            return printError("cannot decode System.Events of block " + blockHash + " with this CLI's runtime: " + e.getMessage());
        }
        ExtrinsicOutcome outcome = ExtrinsicOutcome.of(runtime, records, index);
        out.println("Events: " + String.join(", ", outcome.events()));
        outcome.fee().ifPresent(fee -> out.println("Fee: " + amount(fee)
                + (outcome.tip().signum() > 0 ? ", tip " + outcome.tip() + " planck included" : "")));
        final int at = index;
        List<EventRecord> own = records.stream()
                .filter(r -> r.phase() instanceof io.zklayer.primitives.types.Phase.ApplyExtrinsic a && a.index() == at).toList();
        long blockNo = number.matches("\\d+") ? Long.parseLong(number) : -1;
        if (outcome.succeeded()) {
            out.println("Result: success");
            out.flush();
            return Optional.of(new Included(blockHash, blockNo, index, own, outcome));
        }
        out.println("Result: failed: " + outcome.failure().orElseThrow());
        out.flush();
        printError("the transaction is in block " + blockHash + " but its call failed: " + outcome.failure().orElseThrow());
        return Optional.of(new Included(blockHash, blockNo, index, own, outcome));
    }

    /** Returns a header number as Substrate writes it ({@code "0x1f"}, a u32) in decimal: {@code 31}; else as given. */
    static String blockNumber(JsonNode number) {
        String text = number.asText("?");
        if (text.matches("0x[0-9a-fA-F]{1,8}")) {
            return Long.toString(Long.parseLong(text.substring(2), 16));
        }
        return text;
    }

    private String amount(BigInteger planck) {
        ChainInfo c = chain();
        return c.tokenDecimals().isPresent()
                ? TokenAmount.format(planck, c.tokenDecimals().getAsInt()) + " " + c.tokenSymbol() + " (" + planck + " planck)"
                : planck + " planck";
    }

    private long nextIndex(String address) {
        JsonNode n = client.call("system_accountNextIndex", address);
        if (!n.isIntegralNumber() || n.asLong() < 0 || n.asLong() > 0xFFFFFFFFL) {
            throw new IllegalStateException("the node answered system_accountNextIndex(" + address + ") with " + n
                    + ", not a u32 nonce");
        }
        return n.asLong();
    }

    // A JSON-RPC error answer to a submission is the node refusing it (1010 invalid, 1012 banned, …).
    private int rejected(RpcClientException e) {
        if (e.kind() != RpcClientException.Kind.RPC_ERROR) {
            throw e;
        }
        String data = e.data().map(d -> d.isTextual() ? d.asText() : d.toString()).orElse("");
        err.println("error: the node rejected the transaction: " + e.code() + " " + e.rpcMessage()
                + (data.isEmpty() ? "" : ": " + data));
        err.flush();
        return 1;
    }

    // Prints "error: message" on stderr; returns empty, for the caller that has nothing to give.
    private <T> Optional<T> printError(String message) {
        err.println("error: " + message);
        err.flush();
        return Optional.empty();
    }

    // Unwatching is best effort: the node ends the subscription itself after a final status.
    private static void unwatch(RpcSubscription subscription) {
        try {
            subscription.close();
        } catch (RpcClientException e) {
            // the outcome is already known; a refused unwatch changes nothing
        }
    }

    /** Returns a status as printed: {@code ready}, {@code inBlock 0x9b1c…}, {@code broadcast ["12D3…"]}. */
    static String describeStatus(JsonNode status) {
        if (status.isTextual()) {
            return status.asText();
        }
        if (status.isObject() && status.size() == 1) {
            Map.Entry<String, JsonNode> only = status.fields().next();
            JsonNode v = only.getValue();
            return only.getKey() + " " + (v.isTextual() ? v.asText() : v.toString());
        }
        return status.toString();
    }

    /** Returns the status's kind: the text, or the single field name of an object status. */
    static String statusKind(JsonNode status) {
        if (status.isTextual()) {
            return status.asText();
        }
        if (status.isObject() && status.size() == 1) {
            return status.fieldNames().next();
        }
        return "";
    }

    @Override
    public void close() {
        client.close();
    }
}
