package io.zklayer.testnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long runs of {@code testnet/local} (tag {@code long}, profile {@code testnet-long}): a seeded run
 * of kills and restarts ends with every node on one finalized chain. (Killing two of four, which
 * stalls finality until they return, runs in the default build in {@link LocalTestnetProcessTest}.)
 */
@Tag("long")
class TestnetChaosTest {
    private static final Duration STEP = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void seededKillsAndRestartsEndOnOneFinalizedChain() throws Exception {
        long minutes = Long.parseLong(System.getenv().getOrDefault("ZKLAYER_CHAOS_MINUTES", "5"));
        Random random = new Random(42);
        try (LocalTestnet net = new LocalTestnet(dir.resolve("run"))) {
            net.up(4);
            net.await("every validator finalized #2", STEP, () -> IntStream.range(0, 4).allMatch(i -> net.finalized(i) >= 2));
            long end = System.nanoTime() + Duration.ofMinutes(minutes).toNanos();
            long finalizedBefore = net.finalized(0);
            while (System.nanoTime() < end) {
                int victim = random.nextInt(4);
                boolean hard = random.nextBoolean();
                net.run(hard ? new String[] {"stop", Integer.toString(victim), "--kill"} : new String[] {"stop", Integer.toString(victim)});
                Thread.sleep(5_000 + random.nextInt(10_000));
                net.run("start", Integer.toString(victim));
                Thread.sleep(10_000 + random.nextInt(10_000));
            }
            long target = IntStream.range(0, 4).mapToLong(net::best).max().orElseThrow();
            net.await("every node at #" + target, STEP, () -> IntStream.range(0, 4).allMatch(i -> net.best(i) >= target));
            net.await("finality past the start of the chaos", STEP,
                    () -> IntStream.range(0, 4).allMatch(i -> net.finalized(i) > finalizedBefore + 5));
            assertAgreeUpToFinalized(net, List.of(0, 1, 2, 3));
        }
    }

    private static void assertAgreeUpToFinalized(LocalTestnet net, List<Integer> nodes) {
        long fin = nodes.stream().mapToLong(net::finalized).min().orElseThrow();
        for (long n = 1; n <= fin; n++) {
            String expected = net.hashAt(nodes.get(0), n);
            for (int i : nodes) {
                assertThat(net.hashAt(i, n)).as("block #%d on node %d", n, i).isEqualTo(expected);
            }
        }
    }
}
