package io.zklayer.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.zklayer.node.client.RpcClient;
import io.zklayer.node.client.RpcClientException;
import io.zklayer.node.client.RpcSubscription;
import io.zklayer.pallets.inference.InferenceCall;
import io.zklayer.pallets.inference.InferenceEvent;
import io.zklayer.pallets.inference.InferencePallet;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.hashing.StorageKeys;
import io.zklayer.primitives.types.EventRecord;
import io.zklayer.primitives.types.RuntimeEvent;
import io.zklayer.primitives.types.UncheckedExtrinsic;
import io.zklayer.runtime.Runtime;
import io.zklayer.zk.groth16.Groth16Verifier;
import io.zklayer.zk.groth16.PreparedVerifyingKey;
import io.zklayer.zk.groth16.Proof;
import io.zklayer.zk.groth16.VerificationResult;
import io.zklayer.zk.ml.ModelPublicSignals;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Follows a submitted workload to its end over RPC: on every finalized head it reads
 * {@code zklayer_workload(id)} until the status is {@code completed} or {@code refunded}. For a
 * completed workload it prints the output, the block, and two proof checks: the Inference pallet's
 * {@code ResultAccepted} event in that block (the chain verified the proof) and a local verification of
 * the {@code submit_result} proof found in the block against the model's registered verifying key,
 * weight commitment and the commitment of the input this CLI sent.
 *
 * <pre>
 * Workload 0: completed in block #7 by node 5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu
 * Output: class 0 (0x00000000)
 * Proof: verified on chain (Inference.ResultAccepted in block #7, 1000000000000 planck paid to the node)
 * Proof: verified here against the registered verifying key (3 public signals)
 * </pre>
 */
final class WorkloadFollower {
    private static final String EVENTS_KEY = Hex.encode(StorageKeys.prefix("System", "Events"));

    private final RpcClient client;
    private final Runtime runtime;
    private final PrintWriter out;
    private final PrintWriter err;
    private final long timeoutSeconds;

    WorkloadFollower(RpcClient client, Runtime runtime, PrintWriter out, PrintWriter err, long timeoutSeconds) {
        this.client = client;
        this.runtime = runtime;
        this.out = out;
        this.err = err;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Follows workload {@code id} of {@code model} on {@code input}; returns the exit code (0: completed and both checks passed). */
    int follow(long id, RegisteredModelJson model, byte[] input) throws InterruptedException {
        BlockingQueue<JsonNode> heads = new LinkedBlockingQueue<>();
        RpcSubscription sub = client.subscribe("chain_subscribeFinalizedHeads", List.of(), "chain_unsubscribeFinalizedHeads", heads::add);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            String lastKind = "";
            while (true) {
                JsonNode w = client.call("zklayer_workload", id);
                if (w == null || w.isNull()) {
                    err.println("error: the node does not know workload " + id);
                    return 1;
                }
                JsonNode status = w.get("status");
                String kind = status.get("kind").asText();
                if (!kind.equals(lastKind)) {
                    out.println("Status: " + kind + (kind.equals("assigned") ? " to " + status.get("node").asText() + ", result due by block #"
                            + status.get("deadline").asLong() : ""));
                    out.flush();
                    lastKind = kind;
                }
                if (kind.equals("completed")) {
                    return completed(id, model, input, status);
                }
                if (kind.equals("refunded")) {
                    err.println("error: workload " + id + " was refunded in block #" + status.get("at").asLong() + " ("
                            + status.get("reason").asText() + ")");
                    return 1;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || heads.poll(left, TimeUnit.NANOSECONDS) == null) {
                    err.println("error: workload " + id + " is still " + kind + " after " + timeoutSeconds + " s");
                    return 1;
                }
            }
        } finally {
            try {
                sub.close();
            } catch (RpcClientException e) {
                // best effort: the answer is known
            }
        }
    }

    private int completed(long id, RegisteredModelJson model, byte[] input, JsonNode status) {
        long at = status.get("at").asLong();
        byte[] output = Hex.decode(status.get("output").asText());
        String blockHash = client.call("chain_getBlockHash", at).asText();
        out.println("Workload " + id + ": completed in block #" + at + (status.hasNonNull("node") ? " by node " + status.get("node").asText()
                : " on chain (public model)"));
        out.println("Output: " + model.describe(output));
        Optional<InferenceEvent> event = resultEvent(blockHash, id);
        if (event.isPresent() && event.get() instanceof InferenceEvent.ExecutedOnChain e) {
            out.println("Executed on chain by every validator (" + e.gasUsed() + " gas); public models need no proof");
            out.flush();
            return 0;
        }
        if (event.isEmpty() || !(event.get() instanceof InferenceEvent.ResultAccepted accepted)) {
            err.println("error: block #" + at + " has no Inference.ResultAccepted event for workload " + id);
            return 1;
        }
        out.println("Proof: verified on chain (Inference.ResultAccepted in block #" + at + ", " + accepted.price() + " planck paid to the node)");
        if (model.verifyingKey().isEmpty()) {
            out.println("Proof: not checked here (the node did not return the verifying key)");
            out.flush();
            return 0;
        }
        Optional<byte[]> proof = resultProof(blockHash, id);
        if (proof.isEmpty()) {
            err.println("error: block #" + at + " has no inference.submit_result extrinsic for workload " + id);
            return 1;
        }
        var signals = ModelPublicSignals.of(model.output(), output, model.weightCommitment(), input);
        VerificationResult r = Groth16Verifier.verify(PreparedVerifyingKey.of(model.verifyingKey().get()), Proof.fromBytes(proof.get()), signals);
        if (!(r instanceof VerificationResult.Valid)) {
            err.println("error: the proof in block #" + at + " does NOT verify here: " + r);
            return 1;
        }
        out.println("Proof: verified here against the registered verifying key (" + signals.size() + " public signals: output, weight"
                + " commitment, input commitment)");
        out.flush();
        return 0;
    }

    private Optional<InferenceEvent> resultEvent(String blockHash, long id) {
        JsonNode stored = client.call("state_getStorage", EVENTS_KEY, blockHash);
        if (stored.isNull()) {
            return Optional.empty();
        }
        for (EventRecord rec : EventRecord.listCodec(runtime.eventLayout()).decode(Hex.decode(stored.asText()))) {
            RuntimeEvent e = rec.event();
            if (e.palletIndex() != InferencePallet.INDEX) {
                continue;
            }
            byte[] enc = new byte[1 + e.fields().length];
            enc[0] = (byte) e.eventIndex();
            System.arraycopy(e.fields(), 0, enc, 1, e.fields().length);
            InferenceEvent ev = InferenceEvent.CODEC.decode(enc);
            if ((ev instanceof InferenceEvent.ResultAccepted a && a.id() == id) || (ev instanceof InferenceEvent.ExecutedOnChain x && x.id() == id)) {
                return Optional.of(ev);
            }
        }
        return Optional.empty();
    }

    private Optional<byte[]> resultProof(String blockHash, long id) {
        JsonNode extrinsics = client.call("chain_getBlock", blockHash).path("block").path("extrinsics");
        for (JsonNode x : extrinsics) {
            UncheckedExtrinsic xt = UncheckedExtrinsic.CODEC.decode(Hex.decode(x.asText()));
            if (xt.call().palletIndex() != InferencePallet.INDEX) {
                continue;
            }
            byte[] enc = new byte[1 + xt.call().args().length];
            enc[0] = (byte) xt.call().callIndex();
            System.arraycopy(xt.call().args(), 0, enc, 1, xt.call().args().length);
            if (InferenceCall.CODEC.decode(enc) instanceof InferenceCall.SubmitResult r && r.workload() == id) {
                return Optional.of(r.proof());
            }
        }
        return Optional.empty();
    }
}
