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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of building a V1 trie from 100,000 random 32-byte keys and committing it (encoding
 * and hashing every node, collecting the change set): keys per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class TrieInsertBenchmark {
    private static final int KEYS = 100_000;

    @Param({"32", "100"})
    public int valueSize;

    private byte[][] keys;
    private byte[][] values;

    @Setup
    public void setUp() {
        Random r = new Random(42);
        keys = new byte[KEYS][32];
        values = new byte[KEYS][valueSize];
        for (int i = 0; i < KEYS; i++) {
            r.nextBytes(keys[i]);
            r.nextBytes(values[i]);
        }
    }

    @Benchmark
    @OperationsPerInvocation(KEYS)
    public TrieCommit insertAndCommit100kKeys() {
        Trie trie = Trie.empty(TrieLayout.V1, new MemoryNodeStore());
        for (int i = 0; i < KEYS; i++) {
            trie.put(keys[i], values[i]);
        }
        return trie.commit();
    }
}
