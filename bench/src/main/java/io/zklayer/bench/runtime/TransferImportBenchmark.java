package io.zklayer.bench.runtime;

import io.zklayer.consensus.MemoryChainBackend;
import io.zklayer.consensus.BlockImporter;
import io.zklayer.consensus.ChainBackend;
import io.zklayer.consensus.ImportResult;
import io.zklayer.consensus.SlotClock;
import io.zklayer.node.service.StoreChainBackend;
import io.zklayer.node.storage.ChainStore;
import io.zklayer.node.storage.Pruning;
import io.zklayer.primitives.types.Block;
import io.zklayer.runtime.Executive;
import io.zklayer.runtime.Runtime;
import io.zklayer.runtime.RuntimeGenesisConfig;
import io.zklayer.runtime.RuntimeParameters;
import io.zklayer.runtime.ZklayerRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Measures full block import of signed transfers: {@link BlockImporter#importBlock} checks the
 * header (slot, author, ed25519 seal), executes every extrinsic of a full block of
 * {@code balances.transfer_keep_alive} (signature, nonce, fee, two account writes, events), compares
 * both roots and commits block and state. One operation imports the next of {@link #BLOCKS}
 * pre-built blocks (see {@link TransferBlocks}: 1,000 endowed accounts, round-robin senders); when
 * all are imported, a fresh backend is made outside the timed region. The {@code transfers}
 * secondary result is transfers imported per second; the setup prints transfers per block.
 * {@code perBlock=1000} imports blocks of 1,000 transfers instead, to show how the per-transfer
 * cost grows with block size.
 *
 * <p>{@code backend=memory} keeps trie nodes and headers in maps (execution and checks only);
 * {@code backend=rocksdb} is the node's {@link ChainStore} in a temp dir (pruning 256, no fsync) under
 * chain-node's {@link StoreChainBackend}, as a node imports.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class TransferImportBenchmark {
    /** Endowed accounts sending transfers. */
    static final int ACCOUNTS = 1000;
    /** Blocks built in setup and imported in turn. */
    static final int BLOCKS = 4;

    /** Which {@link ChainBackend} the importer writes to. */
    @Param({"memory", "rocksdb"})
    public String backend;

    /** Transfers per block: {@code full} fills each block to its weight or length limit. */
    @Param({"full", "1000"})
    public String perBlock;

    private RuntimeParameters params;
    private Runtime runtime;
    private TransferBlocks chain;
    private int next;
    private BlockImporter importer;
    private Path dir;
    private ChainStore store;

    /** Counts transfers; JMH reports the count per second as the {@code transfers} result. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Transfers {
        /** Transfers imported in the iteration. */
        public long transfers;

        /** Zeroes the count before each iteration. */
        @Setup(Level.Iteration)
        public void reset() {
            transfers = 0;
        }
    }

    /** Builds the blocks once. */
    @Setup(Level.Trial)
    public void buildBlocks() {
        params = RuntimeParameters.defaults();
        runtime = ZklayerRuntime.create(params);
        chain = TransferBlocks.build(runtime, params, ACCOUNTS, BLOCKS,
                perBlock.equals("full") ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(perBlock)));
        System.out.println("TransferImportBenchmark: " + chain.describe());
        next = BLOCKS;
    }

    /** Starts a fresh chain at genesis when every block has been imported (not timed). */
    @Setup(Level.Invocation)
    public void freshChainIfDone() throws IOException {
        if (next < BLOCKS) {
            return;
        }
        closeStore();
        Executive executive = new Executive(runtime, params.limits());
        ChainBackend chainBackend;
        switch (backend) {
            case "memory" -> chainBackend = new MemoryChainBackend(runtime, chain.genesis(), executive.layout());
            case "rocksdb" -> {
                dir = Files.createTempDirectory("zklayer-bench-import");
                store = ChainStore.openRocks(dir, Pruning.DEFAULT, false);
                StoreChainBackend rocks = new StoreChainBackend(store, executive.layout());
                RuntimeGenesisConfig.Built built = chain.genesis().build(runtime);
                rocks.commitGenesis(built.header(), built.state().changes());
                chainBackend = rocks;
            }
            default -> throw new IllegalArgumentException("backend must be memory or rocksdb, got " + backend);
        }
        long clockMillis = chain.lastSlot() * TransferBlocks.SLOT_MILLIS;
        importer = new BlockImporter(chainBackend, executive, new SlotClock(TransferBlocks.SLOT_MILLIS, () -> clockMillis),
                true, 1);
        next = 0;
    }

    /** Closes and deletes the RocksDB store. */
    @TearDown(Level.Trial)
    public void closeStore() throws IOException {
        if (store == null) {
            return;
        }
        store.close();
        store = null;
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

    /** Imports the next full block; fails if the importer does not accept it. */
    @Benchmark
    public ImportResult importFullBlock(Transfers count) {
        int index = next++;
        List<Block> blocks = chain.blocks();
        ImportResult result = importer.importBlock(blocks.get(index));
        if (!(result instanceof ImportResult.Imported)) {
            throw new IllegalStateException("block #" + (index + 1) + " was not imported: " + result);
        }
        count.transfers += chain.transfers(index);
        return result;
    }
}
