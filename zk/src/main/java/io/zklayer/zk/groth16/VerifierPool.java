package io.zklayer.zk.groth16;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The small fixed pool batch verification spreads its Miller loops over: one daemon thread fewer than
 * the available processors (the calling thread takes a share too), at least one, at most seven. Partial
 * Miller-loop values are multiplied in a fixed order, and field products are exact, so the outcome does
 * not depend on scheduling.
 */
final class VerifierPool {
    /** Threads working on one batch: the pool's plus the caller. */
    static final int PARALLELISM = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));
    private static final ExecutorService POOL = Executors.newFixedThreadPool(PARALLELISM - 1, r -> {
        Thread t = new Thread(r, "zk-verify");
        t.setDaemon(true);
        return t;
    });

    private VerifierPool() {}

    static <T> Future<T> submit(Callable<T> task) {
        return POOL.submit(task);
    }

    static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("batch verify: interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("batch verify: a Miller-loop task failed", e.getCause());
        }
    }
}
