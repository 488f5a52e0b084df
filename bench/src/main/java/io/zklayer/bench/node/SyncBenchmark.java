package io.zklayer.bench.node;

import io.zklayer.consensus.BlockAuthor;
import io.zklayer.consensus.BlockImporter;
import io.zklayer.consensus.ChainHead;
import io.zklayer.consensus.ForkChoice;
import io.zklayer.consensus.HeaderVerifier;
import io.zklayer.consensus.ImportResult;
import io.zklayer.consensus.MemoryChainBackend;
import io.zklayer.consensus.OffenceReporter;
import io.zklayer.consensus.SlotClock;
import io.zklayer.consensus.epoch.StateEpochSource;
import io.zklayer.consensus.finality.Commit;
import io.zklayer.consensus.finality.GrandpaJustification;
import io.zklayer.consensus.finality.SignedVote;
import io.zklayer.consensus.finality.VoteKind;
import io.zklayer.genesis.ChainSpec;
import io.zklayer.genesis.ChainSpecs;
import io.zklayer.genesis.ChainType;
import io.zklayer.genesis.GenesisConfig;
import io.zklayer.node.network.ChainAccess;
import io.zklayer.node.network.NetworkService;
import io.zklayer.node.network.NetworkSettings;
import io.zklayer.node.rpc.RpcServerConfig;
import io.zklayer.node.service.Node;
import io.zklayer.node.service.NodeSettings;
import io.zklayer.node.storage.Pruning;
import io.zklayer.node.txpool.SubmitOutcome;
import io.zklayer.p2p.peer.HostKey;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import io.zklayer.primitives.types.OpaqueExtrinsic;
import io.zklayer.runtime.Executive;
import io.zklayer.runtime.Runtime;
import io.zklayer.runtime.RuntimeParameters;
import io.zklayer.runtime.ZklayerRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
 * Sync speed: a fresh node (RocksDB in a temp dir, full import of every block: header rules,
 * execution, roots, one write batch) syncs {@code blocks} blocks over libp2p on loopback from a
 * peer that serves them from memory, and the measured time runs from starting the node to its best
 * block reaching the peer's head. Blocks/s = {@code blocks} / the score.
 *
 * <p>The chain is a single-validator chain of empty blocks (the timestamp inherent only; an epoch
 * change every 10 blocks), authored once per trial in past slots, so the syncing node's clock
 * accepts them; the last block of each epoch carries the GRANDPA justification of its authority
 * set (Alice's precommit), which the syncing node verifies and finalizes as it goes, as on a real
 * network. Run: {@code bench/run.sh -f 1 -wi 1 -i 3 node.SyncBenchmark}.
 *
 * <p>With {@code -p justifications=false} the peer serves no justifications, so nothing is
 * finalized while the node syncs and the finality lag grows to {@code blocks}: the case where
 * checking each block's descent from the finalized block by walking headers made sync quadratic.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
@State(Scope.Benchmark)
public class SyncBenchmark {
    private static final long SLOT_MILLIS = 2000;

    /** How many blocks the peer serves. */
    @Param("10000")
    public int blocks;

    /** Whether the peer serves the justification of each epoch's last block (else nothing is finalized). */
    @Param("true")
    public boolean justifications;

    private ChainSpec spec;
    private ServedChain served;
    private NetworkService source;
    private ChainHead head;
    private Path dir;
    private Node node;

    /** Authors the chain and starts the serving peer. */
    @Setup(Level.Trial)
    public void buildChain() throws InterruptedException {
        ChainSpec dev = ChainSpecs.dev();
        spec = new ChainSpec("ZKLayer Sync Bench", "sync_bench", ChainType.LOCAL, List.of(), List.of(), dev.protocolId(),
                dev.forkId(), dev.properties(), dev.consensus(), List.of(), dev.genesis());
        Runtime runtime = ZklayerRuntime.create(RuntimeParameters.defaults());
        Executive executive = new Executive(runtime, RuntimeParameters.defaults().limits());
        GenesisConfig genesis = (GenesisConfig) spec.genesis();
        MemoryChainBackend backend = new MemoryChainBackend(runtime, genesis.toRuntimeConfig(), executive.layout());
        long[] slot = {System.currentTimeMillis() / SLOT_MILLIS - blocks - 10};
        SlotClock clock = new SlotClock(SLOT_MILLIS, () -> slot[0] * SLOT_MILLIS);
        BlockImporter importer = new BlockImporter(backend, executive,
                new HeaderVerifier(backend, new StateEpochSource(backend, genesis.epochLength()), clock, 1),
                new ForkChoice(backend), OffenceReporter.LOGGING, false);
        BlockAuthor author = new BlockAuthor(backend, executive, importer, clock, DevAccounts.ALICE.keyPair());
        served = new ServedChain(backend);
        for (int b = 0; b < blocks; b++, slot[0]++) {
            BlockAuthor.Outcome out = author.author(slot[0], List::of, Long.MAX_VALUE);
            if (!(out instanceof BlockAuthor.Outcome.Authored a)) {
                throw new IllegalStateException("sync bench: slot " + slot[0] + " gave " + out);
            }
            served.add(a.block());
            long n = a.block().header().number();
            if (justifications && n % genesis.epochLength() == 0) {
                // The last block of set n/L - 1: Alice's precommit finalizes it, as her voter would.
                ChainHead target = new ChainHead(a.block().hash(), n);
                long setId = n / genesis.epochLength() - 1;
                served.justify(target, new GrandpaJustification(1, new Commit(target, List.of(SignedVote.sign(
                        DevAccounts.ALICE.keyPair(), VoteKind.PRECOMMIT, target, 1, setId))), List.of()).encode());
            }
        }
        head = backend.best();
        byte[] secret = new byte[32];
        secret[31] = 7;
        source = NetworkService.start(NetworkSettings.loopback(HostKey.fromSecret(secret), false), served);
    }

    /** Creates the syncing node's empty directory. */
    @Setup(Level.Invocation)
    public void freshDirectory() throws IOException {
        dir = Files.createTempDirectory("zklayer-bench-sync");
    }

    /** Starts a fresh node and returns once it has imported the peer's whole chain. */
    @Benchmark
    public long syncFromGenesis() throws InterruptedException {
        byte[] secret = new byte[32];
        secret[31] = 8;
        NetworkSettings net = NetworkSettings.loopback(HostKey.fromSecret(secret), false)
                .withBootnodes(List.of(source.listenAddresses().get(0)));
        node = Node.start(new NodeSettings("bench-sync", spec, dir, Pruning.DEFAULT, RpcServerConfig.localDefaults(0),
                Optional.empty(), false, Optional.of(net)));
        if (!node.backend().genesis().hash().equals(served.genesisHash())) {
            throw new IllegalStateException("sync bench: the node's genesis differs from the served chain's");
        }
        while (!node.backend().best().equals(head)) {
            Thread.sleep(5);
        }
        return node.backend().best().number();
    }

    /** Stops the node and deletes its database. */
    @TearDown(Level.Invocation)
    public void stopNode() throws IOException {
        if (node != null) {
            node.close();
            node = null;
        }
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

    /** Stops the serving peer. */
    @TearDown(Level.Trial)
    public void stopSource() {
        source.close();
    }

    /** The authored chain, served read-only from memory. */
    private static final class ServedChain implements ChainAccess {
        private final MemoryChainBackend backend;
        private final Map<H256, List<OpaqueExtrinsic>> bodies = new HashMap<>();
        private final List<H256> canonical = new ArrayList<>();
        private final Map<H256, byte[]> justifications = new HashMap<>();

        ServedChain(MemoryChainBackend backend) {
            this.backend = backend;
            canonical.add(backend.genesis().hash());
            bodies.put(backend.genesis().hash(), List.of());
        }

        void justify(ChainHead block, byte[] justification) {
            justifications.put(block.hash(), justification);
        }

        void add(Block block) {
            canonical.add(block.hash());
            bodies.put(block.hash(), block.extrinsics());
        }

        @Override
        public H256 genesisHash() {
            return backend.genesis().hash();
        }

        @Override
        public ChainHead best() {
            return backend.best();
        }

        @Override
        public ChainHead finalized() {
            return backend.finalized();
        }

        @Override
        public Optional<Header> header(H256 hash) {
            return backend.header(hash);
        }

        @Override
        public Optional<List<OpaqueExtrinsic>> body(H256 hash) {
            return Optional.ofNullable(bodies.get(hash));
        }

        @Override
        public Optional<byte[]> justification(H256 hash) {
            return Optional.ofNullable(justifications.get(hash));
        }

        @Override
        public Optional<H256> canonicalHash(long number) {
            return number >= 0 && number < canonical.size() ? Optional.of(canonical.get((int) number)) : Optional.empty();
        }

        @Override
        public ImportResult importBlock(Block block) {
            return new ImportResult.AlreadyKnown(new ChainHead(block.hash(), block.header().number()));
        }

        @Override
        public CompletableFuture<JustificationCheck> importJustification(ChainHead target, byte[] justification) {
            return CompletableFuture.completedFuture(JustificationCheck.NOT_APPLICABLE);
        }

        @Override
        public Optional<String> checkAnnouncedHeader(Header header) {
            return Optional.empty();
        }

        @Override
        public SubmitOutcome submitTransaction(byte[] extrinsic) {
            return new SubmitOutcome.Rejected(SubmitOutcome.Reason.UNKNOWN, "the sync bench peer takes no transactions");
        }
    }
}
