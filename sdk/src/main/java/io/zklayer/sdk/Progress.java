package io.zklayer.sdk;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Where the kit reports what it is doing: one line per event, e.g. {@code "setup: Groth16 keys for
 * 31,347 constraints (domain 2^15)"}, {@code "setup: 10 s"}, {@code "setup: done in 21.3 s"}. Slow
 * steps (compiling a circuit, the key setup, proving) run through {@link #timed}, which prints a start
 * line, an elapsed-time line every {@link #TICK_SECONDS} seconds while the step runs, and the duration
 * at the end, so a user watching a 20-second setup sees that it is alive.
 */
@FunctionalInterface
public interface Progress {
    /** Seconds between the elapsed-time lines of a running step. */
    int TICK_SECONDS = 5;

    /** Reports one line. Implementations must be thread-safe (ticks come from a timer thread). */
    void report(String line);

    /** Returns a sink that drops everything. */
    static Progress none() {
        return line -> { };
    }

    /** Returns a sink that prints each line to {@code out}. */
    static Progress to(PrintStream out) {
        Objects.requireNonNull(out, "out");
        return line -> {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        };
    }

    /**
     * Runs {@code work} as step {@code step}: reports {@code "<step>: <what>"}, then
     * {@code "<step>: N s"} every {@link #TICK_SECONDS} s while it runs, then
     * {@code "<step>: done in X.Y s"}; returns the work's result (a failure is reported and rethrown).
     */
    default <T> T timed(String step, String what, Supplier<T> work) {
        report(step + ": " + what);
        long start = System.nanoTime();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress-" + step);
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> report(step + ": " + Math.round((System.nanoTime() - start) / 1e9) + " s"),
                TICK_SECONDS, TICK_SECONDS, TimeUnit.SECONDS);
        try {
            T result = work.get();
            ticker.shutdownNow();
            report(step + ": done in " + seconds(System.nanoTime() - start));
            return result;
        } catch (RuntimeException | Error e) {
            ticker.shutdownNow();
            report(step + ": failed after " + seconds(System.nanoTime() - start));
            throw e;
        }
    }

    /** Returns a duration in nanoseconds as seconds with one decimal, e.g. {@code "21.3 s"}. */
    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
