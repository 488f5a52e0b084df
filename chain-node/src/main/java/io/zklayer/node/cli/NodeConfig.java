package io.zklayer.node.cli;

import io.zklayer.primitives.crypto.Ed25519KeyPair;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Everything {@code zklayer run} was told, validated and with {@code --dev} expanded: the input of
 * the node service ({@link NodeLauncher}).
 *
 * <p>{@code zklayer --dev} gives chain {@code dev}, a temporary base path, {@code validator},
 * authoring key {@code //Alice} and unsafe RPC methods on 127.0.0.1:9944; see
 * {@link RunOptions} for each flag and its default.
 *
 * @param chain the chain preset or spec file and its id
 * @param basePath the data directory; empty for {@code --tmp}, where the node makes a fresh
 *     temporary directory and deletes it on exit ({@link NodePaths#createTemporary()})
 * @param name the node's name shown to peers and telemetry
 * @param dev whether {@code --dev} was given
 * @param validator whether the node authors blocks and votes on finality
 * @param authoringKey the key the validator signs with, when given by {@code --key} (or {@code //Alice}
 *     under {@code --dev}); empty means the keystore under the base path
 * @param rpc the JSON-RPC server settings
 * @param p2pPort the libp2p TCP port (30333; 0 picks a free one)
 * @param bootnodes multiaddrs of peers to dial at start, each ending in {@code /p2p/<peer id>}
 * @param statePruning how much old state to keep
 * @param log the {@code --log} directives
 * @param prometheusPort the metrics port; empty with {@code --no-prometheus}
 * @param poolWorker whether to run the pool worker that proves assigned workloads
 * @param modelDir where the pool worker finds model artifacts
 * @param network the other libp2p flags: node key, listen addresses, reserved nodes
 * @param misbehave the faults to inject on purpose ({@code --unsafe-misbehave}, test chains only); empty for an
 *     honest node
 * @param prepareProvingKeys whether the pool worker prepares its proving keys for repeated proofs
 *     ({@code --pool-worker-prepare-keys}, default true)
 */
public record NodeConfig(ChainSelection chain, Optional<Path> basePath, String name, boolean dev, boolean validator,
                         Optional<Ed25519KeyPair> authoringKey, RpcSettings rpc, int p2pPort, List<String> bootnodes,
                         StatePruning statePruning, LogDirectives log, OptionalInt prometheusPort, boolean poolWorker,
                         Optional<Path> modelDir, NetworkFlags network, java.util.Set<Misbehaviour> misbehave,
                         boolean prepareProvingKeys) {
    /** Substrate's default libp2p port. */
    public static final int DEFAULT_P2P_PORT = 30333;
    /** Substrate's default Prometheus port. */
    public static final int DEFAULT_PROMETHEUS_PORT = 9615;
    /** The longest node name, as in Substrate. */
    public static final int MAX_NAME_LENGTH = 64;

    // A multiaddr of /protocol/value pairs that ends with the peer id (base58btc multihash, for
    // example 12D3KooW… or Qm…): /ip4/127.0.0.1/tcp/30333/p2p/12D3KooW….
    private static final Pattern BOOTNODE =
            Pattern.compile("(/[a-z0-9-]+/[^/\\s]+)+/p2p/[1-9A-HJ-NP-Za-km-z]{10,128}");

    /** Checks the cross-field rules: ports, name, key needs validator, distinct ports. */
    public NodeConfig {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(basePath, "basePath");
        Objects.requireNonNull(authoringKey, "authoringKey");
        Objects.requireNonNull(rpc, "rpc");
        Objects.requireNonNull(statePruning, "statePruning");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(prometheusPort, "prometheusPort");
        Objects.requireNonNull(modelDir, "modelDir");
        Objects.requireNonNull(network, "network");
        misbehave = misbehave.isEmpty() ? java.util.Set.of() : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(misbehave));
        bootnodes = List.copyOf(bootnodes);
        checkName(name);
        for (String bootnode : bootnodes) {
            if (!BOOTNODE.matcher(bootnode).matches()) {
                throw new InvalidConfigException("--bootnodes: '" + bootnode + "' is not a multiaddr ending in /p2p/<peer id>"
                        + " (for example /ip4/127.0.0.1/tcp/30333/p2p/12D3KooW…)");
            }
        }
        InvalidConfigException.checkPort("--port", p2pPort);
        prometheusPort.ifPresent(p -> InvalidConfigException.checkPort("--prometheus-port", p));
        if (authoringKey.isPresent() && !validator) {
            throw new InvalidConfigException("--key is the block authoring key and needs --validator");
        }
        if (p2pPort != 0 && p2pPort == rpc.port()) {
            throw new InvalidConfigException("--port and --rpc-port are both " + p2pPort + "; each needs its own port");
        }
        if (prometheusPort.isPresent() && prometheusPort.getAsInt() != 0) {
            int p = prometheusPort.getAsInt();
            if (p == rpc.port() || p == p2pPort) {
                throw new InvalidConfigException("--prometheus-port " + p + " is already taken by "
                        + (p == rpc.port() ? "--rpc-port" : "--port") + " (or pass --no-prometheus)");
            }
        }
        if (modelDir.isPresent() && !poolWorker) {
            throw new InvalidConfigException("--model-dir is read by the pool worker only; add --pool-worker");
        }
        if (!misbehave.isEmpty() && !validator) {
            throw new InvalidConfigException("--unsafe-misbehave needs --validator: only a validator can equivocate");
        }
    }

    /** Returns the configuration with the pool worker's default of prepared proving keys. */
    public NodeConfig(ChainSelection chain, Optional<Path> basePath, String name, boolean dev, boolean validator,
                      Optional<Ed25519KeyPair> authoringKey, RpcSettings rpc, int p2pPort, List<String> bootnodes,
                      StatePruning statePruning, LogDirectives log, OptionalInt prometheusPort, boolean poolWorker,
                      Optional<Path> modelDir, NetworkFlags network, java.util.Set<Misbehaviour> misbehave) {
        this(chain, basePath, name, dev, validator, authoringKey, rpc, p2pPort, bootnodes, statePruning, log,
                prometheusPort, poolWorker, modelDir, network, misbehave, true);
    }

    /** Returns the configuration of an honest node (no {@code --unsafe-misbehave}). */
    public NodeConfig(ChainSelection chain, Optional<Path> basePath, String name, boolean dev, boolean validator,
                      Optional<Ed25519KeyPair> authoringKey, RpcSettings rpc, int p2pPort, List<String> bootnodes,
                      StatePruning statePruning, LogDirectives log, OptionalInt prometheusPort, boolean poolWorker,
                      Optional<Path> modelDir, NetworkFlags network) {
        this(chain, basePath, name, dev, validator, authoringKey, rpc, p2pPort, bootnodes, statePruning, log,
                prometheusPort, poolWorker, modelDir, network, java.util.Set.of());
    }

    /** Returns whether the node keeps its data in a temporary directory ({@code --tmp}). */
    public boolean isTemporary() {
        return basePath.isEmpty();
    }

    /** Returns whether the Prometheus exporter runs. */
    public boolean prometheusEnabled() {
        return prometheusPort.isPresent();
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidConfigException("--name must not be empty");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidConfigException("--name must be at most " + MAX_NAME_LENGTH + " characters, got " + name.length());
        }
        if (name.contains(".")) {
            throw new InvalidConfigException("--name must not contain '.' (telemetry uses dots as separators)");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw new InvalidConfigException("--name must not contain control characters (position " + i + ")");
            }
        }
    }
}
