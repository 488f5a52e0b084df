package io.zklayer.p2p.host;

/**
 * Time and deferred work for the host's timing logic (dial back-off, gossip heartbeat, timeouts),
 * injected so tests can drive time by hand. Tasks run one at a time in submission order.
 */
public interface Scheduler {
    /** Returns the current time in milliseconds on this scheduler's clock. */
    long nowMillis();

    /** Runs the task soon, on the scheduler's thread. */
    void execute(Runnable task);

    /** Runs the task after the delay; the returned handle cancels it. */
    Cancellable schedule(Runnable task, long delayMillis);

    /** Handle of a scheduled task. */
    interface Cancellable {
        /** Cancels the task if it has not run. */
        void cancel();
    }
}
