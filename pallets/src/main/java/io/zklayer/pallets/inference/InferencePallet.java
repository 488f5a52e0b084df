package io.zklayer.pallets.inference;

import io.zklayer.pallets.balances.BalancesPallet;
import io.zklayer.pallets.inference.InferenceStorage.NodeStats;
import io.zklayer.pallets.models.ModelInfo;
import io.zklayer.pallets.models.ModelLookup;
import io.zklayer.pallets.pools.PoolsPallet;
import io.zklayer.pallets.pools.SlashReason;
import io.zklayer.pallets.verifier.ProofClaim;
import io.zklayer.pallets.verifier.ProofOutcome;
import io.zklayer.pallets.verifier.ProofSource;
import io.zklayer.pallets.verifier.VerifierPallet;
import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.runtime.BalanceMath;
import io.zklayer.runtime.CallHandler;
import io.zklayer.runtime.Descriptors;
import io.zklayer.runtime.DispatchException;
import io.zklayer.runtime.DispatchInfo;
import io.zklayer.runtime.Origin;
import io.zklayer.runtime.Pallet;
import io.zklayer.runtime.PalletEvent;
import io.zklayer.runtime.RuntimeContext;
import io.zklayer.runtime.Weight;
import io.zklayer.runtime.storage.StorageEntryDescriptor;
import io.zklayer.zk.ZkFormatException;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.ml.InputCommitment;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Inference pallet: the workload market. Users submit workloads with their payment in escrow;
 * the chain assigns each to a node of the model's pool with spare capacity; the node proves its
 * result with Groth16 and is paid when the proof verifies. Public models run on chain instead.
 *
 * <h2>Flow</h2>
 * <ol>
 *   <li>{@code submit_workload(model, input | input commitment, max_price, deadline)}: checks the
 *       model and the input against the model's input spec, escrows {@code max_price} under the named
 *       reserve {@code "zkinfer "} and queues the workload (FIFO).</li>
 *   <li>In the next block's {@code onInitialize} the queue is served in order: each workload of a
 *       proof model goes to a node picked by {@link WorkloadAssigner} (deterministic from the parent
 *       hash, weighted by spare capacity, never beyond a node's capacity); a workload no node can take
 *       stays queued (for instance until the next epoch restores capacities) and is refunded after
 *       {@code MaxQueueBlocks}. A public model's workload runs its Wasm contract right there, with a
 *       gas limit of {@code compute units × GasPerComputeUnit}; the gas used costs
 *       {@code GasPrice} each, burned like fees, and the rest of the escrow is refunded.</li>
 *   <li>{@code submit_result(workload, output, proof)} by the assigned node, in a block up to the
 *       deadline: the proof is checked against the model's verifying key with the public signals
 *       {@code output signals ‖ weight commitment ‖ input commitment}
 *       ({@link ModelPublicSignals}). Verified: the node gets the model's price, the owner the rest
 *       of the escrow, the output is emitted in {@code ResultAccepted}, usage statistics are
 *       recorded. False: the node is slashed ({@link SlashReason#INVALID_RESULT}) and the workload
 *       is reassigned, or refunded after {@code MaxAttempts} assignments; the call itself succeeds
 *       so the slash stands.</li>
 *   <li>A deadline passed without a result: in the next block's {@code onInitialize} the node is
 *       slashed ({@link SlashReason#MISSED_DEADLINE}, which also removes its remaining capacity) and
 *       the workload is reassigned or refunded the same way.</li>
 * </ol>
 *
 * <h2>Transaction pool</h2>
 * A result whose proof does not verify is refused by {@link #preValidate}, so such junk never
 * enters a block through the pool; the node is then slashed when its deadline passes. Other
 * mistakes (another node's result, a second result, an unknown model, a wrong-size input) pass the
 * pool and fail in dispatch, costing their fee and changing nothing else.
 */
public final class InferencePallet implements Pallet, CallHandler<InferenceCall>, ProofSource<InferenceCall> {
    /** Fixed pallet index. */
    public static final int INDEX = 8;
    /** Pallet name and storage prefix. */
    public static final String NAME = "Inference";
    /** The named reserve holding workload escrows. */
    public static final byte[] ESCROW_ID = "zkinfer ".getBytes(StandardCharsets.US_ASCII);

    private static final Map<String, String> CALL_DOCS = Map.of(
            "submit_workload", "Submit an inference workload, escrowing max_price; assigned in the next block.",
            "submit_result", "The assigned node's output and Groth16 proof; pays the node when the proof verifies.");

    private final BalancesPallet balances;
    private final PoolsPallet pools;
    private final ModelLookup models;
    private final VerifierPallet verifier;
    private final InferenceParameters params;
    private final Settlement settlement;
    private final WorkloadScheduler scheduler;

    /** Creates the pallet over the model registry ({@code models}) and the proof verifier. */
    public InferencePallet(BalancesPallet balances, PoolsPallet pools, ModelLookup models, VerifierPallet verifier,
                           InferenceParameters params, OnChainRunner runner) {
        this.balances = balances;
        this.pools = pools;
        this.models = models;
        this.verifier = verifier;
        this.params = params;
        this.settlement = new Settlement(balances, params.maxAttempts());
        this.scheduler = new WorkloadScheduler(balances, pools, models, params, runner, settlement);
    }

    /** Returns the parameters. */
    public InferenceParameters parameters() {
        return params;
    }

    /** Returns workload {@code id}, if any. */
    public static Optional<Workload> workload(RuntimeContext ctx, long id) {
        return InferenceStorage.WORKLOADS.getOptional(ctx.storage(), id);
    }

    /** Returns whether model {@code m}'s workloads run on chain: it has public Wasm code. */
    private static boolean runsOnChain(ModelInfo m) {
        return m.hasPublicCode();
    }

    // ---- submit_workload ----

    private void submitWorkload(RuntimeContext ctx, AccountId32 who, InferenceCall.SubmitWorkload call) {
        ModelInfo model = models.model(ctx, call.model()).filter(ModelInfo::active)
                .orElseThrow(InferenceError.UNKNOWN_MODEL::fail);
        if (call.deadline() < params.minDeadline() || call.deadline() > params.maxDeadline()) {
            throw InferenceError.BAD_DEADLINE.fail();
        }
        byte[] commitment;
        if (call.input() instanceof WorkloadInput.Inline inline) {
            byte[] bytes = inline.bytes();
            if (bytes.length != model.io().inputLength()) {
                throw InferenceError.WRONG_INPUT_SIZE.fail();
            }
            for (byte b : bytes) {
                if (b < model.io().input().min() || b > model.io().input().max()) {
                    throw InferenceError.INPUT_OUT_OF_RANGE.fail();
                }
            }
            commitment = InputCommitment.of(bytes).toBytesBE();
        } else {
            if (runsOnChain(model)) {
                throw InferenceError.INPUT_REQUIRED.fail();
            }
            commitment = ((WorkloadInput.Commitment) call.input()).commitment();
            try {
                Fr.fromBytesBE(commitment, 0);
            } catch (ZkFormatException e) {
                throw InferenceError.INVALID_INPUT_COMMITMENT.fail();
            }
        }
        BigInteger price = runsOnChain(model) ? BigInteger.ZERO : model.pricePerInference();
        BigInteger minimum = runsOnChain(model)
                ? BalanceMath.mul(params.gasPrice(), BigInteger.valueOf(params.gasLimit(model.computeUnits())))
                : price;
        if (call.maxPrice().compareTo(minimum) < 0) {
            throw InferenceError.PRICE_TOO_LOW.fail();
        }
        List<Long> queue = new ArrayList<>(InferenceStorage.QUEUE.get(ctx.storage()));
        if (queue.size() >= params.maxQueueLength()) {
            throw InferenceError.QUEUE_FULL.fail();
        }
        balances.reserveNamed(ctx, ESCROW_ID, who, call.maxPrice());
        long id = InferenceStorage.NEXT_WORKLOAD_ID.get(ctx.storage());
        InferenceStorage.NEXT_WORKLOAD_ID.put(ctx.storage(), Math.addExact(id, 1));
        InferenceStorage.WORKLOADS.put(ctx.storage(), id, new Workload(who, call.model(), call.input(), commitment,
                call.maxPrice(), price, call.deadline(), ctx.blockNumber(), 0, new WorkloadStatus.Queued()));
        queue.add(id);
        InferenceStorage.QUEUE.put(ctx.storage(), queue);
        ctx.deposit(new InferenceEvent.WorkloadSubmitted(id, who, call.model(), commitment, call.maxPrice()));
    }

    // ---- submit_result ----

    /** The checks before verification, shared by dispatch and the pool; returns the workload's context. */
    private record Open(Workload workload, WorkloadStatus.Assigned assigned, ModelInfo model, List<Fr> signals) {}

    private Open checkResult(RuntimeContext ctx, AccountId32 who, InferenceCall.SubmitResult call) {
        Workload w = InferenceStorage.WORKLOADS.getOptional(ctx.storage(), call.workload())
                .orElseThrow(InferenceError.UNKNOWN_WORKLOAD::fail);
        if (!(w.status() instanceof WorkloadStatus.Assigned a)) {
            throw InferenceError.NOT_AWAITING_RESULT.fail();
        }
        if (!a.node().equals(who)) {
            throw InferenceError.NOT_ASSIGNED_NODE.fail();
        }
        if (ctx.blockNumber() > a.deadline()) {
            throw InferenceError.DEADLINE_PASSED.fail();
        }
        ModelInfo model = models.model(ctx, w.model()).orElseThrow(InferenceError.UNKNOWN_MODEL::fail);
        byte[] output = call.output();
        if (output.length != model.io().outputLength() || output.length > params.maxOutputBytes()) {
            throw InferenceError.BAD_OUTPUT.fail();
        }
        List<Fr> signals;
        try {
            signals = model.publicSignals(output, Fr.fromBytesBE(w.inputCommitment(), 0));
        } catch (ZkFormatException e) {
            throw InferenceError.BAD_OUTPUT.fail();
        }
        return new Open(w, a, model, signals);
    }

    private void submitResult(RuntimeContext ctx, AccountId32 who, InferenceCall.SubmitResult call) {
        Open open = checkResult(ctx, who, call);
        ProofOutcome check = verifier.verify(ctx, open.model().keyId(), call.proof(), open.signals());
        if (unverifiable(check)) {
            throw InferenceError.PROOF_UNVERIFIABLE.fail();
        }
        long id = call.workload();
        Workload w = open.workload();
        Settlement.removeDeadline(ctx, open.assigned().deadline(), id);
        if (!check.isVerified()) {
            pools.penalize(ctx, who, SlashReason.INVALID_RESULT);
            Settlement.updateStats(ctx, who, new NodeStats(0, 0, 1));
            ctx.deposit(new InferenceEvent.ResultRejected(id, who));
            settlement.retryOrRefund(ctx, id, w, true);
            return;
        }
        if (w.price().signum() > 0) {
            balances.repatriateReservedNamed(ctx, ESCROW_ID, w.owner(), who, w.price());
        }
        BigInteger rest = w.maxPrice().subtract(w.price());
        if (rest.signum() > 0) {
            balances.unreserveNamed(ctx, ESCROW_ID, w.owner(), rest);
        }
        byte[] output = call.output();
        InferenceStorage.WORKLOADS.put(ctx.storage(), id,
                w.withStatus(new WorkloadStatus.Completed(Optional.of(who), output, ctx.blockNumber())));
        Settlement.updateStats(ctx, who, new NodeStats(1, 0, 0));
        models.recordInference(ctx, w.model(), w.owner());
        ctx.deposit(new InferenceEvent.ResultAccepted(id, who, output, w.price()));
    }

    /**
     * Pool check of a result: refuses it when the proof does not verify (so false proofs never
     * enter a block through the pool). Results that would fail for another reason are left to
     * dispatch, where they cost their fee.
     */
    @Override
    public String preValidate(InferenceCall call, AccountId32 signer, RuntimeContext ctx) {
        if (!(call instanceof InferenceCall.SubmitResult r)) {
            return null;
        }
        Open open;
        try {
            open = checkResult(ctx, signer, r);
        } catch (DispatchException e) {
            return null;
        }
        ProofOutcome check = verifier.verify(ctx, open.model().keyId(), r.proof(), open.signals());
        if (check instanceof ProofOutcome.Rejected rejected && !unverifiable(check)) {
            return "inference: the proof of workload " + r.workload() + " does not verify (" + rejected.detail() + ")";
        }
        return null;
    }

    /** Returns whether the proof could not be checked through no fault of the node (missing key, signal count). */
    private static boolean unverifiable(ProofOutcome outcome) {
        return outcome instanceof ProofOutcome.Rejected r && (r.reason() == ProofOutcome.Reason.UNKNOWN_KEY
                || r.reason() == ProofOutcome.Reason.PUBLIC_SIGNAL_COUNT);
    }

    /**
     * Names the proof a result will verify, for the block's batch pre-verification: read against the
     * parent state, where the workload was already assigned. The signer is not known here; a claim for
     * a result that will fail for another reason only costs its place in the batch.
     */
    @Override
    public List<ProofClaim> proofClaims(InferenceCall call, RuntimeContext ctx) {
        if (!(call instanceof InferenceCall.SubmitResult r)) {
            return List.of();
        }
        Optional<Workload> w = InferenceStorage.WORKLOADS.getOptional(ctx.storage(), r.workload());
        if (w.isEmpty() || !(w.get().status() instanceof WorkloadStatus.Assigned)) {
            return List.of();
        }
        Optional<ModelInfo> model = models.model(ctx, w.get().model());
        if (model.isEmpty()) {
            return List.of();
        }
        try {
            List<Fr> signals = model.get().publicSignals(r.output(), Fr.fromBytesBE(w.get().inputCommitment(), 0));
            return List.of(new ProofClaim(model.get().keyId(), r.proof(), signals));
        } catch (ZkFormatException e) {
            return List.of();
        }
    }

    // ---- the block hook ----

    /** Serves missed deadlines, then the queue: see {@link WorkloadScheduler}. */
    @Override
    public Weight onInitialize(RuntimeContext ctx) {
        return scheduler.onInitialize(ctx);
    }

    // ---- dispatch and description ----

    @Override
    public void dispatch(InferenceCall call, Origin origin, RuntimeContext ctx) {
        AccountId32 who = origin.ensureSigned();
        if (call instanceof InferenceCall.SubmitWorkload s) {
            submitWorkload(ctx, who, s);
        } else {
            submitResult(ctx, who, (InferenceCall.SubmitResult) call);
        }
    }

    @Override
    public int index() {
        return INDEX;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<CallHandler<?>> calls() {
        return Optional.of(this);
    }

    @Override
    public Optional<ScaleCodec<? extends PalletEvent>> eventCodec() {
        return Optional.of(InferenceEvent.CODEC);
    }

    @Override
    public List<Descriptors.EventDescriptor> events() {
        Map<String, String> docs = Map.of(
                "WorkloadSubmitted", "A workload was submitted and its maximum price escrowed.",
                "WorkloadAssigned", "A workload was assigned to a node, with the last block for its result.",
                "ResultAccepted", "A node's result verified: the output, and the price paid to the node.",
                "ResultRejected", "A node's result did not verify; the node was slashed.",
                "DeadlineMissed", "The assigned node missed the deadline; it was slashed.",
                "WorkloadRefunded", "A workload was given up and its escrow refunded.",
                "ExecutedOnChain", "A public model's workload ran on chain: output, gas used and its cost.");
        return Descriptors.events(InferenceEvent.CODEC, docs::get);
    }

    @Override
    public List<Descriptors.ErrorDescriptor> errors() {
        return Pallet.describeErrors(InferenceError.class);
    }

    @Override
    public List<StorageEntryDescriptor> storage() {
        return InferenceStorage.descriptors();
    }

    @Override
    public List<Descriptors.ConstantDescriptor> constants() {
        return List.of(
                new Descriptors.ConstantDescriptor("MinDeadline", "u32", ScaleCodecs.U32.encode(params.minDeadline()),
                        "The fewest blocks a node may be given for a result."),
                new Descriptors.ConstantDescriptor("MaxDeadline", "u32", ScaleCodecs.U32.encode(params.maxDeadline()),
                        "The most blocks a node may be given for a result."),
                new Descriptors.ConstantDescriptor("MaxQueueLength", "u32",
                        ScaleCodecs.U32.encode((long) params.maxQueueLength()), "The most workloads waiting in the queue."),
                new Descriptors.ConstantDescriptor("MaxQueueBlocks", "u64", ScaleCodecs.U64.encode(params.maxQueueBlocks()),
                        "Blocks a workload may wait in the queue before it is refunded."),
                new Descriptors.ConstantDescriptor("MaxAttempts", "u8", ScaleCodecs.U8.encode(params.maxAttempts()),
                        "Assignments of one workload before a failure refunds it."),
                new Descriptors.ConstantDescriptor("GasPerComputeUnit", "u64",
                        ScaleCodecs.U64.encode(params.gasPerComputeUnit()), "On-chain gas limit per compute unit of the model."),
                new Descriptors.ConstantDescriptor("GasPrice", "u128", ScaleCodecs.U128.encode(params.gasPrice()),
                        "Balance charged (burned) per gas used on chain."));
    }

    @Override
    public ScaleCodec<InferenceCall> codec() {
        return InferenceCall.CODEC;
    }

    @Override
    public List<Descriptors.CallDescriptor> describe() {
        return Descriptors.calls(InferenceCall.CODEC, CALL_DOCS::get);
    }

    @Override
    public DispatchInfo info(InferenceCall call) {
        return DispatchInfo.normal(InferenceWeights.of(call));
    }
}
