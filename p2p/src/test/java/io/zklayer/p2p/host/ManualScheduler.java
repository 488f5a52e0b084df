package io.zklayer.p2p.host;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A {@link Scheduler} whose clock moves only when a test advances it; tasks run on the test thread. */
public final class ManualScheduler implements Scheduler {
    private record Task(long due, long order, Runnable run, boolean[] cancelled) {}

    private final List<Task> tasks = new ArrayList<>();
    private long now;
    private long order;

    @Override
    public long nowMillis() {
        return now;
    }

    @Override
    public void execute(Runnable task) {
        schedule(task, 0);
    }

    @Override
    public Cancellable schedule(Runnable task, long delayMillis) {
        boolean[] cancelled = {false};
        tasks.add(new Task(now + delayMillis, order++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Advances the clock by {@code millis}, running every task that falls due, in time order. */
    public void advance(long millis) {
        long target = now + millis;
        while (true) {
            Task next = tasks.stream().filter(t -> t.due() <= target)
                    .min(Comparator.comparingLong(Task::due).thenComparingLong(Task::order)).orElse(null);
            if (next == null) {
                break;
            }
            tasks.remove(next);
            now = Math.max(now, next.due());
            if (!next.cancelled()[0]) {
                next.run().run();
            }
        }
        now = target;
    }
}
