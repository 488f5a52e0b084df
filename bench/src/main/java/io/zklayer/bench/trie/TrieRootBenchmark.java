package io.zklayer.bench.trie;

import io.zklayer.primitives.trie.MemoryNodeStore;
import io.zklayer.primitives.trie.Trie;
import io.zklayer.primitives.trie.TrieCommit;
import io.zklayer.primitives.trie.TrieLayout;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one block's state root: 1,000 changed keys on a large stored V1 trie (random 32-byte
 * keys, 32-byte values). {@code fromStore} opens the trie at the stored root, so every touched
 * path is loaded and decoded first (what block execution does); {@code inMemory} works on the
 * already loaded trie and measures change + re-hash of the touched paths alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx8g")
public class TrieRootBenchmark {
    private static final int CHANGES = 1_000;
    private static final int ROUNDS = 64;

    @Param({"1000000"})
    public int size;

    private MemoryNodeStore store;
    private byte[] root;
    private Trie loaded;
    private byte[][][] changeKeys;
    private byte[][] changeValue;
    private int round;

    @Setup
    public void setUp() {
        Random r = new Random(7);
        store = new MemoryNodeStore();
        Trie trie = Trie.empty(TrieLayout.V1, store);
        byte[][] existing = new byte[size][];
        for (int i = 0; i < size; i++) {
            byte[] k = new byte[32];
            r.nextBytes(k);
            byte[] v = new byte[32];
            r.nextBytes(v);
            trie.put(k, v);
            existing[i] = k;
        }
        TrieCommit c = trie.commit();
        store.apply(c.changes());
        root = c.root();
        loaded = Trie.open(TrieLayout.V1, store, root);
        changeKeys = new byte[ROUNDS][CHANGES][];
        changeValue = new byte[ROUNDS][32];
        for (int round = 0; round < ROUNDS; round++) {
            r.nextBytes(changeValue[round]);
            for (int j = 0; j < CHANGES; j++) {
                // Half updates of existing keys, half new keys.
                if ((j & 1) == 0) {
                    changeKeys[round][j] = existing[r.nextInt(size)];
                } else {
                    byte[] k = new byte[32];
                    r.nextBytes(k);
                    changeKeys[round][j] = k;
                }
            }
        }
    }

    @Benchmark
    public byte[] rootAfter1kChangesFromStore() {
        int n = round++ % ROUNDS;
        Trie trie = Trie.open(TrieLayout.V1, store, root);
        for (byte[] k : changeKeys[n]) {
            trie.put(k, changeValue[n]);
        }
        return trie.rootHash();
    }

    @Benchmark
    public byte[] rootAfter1kChangesInMemory() {
        int n = round++ % ROUNDS;
        Trie.Checkpoint mark = loaded.checkpoint();
        for (byte[] k : changeKeys[n]) {
            loaded.put(k, changeValue[n]);
        }
        byte[] result = loaded.rootHash();
        loaded.reset(mark);
        return result;
    }
}
