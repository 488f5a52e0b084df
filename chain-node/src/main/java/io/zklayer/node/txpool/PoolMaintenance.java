package io.zklayer.node.txpool;

import io.zklayer.consensus.ChainBackend;
import io.zklayer.consensus.ChainHead;
import io.zklayer.consensus.TreeRoute;
import io.zklayer.primitives.hashing.Hashing;
import io.zklayer.primitives.types.H256;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the pool in step with the best chain, as Substrate's pool maintenance does: each time the
 * best block moves it takes the {@link TreeRoute} from the previous best block. Blocks that join
 * the chain (enacted, lowest first) remove the transactions they include and the rest are
 * revalidated ({@link TransactionPool#onBlockImported}); blocks that leave it (retracted, on a
 * reorganization) give their transactions back: watchers hear {@code retracted}, and each
 * transaction that no enacted block includes is validated against the new best state and
 * resubmitted ({@link TransactionPool#onRetracted}), so it is included again. Inherents of
 * retracted blocks (the timestamp) fail that validation and stay out.
 *
 * <p>Example: the best block moves from A2 to B3 on {@code G ─ 1 ─ A2} and {@code 1 ─ B2 ─ B3};
 * a transfer only A2 included is ready in the pool again, one that A2 and B2 both included is not.
 *
 * <p>Not thread-safe on its own: the node calls it from its single chain-events thread.
 */
public final class PoolMaintenance {
    private static final Logger LOG = LoggerFactory.getLogger(PoolMaintenance.class);

    /**
     * What one move of the best block did to the pool.
     *
     * @param route the blocks retracted and enacted
     * @param resubmitted how many transactions of retracted blocks that no enacted block includes
     *     the pool accepted again
     */
    public record Update(TreeRoute route, int resubmitted) {}

    private final TransactionPool pool;
    private final ChainBackend chain;
    private final Function<H256, Optional<List<byte[]>>> bodies;
    private ChainHead best;

    /**
     * Maintains {@code pool} from the best block {@code best} on, reading routes from {@code chain}
     * and block bodies (encoded extrinsics) from {@code bodies}.
     */
    public PoolMaintenance(TransactionPool pool, ChainBackend chain, Function<H256, Optional<List<byte[]>>> bodies,
                           ChainHead best) {
        this.pool = pool;
        this.chain = chain;
        this.bodies = bodies;
        this.best = best;
    }

    /** Returns the best block the pool was last updated to. */
    public ChainHead best() {
        return best;
    }

    /**
     * Updates the pool for the best block having moved to {@code newBest}; validates against the
     * new best state with {@code validator}. Does nothing when the best block did not move; returns
     * empty (and only follows the new best block) when the route is unknown (a header is missing).
     */
    public Optional<Update> bestChanged(ChainHead newBest, TransactionPool.Validator validator) {
        if (newBest.equals(best)) {
            return Optional.empty();
        }
        Optional<TreeRoute> found = TreeRoute.between(chain, best, newBest);
        ChainHead previous = best;
        best = newBest;
        if (found.isEmpty()) {
            LOG.warn("No route from the previous best block {} to {}; the pool is not updated for the move",
                    previous, newBest);
            return Optional.empty();
        }
        TreeRoute route = found.get();
        Set<ByteBuffer> enactedTransactions = new HashSet<>();
        for (ChainHead block : route.enacted()) {
            List<byte[]> xts = body(block);
            xts.forEach(x -> enactedTransactions.add(ByteBuffer.wrap(Hashing.blake2b256(x))));
            pool.onBlockImported(block.hash().bytes(), xts, validator);
        }
        int resubmitted = 0;
        for (ChainHead block : route.retracted()) {
            List<byte[]> back = new ArrayList<>();
            for (byte[] x : body(block)) {
                if (!enactedTransactions.contains(ByteBuffer.wrap(Hashing.blake2b256(x)))) {
                    back.add(x);
                }
            }
            resubmitted += pool.onRetracted(block.hash().bytes(), back, validator);
        }
        if (!route.retracted().isEmpty()) {
            LOG.info("Reorganized from {} to {} (common ancestor {}): {} blocks retracted, {} enacted, "
                    + "{} transactions back to the pool", previous, newBest, route.common(), route.retracted().size(),
                    route.enacted().size(), resubmitted);
        }
        return Optional.of(new Update(route, resubmitted));
    }

    /**
     * Follows a finality decision: when the best block the pool follows is not {@code finalized} or
     * above it, finality moved the best block to another fork ({@code currentBest}) without an
     * import, so the pool is updated for that move; otherwise the imports still to come do it.
     */
    public Optional<Update> finalized(ChainHead finalized, ChainHead currentBest, TransactionPool.Validator validator) {
        if (descends(best, finalized)) {
            return Optional.empty();
        }
        return bestChanged(currentBest, validator);
    }

    private boolean descends(ChainHead block, ChainHead ancestor) {
        if (block.number() < ancestor.number()) {
            return false;
        }
        ChainHead b = block;
        while (b.number() > ancestor.number()) {
            Optional<io.zklayer.primitives.types.Header> h = chain.header(b.hash());
            if (h.isEmpty()) {
                return false;
            }
            b = new ChainHead(h.get().parentHash(), b.number() - 1);
        }
        return b.equals(ancestor);
    }

    private List<byte[]> body(ChainHead block) {
        return bodies.apply(block.hash()).orElseGet(() -> {
            LOG.warn("The body of {} is not stored; its transactions are skipped", block);
            return List.of();
        });
    }
}
