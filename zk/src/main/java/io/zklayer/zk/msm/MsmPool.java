package io.zklayer.zk.msm;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The small fixed thread pool MSMs run their windows on: as many daemon threads as available
 * processors (at most 8). Results are combined by the caller in a fixed order, so they are
 * deterministic.
 */
final class MsmPool {
    /** Threads in the pool. */
    static final int THREADS = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    private static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS, r -> {
                Thread t = new Thread(r, "zk-msm");
                t.setDaemon(true);
                return t;
            });

    private MsmPool() {}

    static <T> Future<T> submit(Callable<T> task) {
        return POOL.submit(task);
    }

    static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("msm: interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("msm: window task failed", e.getCause());
        }
    }
}
