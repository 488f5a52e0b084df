package io.zklayer.node.cli;

import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.crypto.Ed25519KeyPair;
import io.zklayer.primitives.crypto.InvalidSecretException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/**
 * The options of {@code zklayer run} (also accepted by {@code zklayer} itself, so that
 * {@code zklayer --dev} starts a dev node as {@code polkadot --dev} does), and their translation into
 * a validated {@link NodeConfig}.
 *
 * <p>{@code --dev} mirrors Substrate: chain {@code dev} unless {@code --chain} is given,
 * {@code --tmp} unless {@code --base-path} is given, {@code --validator}, authoring key
 * {@code //Alice} unless {@code --key} is given; RPC stays on 127.0.0.1 where {@code auto} means
 * unsafe methods, so key insertion works. Without {@code --dev} the chain is {@code local}.
 */
public final class RunOptions {
    @Option(names = "--dev", order = 1, description = "Run a development chain: --chain dev, --tmp (unless --base-path),"
            + " --validator, --key //Alice (unless --key), unsafe RPC methods on 127.0.0.1.")
    boolean dev;

    @Option(names = "--chain", order = 2, paramLabel = "<preset|file>",
            description = "Chain preset (dev, local) or chain spec JSON file. Default: local, or dev with --dev.")
    String chain;

    @Option(names = {"-d", "--base-path"}, order = 3, paramLabel = "<dir>",
            description = "Where chains keep their data, in <dir>/chains/<chain id>/{db,keystore,network}."
                    + " Default: $XDG_DATA_HOME/zklayer or ~/.local/share/zklayer.")
    Path basePath;

    @Option(names = "--tmp", order = 4, description = "Keep all data in a fresh temporary directory, deleted on exit.")
    boolean tmp;

    @Option(names = "--name", order = 5, paramLabel = "<name>",
            description = "Human-readable node name (at most 64 characters, no dots). Default: a generated name.")
    String name;

    @Option(names = "--validator", order = 6, description = "Author blocks and vote on finality.")
    boolean validator;

    @Option(names = "--key", order = 7, paramLabel = "<secret-uri>",
            description = "Block authoring key as a secret URI (phrase, 0x seed, //Alice…). Needs --validator."
                    + " Default: the keystore; //Alice with --dev.")
    String key;

    @Option(names = "--rpc-port", order = 10, paramLabel = "<port>", defaultValue = "" + RpcSettings.DEFAULT_PORT,
            description = "JSON-RPC port for HTTP and WebSocket. Default: ${DEFAULT-VALUE}.")
    int rpcPort;

    @Option(names = "--rpc-external", order = 11,
            description = "Listen for RPC on all interfaces. A validator also needs --unsafe-rpc-external or"
                    + " --rpc-methods unsafe to confirm.")
    boolean rpcExternal;

    @Option(names = "--unsafe-rpc-external", order = 12,
            description = "Listen for RPC on all interfaces, knowingly, even as a validator.")
    boolean unsafeRpcExternal;

    @Option(names = "--rpc-methods", order = 13, paramLabel = "<auto|safe|unsafe>", defaultValue = "auto",
            description = "Which RPC methods to answer; auto = safe when external, unsafe on 127.0.0.1. Default: ${DEFAULT-VALUE}.")
    String rpcMethods;

    @Option(names = "--rpc-max-connections", order = 14, paramLabel = "<n>",
            defaultValue = "" + RpcSettings.DEFAULT_MAX_CONNECTIONS,
            description = "Most simultaneous RPC connections. Default: ${DEFAULT-VALUE}.")
    int rpcMaxConnections;

    @Option(names = "--rpc-max-request-size", order = 15, paramLabel = "<MiB>",
            defaultValue = "" + RpcSettings.DEFAULT_MAX_SIZE_MIB,
            description = "Largest RPC request, in MiB. Default: ${DEFAULT-VALUE}.")
    int rpcMaxRequestSize;

    @Option(names = "--rpc-max-response-size", order = 16, paramLabel = "<MiB>",
            defaultValue = "" + RpcSettings.DEFAULT_MAX_SIZE_MIB,
            description = "Largest RPC response, in MiB. Default: ${DEFAULT-VALUE}.")
    int rpcMaxResponseSize;

    @Option(names = "--rpc-max-subscriptions-per-connection", order = 17, paramLabel = "<n>",
            defaultValue = "" + RpcSettings.DEFAULT_MAX_SUBSCRIPTIONS,
            description = "Most live subscriptions per WebSocket connection. Default: ${DEFAULT-VALUE}.")
    int rpcMaxSubscriptions;

    @Option(names = "--port", order = 20, paramLabel = "<port>", defaultValue = "" + NodeConfig.DEFAULT_P2P_PORT,
            description = "libp2p TCP port. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--bootnodes", order = 21, paramLabel = "<multiaddr>", split = ",", arity = "1..*",
            description = "Peers to dial at start: multiaddrs ending in /p2p/<peer id>.")
    List<String> bootnodes = new ArrayList<>();

    @Option(names = "--node-key", order = 30, paramLabel = "<hex>",
            description = "The libp2p identity: a 32-byte Ed25519 secret as 64 hex digits. Default: the key in"
                    + " <base>/chains/<id>/network/secret_ed25519, created on first start.")
    String nodeKey;

    @Option(names = "--node-key-file", order = 31, paramLabel = "<file>",
            description = "File holding the libp2p secret (32 raw bytes or 64 hex digits); created when missing.")
    Path nodeKeyFile;

    @Option(names = "--listen-addr", order = 32, paramLabel = "<multiaddr>", split = ",", arity = "1..*",
            description = "Where to listen for peers, e.g. /ip4/127.0.0.1/tcp/30333 (overrides --port)."
                    + " Default: /ip4/0.0.0.0/tcp/<--port>.")
    List<String> listenAddr = new ArrayList<>();

    @Option(names = "--reserved-nodes", order = 33, paramLabel = "<multiaddr>", split = ",", arity = "1..*",
            description = "Peers to keep connected at all times: multiaddrs ending in /p2p/<peer id>.")
    List<String> reservedNodes = new ArrayList<>();

    @Option(names = "--state-pruning", order = 22, paramLabel = "<N|archive>", defaultValue = "" + StatePruning.DEFAULT_KEEP,
            description = "Keep the state of the last N blocks, or of all (archive). Default: ${DEFAULT-VALUE}.")
    String statePruning;

    @Option(names = {"-l", "--log"}, order = 23, paramLabel = "<target=level,...>",
            description = "Log levels: 'debug', or 'txpool=debug,rpc=warn' (short targets are io.zklayer.node.<target>).")
    List<String> log = new ArrayList<>();

    @Option(names = "--prometheus-port", order = 24, paramLabel = "<port>",
            defaultValue = "" + NodeConfig.DEFAULT_PROMETHEUS_PORT,
            description = "Prometheus metrics port. Default: ${DEFAULT-VALUE}.")
    int prometheusPort;

    @Option(names = "--no-prometheus", order = 25, description = "Do not expose Prometheus metrics.")
    boolean noPrometheus;

    @Option(names = "--pool-worker", order = 26,
            description = {"Run the pool worker: execute and prove the workloads assigned to this node (its key: --key).",
                    "On by default with --dev (//Alice's node serves the digits model)."})
    boolean poolWorker;

    @Option(names = "--no-pool-worker", order = 26,
            description = "Do not run the pool worker, not even with --dev (a chain that only authors blocks; it starts at once).")
    boolean noPoolWorker;

    @Option(names = "--model-dir", order = 27, paramLabel = "<dir>",
            description = "Directory of model artifacts for the pool worker. Default: <base>/chains/<chain id>/models.")
    Path modelDir;

    @Option(names = "--pool-worker-prepare-keys", order = 28, arity = "1", paramLabel = "<true|false>",
            description = {"Prepare each served model's proving key once for faster proofs (digits: about 6 %; a table of 1,620 bytes per"
                    + " domain point: 53 MB for digits), while the tables fit in a quarter of the heap. Default: true."})
    Boolean poolWorkerPrepareKeys;

    @Option(names = "--unsafe-misbehave", order = 40, paramLabel = "<double-author|double-vote>", split = ",",
            description = {"Fault injection for tests, on Development and Local chains only: double-author seals two"
                    + " blocks in each of this validator's slots, double-vote signs two conflicting prevotes and precommits"
                    + " in each finality round. The other validators report it and it is slashed. Needs --validator."})
    List<String> misbehave = new ArrayList<>();

    /**
     * Returns the validated configuration these options describe, with {@code --dev} expanded and
     * {@code --rpc-methods auto} resolved.
     *
     * @throws InvalidConfigException naming the first flag whose value breaks a rule
     */
    public NodeConfig toConfig(CliEnvironment env) {
        if (tmp && basePath != null) {
            throw new InvalidConfigException("--tmp and --base-path exclude each other: --tmp makes a fresh temporary base path");
        }
        ChainSelection chainSelection = ChainSelection.resolve(chain != null ? chain
                : dev ? ChainSelection.DEV : ChainSelection.LOCAL);
        Optional<Path> base = (tmp || (dev && basePath == null))
                ? Optional.empty()
                : Optional.of((basePath != null ? basePath : env.defaultBasePath()).toAbsolutePath().normalize());
        boolean isValidator = validator || dev;
        Optional<Ed25519KeyPair> authoringKey = key != null ? Optional.of(parseKey(key))
                : dev ? Optional.of(DevAccounts.ALICE.keyPair()) : Optional.empty();
        String nodeName = name != null ? name : NodeNameGenerator.generate(env.random());
        RpcSettings rpc = rpcSettings(isValidator);
        OptionalInt prometheus = noPrometheus ? OptionalInt.empty() : OptionalInt.of(prometheusPort);
        if (modelDir != null && !Files.isDirectory(modelDir)) {
            throw new InvalidConfigException("--model-dir " + modelDir + " is not a directory");
        }
        Optional<Path> models = Optional.ofNullable(modelDir).map(p -> p.toAbsolutePath().normalize());
        if (poolWorker && noPoolWorker) {
            throw new InvalidConfigException("--pool-worker and --no-pool-worker exclude each other");
        }
        boolean runsPoolWorker = (poolWorker || dev) && !noPoolWorker;
        if (poolWorkerPrepareKeys != null && !runsPoolWorker) {
            throw new InvalidConfigException("--pool-worker-prepare-keys is read by the pool worker only; add --pool-worker");
        }
        NetworkFlags network = new NetworkFlags(Optional.ofNullable(nodeKey),
                Optional.ofNullable(nodeKeyFile).map(p -> p.toAbsolutePath().normalize()), listenAddr, reservedNodes);
        java.util.Set<Misbehaviour> misbehaviour = Misbehaviour.parse(misbehave);
        if (!misbehaviour.isEmpty() && !isValidator) {
            throw new InvalidConfigException("--unsafe-misbehave needs --validator: only a validator can equivocate");
        }
        return new NodeConfig(chainSelection, base, nodeName, dev, isValidator, authoringKey, rpc, port, bootnodes,
                StatePruning.parse(statePruning), LogDirectives.parse(log), prometheus, runsPoolWorker,
                models, network, misbehaviour, poolWorkerPrepareKeys == null || poolWorkerPrepareKeys);
    }

    // Substrate's rpc_interface rules: a validator must opt in to an external RPC port, and auto
    // means safe on an external interface and unsafe on loopback.
    private RpcSettings rpcSettings(boolean isValidator) {
        RpcMethodsPolicy policy = RpcMethodsPolicy.parse(rpcMethods);
        boolean external = rpcExternal || unsafeRpcExternal;
        if (rpcExternal && !unsafeRpcExternal && isValidator && policy != RpcMethodsPolicy.UNSAFE) {
            throw new InvalidConfigException("--rpc-external should not be used on a validator (exposing its RPC invites"
                    + " attacks); use --unsafe-rpc-external or --rpc-methods unsafe if you understand the risks");
        }
        boolean allowUnsafe = policy == RpcMethodsPolicy.UNSAFE || (policy == RpcMethodsPolicy.AUTO && !external);
        return new RpcSettings(rpcPort, external, policy, allowUnsafe, rpcMaxConnections, rpcMaxRequestSize,
                rpcMaxResponseSize, rpcMaxSubscriptions);
    }

    private static Ed25519KeyPair parseKey(String uri) {
        try {
            return Ed25519KeyPair.fromSecretUri(uri);
        } catch (InvalidSecretException e) {
            throw new InvalidConfigException("--key: " + e.getMessage(), e);
        }
    }
}
