package io.zklayer.bench.storage;

import io.zklayer.node.storage.BlockImport;
import io.zklayer.node.storage.BlockInfo;
import io.zklayer.node.storage.ChainHead;
import io.zklayer.node.storage.ChainStore;
import io.zklayer.node.storage.Pruning;
import io.zklayer.primitives.codec.ScaleWriter;
import io.zklayer.primitives.trie.Trie;
import io.zklayer.primitives.trie.TrieCommit;
import io.zklayer.primitives.trie.TrieLayout;
import io.zklayer.primitives.trie.TrieState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * RocksDB block storage rates. {@code importBlock}: execute 100 key writes on the parent state
 * (10,000 keys, V1), commit the trie, and import header, body and trie changes in one batch with
 * pruning 256 and finality two blocks behind. {@code readBlock}: header, body and block info of a
 * random canonical block.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class ChainStoreBenchmark {
    private static final int STATE_KEYS = 10_000;
    private static final int WRITES_PER_BLOCK = 100;

    @Param({"false", "true"})
    public boolean syncWrites;

    private Path dir;
    private ChainStore store;
    private final Random random = new Random(3);
    private final List<byte[]> canonical = new ArrayList<>();
    private ChainHead head;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("zklayer-bench-store");
        store = ChainStore.openRocks(dir, Pruning.DEFAULT, syncWrites);
        Trie trie = Trie.empty(TrieLayout.V1, store.nodeStore());
        for (int i = 0; i < STATE_KEYS; i++) {
            trie.put(key(i), new byte[40]);
        }
        TrieCommit c = trie.commit();
        byte[] header = header(new byte[32], 0, c.root());
        head = store.importBlock(new BlockImport(header, new BlockInfo(new byte[32], c.root(), 0), new byte[] {0}, null, c.changes(), true, false));
        canonical.add(head.hash());
        for (int i = 0; i < 300; i++) {
            importBlock();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Benchmark
    public ChainHead importBlock() {
        TrieState state = store.state(head.hash(), TrieLayout.V1);
        long number = head.number() + 1;
        byte[] v = new byte[40];
        random.nextBytes(v);
        for (int i = 0; i < WRITES_PER_BLOCK; i++) {
            state.put(key(random.nextInt(STATE_KEYS)), v);
        }
        TrieCommit c = state.commit();
        byte[] header = header(head.hash(), number, c.root());
        head = store.importBlock(new BlockImport(header, new BlockInfo(head.hash(), c.root(), number), new byte[256], null, c.changes(), true, false));
        canonical.add(head.hash());
        if (number > 2) {
            store.finalizeBlock(canonical.get((int) number - 2), null);
        }
        return head;
    }

    @Benchmark
    public int readBlock() {
        byte[] hash = canonical.get(random.nextInt(canonical.size()));
        return store.header(hash).orElseThrow().length + store.body(hash).orElseThrow().length
                + (int) store.blockInfo(hash).orElseThrow().number();
    }

    private static byte[] key(int i) {
        return io.zklayer.primitives.hashing.Hashing.blake2b256(new byte[] {(byte) i, (byte) (i >>> 8)});
    }

    private static byte[] header(byte[] parent, long number, byte[] stateRoot) {
        return new ScaleWriter().raw(parent).compact(number).raw(stateRoot).raw(Trie.EMPTY_ROOT).compact(0).toByteArray();
    }
}
