package io.zklayer.consensus.finality;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's {@link FinalityScheduler}: one daemon thread named {@code finality} running tasks and
 * timers in order. A task that throws is logged and the loop goes on.
 */
public final class ExecutorFinalityScheduler implements FinalityScheduler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorFinalityScheduler.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "finality");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(guarded(task));
        } catch (RejectedExecutionException e) {
            LOG.debug("Finality loop is shut down; dropped a task");
        }
    }

    @Override
    public void schedule(long delayMillis, Runnable task) {
        try {
            executor.schedule(guarded(task), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("Finality loop is shut down; dropped a timer");
        }
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Finality task failed: {}", e.toString(), e);
            }
        };
    }

    /** Stops the loop, waiting up to a second for a running task. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
