package io.zklayer.node.service;

import io.zklayer.consensus.AuthoringStrategy;
import io.zklayer.consensus.BlockAuthor;
import io.zklayer.consensus.DoubleAuthoring;
import io.zklayer.consensus.BlockImporter;
import io.zklayer.consensus.ChainHead;
import io.zklayer.consensus.ForkChoice;
import io.zklayer.consensus.HeaderVerifier;
import io.zklayer.consensus.OffenceReporter;
import io.zklayer.consensus.SlotClock;
import io.zklayer.consensus.epoch.StateEpochSource;
import io.zklayer.consensus.finality.DoubleVoting;
import io.zklayer.consensus.finality.VotingStrategy;
import io.zklayer.genesis.ConsensusConfig;
import io.zklayer.genesis.GenesisBlock;
import io.zklayer.genesis.GenesisBuilder;
import io.zklayer.node.cli.Misbehaviour;
import io.zklayer.node.network.NetworkService;
import io.zklayer.node.rpc.JsonRpcServer;
import io.zklayer.node.rpc.RpcRegistry;
import io.zklayer.node.rpc.methods.RpcModules;
import io.zklayer.node.storage.ChainStore;
import io.zklayer.node.txpool.PoolMaintenance;
import io.zklayer.node.txpool.SubmitOutcome;
import io.zklayer.node.txpool.Tag;
import io.zklayer.node.txpool.TransactionPool;
import io.zklayer.pallets.session.SessionPallet;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.H256;
import io.zklayer.runtime.Executive;
import io.zklayer.runtime.Runtime;
import io.zklayer.runtime.RuntimeGenesisConfig;
import io.zklayer.runtime.RuntimeParameters;
import io.zklayer.runtime.TransactionValidity;
import io.zklayer.runtime.ZklayerRuntime;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running ZKLayer node: RocksDB storage, the runtime, the transaction pool, block authoring on
 * its slots (when it has a key), chain networking (when configured: announcements, sync,
 * transaction gossip), the finality gadget (on networked chains that are not dev chains: it votes
 * with the authoring key, or observes), and the JSON-RPC server. {@link #start} opens or initializes the database;
 * {@link #close} stops everything and closes the database cleanly.
 */
public final class Node implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Node.class);
    private static final Logger IMPORT_LOG = LoggerFactory.getLogger("io.zklayer.node.import");

    private final NodeSettings settings;
    private final Runtime runtime;
    private final Executive executive;
    private final ChainStore store;
    private final StoreChainBackend backend;
    private final TransactionPool pool;
    private final PoolMaintenance poolMaintenance;
    private final SlotClock clock;
    private final OffenceReporter offences;
    private final BlockImporter importer;
    private final BlockAuthor author;
    private final ChainNotifications notifications = new ChainNotifications();
    private final ExecutorService chainEvents;
    private final ScheduledExecutorService timers;
    private final JsonRpcServer rpc;
    private final AtomicBoolean closed = new AtomicBoolean();
    private InetSocketAddress rpcAddress;
    private volatile NetworkService network;
    private volatile FinalityService finality;
    private long finalizedNotified;

    private Node(NodeSettings settings) {
        this.settings = settings;
        this.runtime = ZklayerRuntime.create(RuntimeParameters.defaults());
        this.executive = new Executive(runtime, RuntimeParameters.defaults().limits());
        this.store = ChainStore.openRocks(settings.databaseDir(), settings.pruning(), false);
        this.backend = new StoreChainBackend(store, executive.layout());
        try {
            initGenesis(); // before consensus, whose fork choice starts from the stored best block
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        ConsensusConfig consensus = settings.spec().consensus().orElse(ConsensusConfig.ZKLAYER_DEFAULT);
        this.clock = new SlotClock(consensus.slotDurationMillis(), System::currentTimeMillis);
        this.pool = new TransactionPool(TransactionPool.Config.defaults(), System::nanoTime);
        this.poolMaintenance = new PoolMaintenance(pool, backend, h -> backend.body(h).map(body -> {
            List<byte[]> xts = new ArrayList<>();
            body.forEach(x -> xts.add(x.encode()));
            return xts;
        }), backend.best());
        long epochLength = Optional.ofNullable(SessionPallet.EPOCH_LENGTH.get(backend.stateAt(backend.genesis().hash())))
                .orElse(RuntimeGenesisConfig.DEFAULT_EPOCH_LENGTH);
        this.offences = settings.authoringKey().<OffenceReporter>map(k -> new ChainOffenceReporter(backend,
                runtime.version(), pool, this::validate, k)).orElse(OffenceReporter.LOGGING);
        this.importer = new BlockImporter(backend, executive,
                new HeaderVerifier(backend, new StateEpochSource(backend, epochLength), clock, 1), new ForkChoice(backend),
                offences, settings.instantFinality());
        this.author = settings.authoringKey().map(k -> new BlockAuthor(backend, executive, importer, clock, k,
                settings.misbehave().contains(Misbehaviour.DOUBLE_AUTHOR)
                        ? new DoubleAuthoring(k, runtime.version(), backend.genesis().hash())
                        : AuthoringStrategy.HONEST)).orElse(null);
        this.chainEvents = Executors.newSingleThreadExecutor(daemon("chain-events"));
        this.timers = Executors.newScheduledThreadPool(1, daemon("node-timers"));
        RpcRegistry registry = new RpcRegistry();
        this.rpc = new JsonRpcServer(settings.rpc(), registry);
        RpcModules.registerAll(registry, this);
    }

    /** Opens (or initializes) the node's database, starts RPC and, with a key, block authoring. */
    public static Node start(NodeSettings settings) throws InterruptedException {
        Node node = new Node(settings);
        try {
            node.finalizedNotified = node.backend.finalized().number();
            node.backend.addListener((block, best, fin) -> {
                FinalityService f = node.finality;
                if (f != null) {
                    f.blockImported(block.header());
                }
                node.chainEvents.execute(() -> node.onCommitted(block, best, fin));
            });
            if (settings.network().isPresent()) {
                NodeChainAccess access = new NodeChainAccess(node.backend, node.importer, node.pool, node::validate);
                node.network = NetworkService.start(settings.network().get(), access);
                if (!settings.instantFinality()) {
                    FinalityService f = new FinalityService(node.backend, node.importer, node.network,
                            node.clock.slotDurationMillis(), settings.authoringKey(), node.offences,
                            settings.misbehave().contains(Misbehaviour.DOUBLE_VOTE) ? DoubleVoting.everyVote()
                                    : VotingStrategy.HONEST,
                            head -> node.chainEvents.execute(() -> node.onFinalized(head)));
                    node.finality = f;
                    access.setFinality(f);
                    f.start();
                }
            }
            node.rpcAddress = node.rpc.start();
            if (node.author != null) {
                node.timers.schedule(node::authorLoop, node.clock.millisUntilNextSlot(), TimeUnit.MILLISECONDS);
                LOG.info("Authoring blocks as {} every {} ms", node.author.account(), node.clock.slotDurationMillis());
            }
            node.timers.scheduleAtFixedRate(node::logStatus, 5, 5, TimeUnit.SECONDS);
            return node;
        } catch (RuntimeException | InterruptedException e) {
            node.close();
            throw e;
        }
    }

    private void initGenesis() {
        GenesisBlock genesis = GenesisBuilder.zklayer().build(settings.spec());
        if (store.genesis().isEmpty()) {
            backend.commitGenesis(genesis.header(), genesis.nodes());
            LOG.info("Initialized chain '{}' with genesis {} (state root {})", settings.spec().name(),
                    genesis.hash(), genesis.stateRoot());
        } else {
            H256 stored = backend.genesis().hash();
            if (!stored.equals(genesis.hash())) {
                throw new IllegalStateException("the database at " + settings.databaseDir() + " holds chain with genesis "
                        + stored + " but the chain spec '" + settings.spec().id() + "' has genesis " + genesis.hash()
                        + "; use another --base-path or purge-chain");
            }
            LOG.info("Opened chain '{}': best {}, finalized {}", settings.spec().name(), backend.best(), backend.finalized());
        }
    }

    private void authorLoop() {
        if (closed.get()) {
            return;
        }
        try {
            long slot = clock.currentSlot();
            NetworkService net = network;
            if (net != null && net.isMajorSyncing()) {
                LOG.debug("Skipping slot {}: syncing (best peer at #{})", slot, net.highestPeerBlock());
                return;
            }
            BlockAuthor.Outcome out = author.author(slot, pool::readyInOrder,
                    TimeUnit.MILLISECONDS.toNanos(clock.slotDurationMillis() / 3));
            if (out instanceof BlockAuthor.Outcome.Authored a) {
                LOG.debug("Authored #{} in slot {} with {} transactions in {} ms", a.block().header().number(), slot,
                        a.included(), a.buildMillis());
                if (net != null) {
                    net.announceBlock(a.block().header());
                    a.equivocation().ifPresent(second -> net.announceBlock(second.header()));
                }
            } else if (out instanceof BlockAuthor.Outcome.Failed f) {
                LOG.warn("Could not author in slot {}: {}", slot, f.reason());
            }
        } catch (RuntimeException e) {
            LOG.error("Block authoring failed: {}", e.toString(), e);
        } finally {
            if (!closed.get()) {
                timers.schedule(this::authorLoop, clock.millisUntilNextSlot(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void onCommitted(Block block, boolean best, boolean fin) {
        try {
            H256 hash = block.header().hash();
            List<byte[]> xts = new ArrayList<>();
            block.extrinsics().forEach(x -> xts.add(x.encode()));
            int batched = importer.proofReport(hash).batched();
            IMPORT_LOG.info("Imported #{} ({}) with {} extrinsics{}{}", block.header().number(), Hex.shortForm(hash.bytes()),
                    xts.size(), batched > 0 ? ", " + batched + " proofs batch-verified" : "", best ? "" : " (not best)");
            if (best) {
                // Enacts this block and, on a reorganization, gives the retracted blocks' transactions back.
                poolMaintenance.bestChanged(new ChainHead(hash, block.header().number()), this::validate);
            }
            if (fin) {
                pool.onFinalized(hash.bytes(), xts);
            }
            notifications.publish(block, best, fin);
        } catch (RuntimeException e) {
            LOG.error("Processing imported block failed: {}", e.toString(), e);
        }
    }

    // Tells the pool and subscribers of every block the gadget finalized, in order (a justification
    // finalizes a block and all its ancestors at once).
    private void onFinalized(ChainHead head) {
        try {
            for (long n = finalizedNotified + 1; n <= head.number(); n++) {
                H256 hash = n == head.number() ? head.hash() : backend.canonicalHash(n).orElse(null);
                if (hash == null) {
                    continue;
                }
                Optional<io.zklayer.primitives.types.Header> header = backend.header(hash);
                if (header.isEmpty()) {
                    continue;
                }
                List<io.zklayer.primitives.types.OpaqueExtrinsic> body = backend.body(hash).orElse(List.of());
                List<byte[]> xts = new ArrayList<>();
                body.forEach(x -> xts.add(x.encode()));
                pool.onFinalized(hash.bytes(), xts);
                notifications.publishFinalized(new Block(header.get(), body));
            }
            finalizedNotified = Math.max(finalizedNotified, head.number());
            // Finality may have moved the best block to another fork without an import.
            poolMaintenance.finalized(head, backend.best(), this::validate);
        } catch (RuntimeException e) {
            LOG.error("Processing finalized block {} failed: {}", head, e.toString(), e);
        }
    }

    private void logStatus() {
        try {
            ChainHead best = backend.best();
            ChainHead fin = backend.finalized();
            NetworkService net = network;
            int peers = net == null ? 0 : net.peerCount();
            if (net != null && net.isMajorSyncing()) {
                LOG.info("⚙️  Syncing, target=#{} ({} peers), best: {}, finalized {}", net.highestPeerBlock(), peers, best,
                        fin);
            } else {
                LOG.info("💤 Idle ({} peers), best: {}, finalized {}, txpool: {} ready, {} future", peers, best, fin,
                        pool.readyCount(), pool.futureCount());
            }
        } catch (RuntimeException e) {
            LOG.debug("status: {}", e.toString());
        }
    }

    /** Validates {@code extrinsic} against the best state, in the pool's terms. */
    public io.zklayer.node.txpool.TransactionValidity validate(byte[] extrinsic) {
        ChainHead best = backend.best();
        TransactionValidity v = executive.validate(backend.stateAt(best.hash()), best.hash(), best.number(), extrinsic);
        if (v instanceof TransactionValidity.Valid ok) {
            return new io.zklayer.node.txpool.TransactionValidity.Valid(ok.priority(),
                    ok.requires().stream().map(Tag::new).toList(), ok.provides().stream().map(Tag::new).toList(),
                    ok.longevity(), ok.propagate());
        }
        if (v instanceof TransactionValidity.Invalid inv) {
            return new io.zklayer.node.txpool.TransactionValidity.Invalid(inv.reason().message() + ": " + inv.detail());
        }
        return new io.zklayer.node.txpool.TransactionValidity.Unknown(((TransactionValidity.Unknown) v).detail());
    }

    /**
     * Submits a transaction from a local client (RPC) to the pool and, when the pool accepts it,
     * gossips it to peers.
     */
    public SubmitOutcome submitTransaction(byte[] extrinsic) {
        SubmitOutcome out = pool.submit(extrinsic, this::validate);
        NetworkService net = network;
        if (out instanceof SubmitOutcome.Accepted && net != null) {
            net.propagateTransaction(extrinsic);
        }
        return out;
    }

    /** Returns the chain networking, when this node has it. */
    public Optional<NetworkService> network() {
        return Optional.ofNullable(network);
    }

    public NodeSettings settings() {
        return settings;
    }

    public Runtime runtime() {
        return runtime;
    }

    public Executive executive() {
        return executive;
    }

    public StoreChainBackend backend() {
        return backend;
    }

    public TransactionPool pool() {
        return pool;
    }

    public ChainNotifications notifications() {
        return notifications;
    }

    /** Returns the address the RPC server listens on. */
    public InetSocketAddress rpcAddress() {
        return rpcAddress;
    }

    /** Returns whether this node authors blocks. */
    public boolean isAuthority() {
        return author != null;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        timers.shutdownNow();
        rpc.close();
        FinalityService f = finality;
        if (f != null) {
            f.close();
        }
        NetworkService net = network;
        if (net != null) {
            net.close();
        }
        chainEvents.shutdown();
        try {
            chainEvents.awaitTermination(5, TimeUnit.SECONDS);
            timers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (importer) {
            store.close();
        }
        LOG.info("Node stopped; database closed");
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
