package io.zklayer.node.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.hashing.Hashing;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM writes blocks into RocksDB and is killed with SIGKILL at seeded random moments, 20
 * times; after each kill the store must open with every acknowledged block whole, consistent
 * pointers and index, complete kept states, and no trace of a partial block.
 */
class CrashSafetyTest {
    private static final int KEEP = 8;
    private static final int RUNS = 20;

    @TempDir
    Path dir;

    @Test
    void killedWriterLeavesOnlyWholeBlocksAndConsistentPointers() throws Exception {
        Random timing = new Random(20261121);
        Path db = dir.resolve("db");
        long lastBest = -1;
        long totalCommitted = 0;
        for (int run = 0; run < RUNS; run++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    CrashWriterMain.class.getName(), db.toString(), Long.toString(run), Integer.toString(KEEP))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            AtomicLong acknowledged = new AtomicLong(-1);
            AtomicLong committedThisRun = new AtomicLong();
            Thread reader = new Thread(() -> readAcknowledged(child, acknowledged, committedThisRun));
            reader.setDaemon(true);
            reader.start();
            // Kill only once the child is inside its write loop, at a seeded random moment after that.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (committedThisRun.get() == 0 && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(2);
            }
            assertThat(committedThisRun.get()).as("run " + run + ": child reached its write loop").isPositive();
            Thread.sleep(timing.nextInt(250));
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            reader.join(2000);
            totalCommitted += committedThisRun.get();

            try (ChainStore store = ChainStore.openRocks(db, Pruning.keepLast(KEEP), false)) {
                ChainHead best = verifyConsistent(store, run);
                assertThat(best.number()).as("run " + run + ": every acknowledged block survived")
                        .isGreaterThanOrEqualTo(acknowledged.get());
                assertThat(best.number()).as("run " + run + ": the chain only grows").isGreaterThanOrEqualTo(lastBest);
                lastBest = best.number();
            }
        }
        assertThat(lastBest).as("blocks that survived all kills").isGreaterThanOrEqualTo(totalCommitted);
    }

    private static void readAcknowledged(Process child, AtomicLong acknowledged, AtomicLong committed) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                String[] parts = line.split(" ");
                if (parts[0].equals("ready")) {
                    acknowledged.compareAndSet(-1, Long.parseLong(parts[1]));
                } else if (parts[0].equals("committed")) {
                    acknowledged.set(Long.parseLong(parts[1]));
                    committed.incrementAndGet();
                }
            }
        } catch (IOException | RuntimeException e) {
            // The child was killed mid-line: what it acknowledged before stays recorded.
        }
    }

    /** Checks the whole store and returns the best block. */
    private static ChainHead verifyConsistent(ChainStore store, int run) {
        String at = "run " + run + ": ";
        ChainHead best = store.best().orElseThrow();
        ChainHead fin = store.finalized().orElseThrow();
        ChainHead genesis = store.genesis().orElseThrow();
        assertThat(genesis.number()).isZero();
        assertThat(fin.number()).as(at + "finalized not above best").isLessThanOrEqualTo(best.number());
        assertThat(store.canonicalHash(best.number())).as(at + "best is canonical").hasValueSatisfying(h -> assertThat(h).isEqualTo(best.hash()));
        assertThat(store.canonicalHash(fin.number())).as(at + "finalized is canonical").hasValueSatisfying(h -> assertThat(h).isEqualTo(fin.hash()));
        assertThat(store.canonicalHash(best.number() + 1)).as(at + "nothing canonical above best").isEmpty();

        byte[] parent = new byte[32];
        for (long n = 0; n <= best.number(); n++) {
            byte[] hash = store.canonicalHash(n).orElseThrow(() -> new AssertionError(at + "gap in canonical index"));
            byte[] header = store.header(hash).orElseThrow(() -> new AssertionError(at + "header missing"));
            assertThat(Hashing.blake2b256(header)).isEqualTo(hash);
            assertThat(store.body(hash)).as(at + "body of #%d", n).isPresent();
            BlockInfo info = store.blockInfo(hash).orElseThrow();
            assertThat(info.number()).isEqualTo(n);
            assertThat(info.parentHash()).as(at + "parent link of #%d", n).isEqualTo(parent);
            parent = hash;
        }

        Set<ByteBuffer> infos = new HashSet<>();
        store.keyValueStore().scan(Column.BLOCK_INFO, new byte[0], (k, v) -> infos.add(ByteBuffer.wrap(k)));
        Set<ByteBuffer> headers = new HashSet<>();
        store.keyValueStore().scan(Column.HEADERS, new byte[0], (k, v) -> headers.add(ByteBuffer.wrap(k)));
        Set<ByteBuffer> bodies = new HashSet<>();
        store.keyValueStore().scan(Column.BODIES, new byte[0], (k, v) -> bodies.add(ByteBuffer.wrap(k)));
        assertThat(headers).as(at + "no partial block").isEqualTo(infos).isEqualTo(bodies);
        assertThat(infos).as(at + "no block off the canonical chain").hasSize((int) best.number() + 1);

        Set<ByteBuffer> nodes = new HashSet<>();
        store.keyValueStore().scan(Column.TRIE_NODES, new byte[0], (k, v) -> nodes.add(ByteBuffer.wrap(k)));
        Set<ByteBuffer> refs = new HashSet<>();
        store.keyValueStore().scan(Column.TRIE_REFS, new byte[0], (k, v) -> refs.add(ByteBuffer.wrap(k)));
        assertThat(nodes).as(at + "every node has a reference count").isEqualTo(refs);
        store.keyValueStore().scan(Column.STATE_JOURNAL, new byte[0], (k, v) -> {
            byte[] blockHash = Arrays.copyOfRange(k, 4, 36);
            assertThat(infos).as(at + "journal of a stored block " + Hex.encode(blockHash)).contains(ByteBuffer.wrap(blockHash));
            return true;
        });

        long oldestKept = Math.max(0, Math.min(best.number() - (KEEP - 1), fin.number()));
        for (long n = oldestKept; n <= best.number(); n++) {
            PruningTest.assertFullState(store, new ChainHead(store.canonicalHash(n).orElseThrow(), n));
        }
        return best;
    }
}
