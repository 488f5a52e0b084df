package io.zklayer.node.service;

import io.zklayer.primitives.types.Block;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Fan-out of chain events to RPC subscriptions and other listeners: every imported block, new best
 * blocks and newly finalized blocks. Listeners run on the node's single chain-events thread, in
 * import order, and must not block.
 */
public final class ChainNotifications {
    private final List<Consumer<Block>> imported = new CopyOnWriteArrayList<>();
    private final List<Consumer<Block>> best = new CopyOnWriteArrayList<>();
    private final List<Consumer<Block>> finalized = new CopyOnWriteArrayList<>();

    /** Subscribes to every imported block; returns the handle that unsubscribes. */
    public Runnable onImported(Consumer<Block> l) {
        imported.add(l);
        return () -> imported.remove(l);
    }

    /** Subscribes to new best blocks. */
    public Runnable onBest(Consumer<Block> l) {
        best.add(l);
        return () -> best.remove(l);
    }

    /** Subscribes to newly finalized blocks. */
    public Runnable onFinalized(Consumer<Block> l) {
        finalized.add(l);
        return () -> finalized.remove(l);
    }

    void publishFinalized(Block block) {
        finalized.forEach(l -> l.accept(block));
    }

    void publish(Block block, boolean isBest, boolean isFinal) {
        imported.forEach(l -> l.accept(block));
        if (isBest) {
            best.forEach(l -> l.accept(block));
        }
        if (isFinal) {
            finalized.forEach(l -> l.accept(block));
        }
    }
}
