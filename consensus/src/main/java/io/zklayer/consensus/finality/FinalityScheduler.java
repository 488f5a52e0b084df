package io.zklayer.consensus.finality;

/**
 * The finality gadget's event loop and timers, injected so the gadget never reads a clock or
 * starts a thread itself: the node runs it on one scheduled thread
 * ({@link ExecutorFinalityScheduler}); tests run many voters on one simulated clock advanced by
 * hand, so every run with the same seed is the same.
 *
 * <p>Tasks run one at a time, in submission order for {@link #execute} and in due-time order for
 * {@link #schedule}.
 */
public interface FinalityScheduler {
    /** Runs {@code task} soon on the loop. */
    void execute(Runnable task);

    /** Runs {@code task} on the loop after {@code delayMillis} ms. */
    void schedule(long delayMillis, Runnable task);
}
