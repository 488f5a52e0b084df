package io.zklayer.node.service;

import io.zklayer.genesis.ChainSpec;
import io.zklayer.genesis.ChainSpecs;
import io.zklayer.genesis.ChainType;
import io.zklayer.node.cli.InvalidConfigException;
import io.zklayer.node.cli.Misbehaviour;
import io.zklayer.node.cli.NetworkFlags;
import io.zklayer.node.cli.NodeConfig;
import io.zklayer.node.cli.NodeLauncher;
import io.zklayer.node.cli.NodePaths;
import io.zklayer.node.network.NetworkSettings;
import io.zklayer.node.network.NodeKeys;
import io.zklayer.node.rpc.RpcServerConfig;
import io.zklayer.node.storage.Pruning;
import io.zklayer.node.worker.ModelShelf;
import io.zklayer.node.worker.PoolWorker;
import io.zklayer.node.worker.PoolWorkerLauncher;
import io.zklayer.p2p.multiaddr.Multiaddr;
import io.zklayer.p2p.peer.HostKey;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a node from the command line's {@link NodeConfig} until the process is asked to stop
 * (Ctrl-C, SIGTERM), then shuts down cleanly: RPC closed, authoring stopped, database closed, and
 * with {@code --tmp} the temporary base path deleted. Found by the CLI through
 * {@link java.util.ServiceLoader}.
 */
public final class ZklayerNodeLauncher implements NodeLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(ZklayerNodeLauncher.class);

    @Override
    public int run(NodeConfig cfg) throws Exception {
        ChainSpec spec = ChainSpecs.load(cfg.chain().preset().orElseGet(() -> cfg.chain().specFile().orElseThrow().toString()));
        Path base = cfg.basePath().isPresent() ? cfg.basePath().get() : NodePaths.createTemporary();
        NodePaths paths = NodePaths.of(base, spec.id());
        NodeSettings settings = settings(cfg, spec, paths);
        LOG.info("ZKLayer Node");
        LOG.info("✌️  version {}", io.zklayer.node.rpc.methods.RpcModules.class.getPackage().getImplementationVersion() == null
                ? "0.1.0-dev" : io.zklayer.node.rpc.methods.RpcModules.class.getPackage().getImplementationVersion());
        LOG.info("📋 Chain specification: {}", spec.name());
        LOG.info("🏷  Node name: {}", cfg.name());
        LOG.info("👤 Role: {}", settings.authoringKey().isPresent() ? "AUTHORITY" : "FULL");
        LOG.info("💾 Database: RocksDb at {}", paths.database());
        if (!settings.misbehave().isEmpty()) {
            LOG.warn("⚠️  MISBEHAVING ON PURPOSE (--unsafe-misbehave {}): this validator will equivocate and be reported"
                    + " and slashed by the others. Fault injection for tests on {} chains only.",
                    Misbehaviour.names(settings.misbehave()), spec.chainType().jsonName());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        ModelShelf shelf;
        try {
            shelf = prepareWorker(cfg, paths, cfg.basePath().isEmpty());
        } catch (RuntimeException e) {
            if (cfg.basePath().isEmpty()) {
                NodePaths.deleteTree(base);
            }
            throw e;
        }
        Node node = Node.start(settings);
        PoolWorker worker = shelf == null ? null : PoolWorkerLauncher.start(node, cfg.authoringKey().orElseThrow(), shelf);
        Thread hook = new Thread(() -> {
            LOG.info("Shutting down");
            if (worker != null) {
                worker.close();
            }
            node.close();
            if (cfg.basePath().isEmpty()) {
                try {
                    NodePaths.deleteTree(base);
                } catch (java.io.IOException e) {
                    LOG.warn("Could not delete the temporary base path {}: {}", base, e.getMessage());
                }
            }
            stopped.countDown();
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stopped.await();
        return 0;
    }

    // The pool worker (--pool-worker, on with --dev) proves with the node's authoring key; its provers are made
    // before the node starts, so it never misses an assignment while a proving key is being regenerated.
    private static ModelShelf prepareWorker(NodeConfig cfg, NodePaths paths, boolean temporaryBase) {
        if (!cfg.poolWorker()) {
            return null;
        }
        if (cfg.authoringKey().isEmpty()) {
            throw new IllegalStateException("--pool-worker needs the node's key to sign results: pass --validator --key <uri>");
        }
        Path models = cfg.modelDir().orElse(paths.chainDir().resolve("models"));
        Path keys = PoolWorkerLauncher.keyCache(paths.base(), temporaryBase, System.getenv(), System.getProperty("user.home"));
        LOG.info("🧮 Pool worker: preparing the provers of the models in {} before the node starts", models);
        return PoolWorkerLauncher.prepare(models, keys, cfg.dev(), cfg.prepareProvingKeys());
    }

    /** Turns the command line's settings into the node's. */
    static NodeSettings settings(NodeConfig cfg, ChainSpec spec, NodePaths paths) {
        var r = cfg.rpc();
        RpcServerConfig rpc = new RpcServerConfig(r.host(), r.port(), r.maxRequestBytes(), r.maxResponseBytes(),
                r.maxConnections(), r.maxSubscriptionsPerConnection(), 1000, r.allowUnsafe());
        Pruning pruning = cfg.statePruning().isArchive() ? Pruning.archive()
                : Pruning.keepLast(cfg.statePruning().keepBlocks().orElse(256));
        boolean dev = cfg.dev() || spec.chainType() == ChainType.DEVELOPMENT;
        Misbehaviour.checkAllowed(cfg.misbehave(), spec.chainType(), spec.id());
        return new NodeSettings(cfg.name(), spec, paths.database(), pruning, rpc,
                cfg.validator() ? cfg.authoringKey() : Optional.empty(), dev, Optional.of(network(cfg, spec, paths)),
                cfg.misbehave());
    }

    /**
     * Returns the networking settings: the node key from {@code --node-key}, {@code --node-key-file}
     * or {@code <base>/chains/<id>/network/secret_ed25519} (created on first start, so the peer id
     * survives restarts); listen addresses from {@code --listen-addr}, else {@code /ip4/0.0.0.0/tcp/<--port>};
     * bootnodes from the chain spec and {@code --bootnodes}.
     */
    static NetworkSettings network(NodeConfig cfg, ChainSpec spec, NodePaths paths) {
        NetworkFlags flags = cfg.network();
        HostKey key = flags.nodeKey().map(NodeKeys::fromHex).orElseGet(() -> NodeKeys.loadOrCreate(
                flags.nodeKeyFile().orElse(paths.network().resolve(NodeKeys.FILE_NAME)), new SecureRandom()));
        List<Multiaddr> listen = flags.listenAddresses().isEmpty()
                ? List.of(Multiaddr.parse("/ip4/0.0.0.0/tcp/" + cfg.p2pPort()))
                : flags.listenAddresses().stream().map(a -> NetworkFlags.parse("--listen-addr", a)).toList();
        List<Multiaddr> boot = new ArrayList<>();
        for (String b : spec.bootNodes()) {
            boot.add(NetworkFlags.parse("bootNodes of the chain spec", b));
        }
        for (String b : cfg.bootnodes()) {
            boot.add(NetworkFlags.parse("--bootnodes", b));
        }
        List<Multiaddr> reserved = flags.reservedNodes().stream().map(a -> NetworkFlags.parse("--reserved-nodes", a)).toList();
        try {
            return new NetworkSettings(key, listen, boot, reserved, cfg.validator(), NetworkSettings.DEFAULT_MAX_PEERS,
                    NetworkSettings.DEFAULT_BAN);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(e.getMessage(), e);
        }
    }
}
