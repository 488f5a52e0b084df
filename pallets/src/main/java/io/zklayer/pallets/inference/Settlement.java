package io.zklayer.pallets.inference;

import io.zklayer.pallets.balances.BalancesPallet;
import io.zklayer.pallets.inference.InferenceStorage.NodeStats;
import io.zklayer.pallets.inference.WorkloadStatus.RefundReason;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.runtime.RuntimeContext;
import java.util.ArrayList;
import java.util.List;

/**
 * How workloads end or go back to the queue, shared by the calls and the block hook: refunds of the
 * escrow, retries after a failed attempt, the deadline index and the per-node statistics.
 */
final class Settlement {
    private final BalancesPallet balances;
    private final int maxAttempts;

    Settlement(BalancesPallet balances, int maxAttempts) {
        this.balances = balances;
        this.maxAttempts = maxAttempts;
    }

    /**
     * After a miss or an invalid result: queues the workload again when it has attempts left (the
     * caller puts it at the front), else refunds it. Returns whether it was queued again.
     */
    boolean retryOrRefund(RuntimeContext ctx, long id, Workload w, boolean enqueue) {
        if (w.attempts() >= maxAttempts) {
            refund(ctx, id, w, RefundReason.TOO_MANY_MISSES);
            return false;
        }
        InferenceStorage.WORKLOADS.put(ctx.storage(), id, w.withStatus(new WorkloadStatus.Queued()));
        if (enqueue) {
            List<Long> queue = new ArrayList<>(InferenceStorage.QUEUE.get(ctx.storage()));
            queue.add(0, id);
            InferenceStorage.QUEUE.put(ctx.storage(), queue);
        }
        return true;
    }

    void refund(RuntimeContext ctx, long id, Workload w, RefundReason reason) {
        if (w.maxPrice().signum() > 0) {
            balances.unreserveNamed(ctx, InferencePallet.ESCROW_ID, w.owner(), w.maxPrice());
        }
        InferenceStorage.WORKLOADS.put(ctx.storage(), id, w.withStatus(new WorkloadStatus.Refunded(reason,
                ctx.blockNumber())));
        ctx.deposit(new InferenceEvent.WorkloadRefunded(id, w.owner(), w.maxPrice(), reason));
    }

    static void removeDeadline(RuntimeContext ctx, long deadline, long id) {
        List<Long> due = new ArrayList<>(InferenceStorage.DEADLINES.get(ctx.storage(), deadline));
        due.remove(Long.valueOf(id));
        if (due.isEmpty()) {
            InferenceStorage.DEADLINES.remove(ctx.storage(), deadline);
        } else {
            InferenceStorage.DEADLINES.put(ctx.storage(), deadline, due);
        }
    }

    static void updateStats(RuntimeContext ctx, AccountId32 node, NodeStats delta) {
        NodeStats s = InferenceStorage.NODE_STATS.get(ctx.storage(), node);
        InferenceStorage.NODE_STATS.put(ctx.storage(), node, new NodeStats(Math.addExact(s.completed(), delta.completed()),
                Math.addExact(s.missed(), delta.missed()), Math.addExact(s.invalid(), delta.invalid())));
    }
}
