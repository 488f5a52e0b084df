package io.zklayer.consensus.finality;

import java.util.PriorityQueue;

/**
 * A simulated clock and event queue shared by every node of a test: events run in (time, submission)
 * order when the test advances time, so a run depends only on its seed. Each node gets a
 * {@link Loop} (its {@link FinalityScheduler}); crashing a node drops its queued events.
 */
final class SimScheduler {
    private record Event(long at, long seq, Runnable task) {}

    private final PriorityQueue<Event> queue = new PriorityQueue<>((a, b) ->
            a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private long now;
    private long seq;
    private long executed;

    long now() {
        return now;
    }

    long executed() {
        return executed;
    }

    void at(long delayMillis, Runnable task) {
        queue.add(new Event(now + Math.max(0, delayMillis), seq++, task));
    }

    /** Runs every event due up to {@code now + millis}, then sets the clock there. */
    void runFor(long millis) {
        long until = now + millis;
        while (!queue.isEmpty() && queue.peek().at <= until) {
            Event e = queue.poll();
            now = e.at;
            executed++;
            e.task.run();
        }
        now = until;
    }

    /** A node's view: its tasks run only while the node's current generation is the one that scheduled them. */
    final class Loop implements FinalityScheduler {
        private int generation;

        /** Drops every queued event of this node (a crash). */
        void crash() {
            generation++;
        }

        @Override
        public void execute(Runnable task) {
            schedule(0, task);
        }

        @Override
        public void schedule(long delayMillis, Runnable task) {
            int g = generation;
            at(delayMillis, () -> {
                if (g == generation) {
                    task.run();
                }
            });
        }
    }
}
