package io.zklayer.pallets.inference;

import io.zklayer.pallets.balances.BalancesPallet;
import io.zklayer.pallets.inference.InferenceStorage.NodeStats;
import io.zklayer.pallets.inference.WorkloadStatus.RefundReason;
import io.zklayer.pallets.models.ModelInfo;
import io.zklayer.pallets.models.ModelLookup;
import io.zklayer.pallets.pools.PoolsPallet;
import io.zklayer.pallets.pools.SlashReason;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.runtime.BalanceMath;
import io.zklayer.runtime.RuntimeContext;
import io.zklayer.runtime.Weight;
import io.zklayer.wasm.engine.CallOutcome;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Inference pallet's block hook, run in every block's {@code onInitialize}:
 * <ol>
 *   <li>workloads whose deadline was the previous block and that are still assigned: the node is
 *       slashed for the missed deadline, and the workload goes to the front of the queue when it has
 *       attempts left, else it is refunded;</li>
 *   <li>the queue, oldest first, at most {@code MaxAssignmentsPerBlock} workloads: expired ones and
 *       those of deprecated models are refunded; a public model's workload runs on chain within the
 *       block's gas budget; any other is assigned by {@link WorkloadAssigner} or, when no node of its
 *       pool has the units spare, stays queued in order.</li>
 * </ol>
 * Its weight (bookkeeping per workload looked at, plus the gas of on-chain runs) is the block's
 * mandatory weight.
 */
final class WorkloadScheduler {
    private final BalancesPallet balances;
    private final PoolsPallet pools;
    private final ModelLookup models;
    private final InferenceParameters params;
    private final OnChainRunner runner;
    private final Settlement settlement;

    WorkloadScheduler(BalancesPallet balances, PoolsPallet pools, ModelLookup models, InferenceParameters params,
                      OnChainRunner runner, Settlement settlement) {
        this.balances = balances;
        this.pools = pools;
        this.models = models;
        this.params = params;
        this.runner = runner;
        this.settlement = settlement;
    }

    /** Runs the hook in block {@code ctx.blockNumber()}; returns its weight. */
    Weight onInitialize(RuntimeContext ctx) {
        long n = ctx.blockNumber();
        long looked = 0;
        long gasUsed = 0;
        List<Long> front = new ArrayList<>();
        if (n > 1) {
            List<Long> due = InferenceStorage.DEADLINES.get(ctx.storage(), n - 1);
            InferenceStorage.DEADLINES.remove(ctx.storage(), n - 1);
            for (long id : due) {
                looked++;
                Workload w = InferenceStorage.WORKLOADS.get(ctx.storage(), id);
                if (w != null && w.status() instanceof WorkloadStatus.Assigned a && a.deadline() < n) {
                    pools.penalize(ctx, a.node(), SlashReason.MISSED_DEADLINE);
                    Settlement.updateStats(ctx, a.node(), new NodeStats(0, 1, 0));
                    ctx.deposit(new InferenceEvent.DeadlineMissed(id, a.node()));
                    if (settlement.retryOrRefund(ctx, id, w, false)) {
                        front.add(id);
                    }
                }
            }
        }
        List<Long> queue = InferenceStorage.QUEUE.get(ctx.storage());
        if (queue.isEmpty() && front.isEmpty()) {
            return Weight.ofRefTime(InferenceWeights.HOOK_BASE + InferenceWeights.PER_WORKLOAD * looked);
        }
        List<Long> order = new ArrayList<>(front);
        for (long id : queue) {
            if (!front.contains(id)) {
                order.add(id);
            }
        }
        List<Long> kept = new ArrayList<>();
        int served = 0;
        long gasBudget = params.maxOnChainGasPerBlock();
        for (long id : order) {
            looked++;
            Workload w = InferenceStorage.WORKLOADS.get(ctx.storage(), id);
            if (served >= params.maxAssignmentsPerBlock()) {
                kept.add(id);
                continue;
            }
            if (n > Math.addExact(w.submittedAt(), params.maxQueueBlocks())) {
                settlement.refund(ctx, id, w, RefundReason.EXPIRED);
                continue;
            }
            Optional<ModelInfo> model = models.model(ctx, w.model()).filter(ModelInfo::active);
            if (model.isEmpty()) {
                settlement.refund(ctx, id, w, RefundReason.MODEL_UNAVAILABLE);
                continue;
            }
            ModelInfo m = model.get();
            if (m.hasPublicCode()) {
                long limit = params.gasLimit(m.computeUnits());
                if (limit > gasBudget) {
                    kept.add(id);
                    continue;
                }
                gasBudget -= limit;
                gasUsed = Math.addExact(gasUsed, runOnChain(ctx, id, w, m, limit));
                served++;
            } else if (assign(ctx, id, w, w.model(), m.computeUnits())) {
                served++;
            } else {
                kept.add(id);
            }
        }
        InferenceStorage.QUEUE.put(ctx.storage(), kept);
        long refTime = InferenceWeights.HOOK_BASE + InferenceWeights.PER_WORKLOAD * looked;
        return Weight.ofRefTime(refTime).plus(Weight.ofRefTime(gasUsed).times(params.refTimePerGas()));
    }

    /** Assigns workload {@code id} to a node of its pool; returns false when no node has the capacity. */
    private boolean assign(RuntimeContext ctx, long id, Workload w, long modelId, long units) {
        List<WorkloadAssigner.Candidate> candidates = new ArrayList<>();
        for (AccountId32 node : PoolsPallet.pool(ctx, modelId)) {
            candidates.add(new WorkloadAssigner.Candidate(node, PoolsPallet.spareCapacity(ctx, node)));
        }
        Optional<AccountId32> pick = WorkloadAssigner.pick(ctx.parentHash(), id, w.attempts(), units, candidates);
        if (pick.isEmpty()) {
            return false;
        }
        AccountId32 node = pick.get();
        PoolsPallet.consumeCapacity(ctx, node, units);
        long deadline = Math.addExact(ctx.blockNumber(), w.deadlineBlocks());
        InferenceStorage.WORKLOADS.put(ctx.storage(), id,
                w.withAttempt(new WorkloadStatus.Assigned(node, ctx.blockNumber(), deadline)));
        List<Long> due = new ArrayList<>(InferenceStorage.DEADLINES.get(ctx.storage(), deadline));
        due.add(id);
        InferenceStorage.DEADLINES.put(ctx.storage(), deadline, due);
        ctx.deposit(new InferenceEvent.WorkloadAssigned(id, node, deadline));
        return true;
    }

    /** Runs a public model's workload on chain; returns the gas used. */
    private long runOnChain(RuntimeContext ctx, long id, Workload w, ModelInfo model, long gasLimit) {
        byte[] input = ((WorkloadInput.Inline) w.input()).bytes();
        CallOutcome outcome = runner.run(model.codeHash().orElseThrow(), () -> models.wasmCode(ctx, w.model())
                .orElseThrow(() -> new IllegalStateException("state corrupt: model " + w.model()
                        + " has a code hash but no code")), input, gasLimit);
        long gas;
        byte[] output = null;
        if (outcome instanceof CallOutcome.Success s) {
            gas = s.gasUsed();
            output = s.output();
        } else if (outcome instanceof CallOutcome.OutOfGas o) {
            gas = o.gasLimit();
        } else if (outcome instanceof CallOutcome.Trap t) {
            gas = t.gasUsed();
        } else {
            gas = 0;
        }
        BigInteger cost = BalanceMath.mul(params.gasPrice(), BigInteger.valueOf(gas)).min(w.maxPrice());
        if (cost.signum() > 0) {
            balances.slashReservedNamed(ctx, InferencePallet.ESCROW_ID, w.owner(), cost);
        }
        Workload charged = new Workload(w.owner(), w.model(), w.input(), w.inputCommitment(), w.maxPrice().subtract(cost),
                w.price(), w.deadlineBlocks(), w.submittedAt(), w.attempts() + 1, w.status());
        if (output != null && output.length == model.io().outputLength()) {
            BigInteger rest = charged.maxPrice();
            if (rest.signum() > 0) {
                balances.unreserveNamed(ctx, InferencePallet.ESCROW_ID, w.owner(), rest);
            }
            InferenceStorage.WORKLOADS.put(ctx.storage(), id,
                    charged.withStatus(new WorkloadStatus.Completed(Optional.empty(), output, ctx.blockNumber())));
            models.recordInference(ctx, w.model(), w.owner());
            ctx.deposit(new InferenceEvent.ExecutedOnChain(id, output, gas, cost));
        } else {
            ctx.deposit(new InferenceEvent.ExecutedOnChain(id, new byte[0], gas, cost));
            settlement.refund(ctx, id, charged, RefundReason.ON_CHAIN_FAILURE);
        }
        return gas;
    }
}
