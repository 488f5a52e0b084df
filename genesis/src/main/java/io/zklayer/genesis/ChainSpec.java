package io.zklayer.genesis;

import io.zklayer.primitives.types.H256;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A chain spec: what a node needs to join a chain, in Substrate's JSON layout.
 *
 * <pre>
 * {
 *   "name": "ZKLayer Development",
 *   "id": "dev",
 *   "chainType": "Development",
 *   "bootNodes": [],
 *   "telemetryEndpoints": null,
 *   "protocolId": "zkl",
 *   "properties": {"ss58Format": 42, "tokenDecimals": 12, "tokenSymbol": "ZKL"},
 *   "consensus": {"slotDurationMillis": 2000},
 *   "codeSubstitutes": {},
 *   "genesis": {"runtimeGenesis": {"config": {...}}}     or     {"raw": {"top": {...}, "childrenDefault": {}}}
 * }
 * </pre>
 *
 * <p>{@code consensus} is a ZKLayer extension field (see {@link ConsensusConfig} for why it is
 * there). {@code forkId} and {@code badBlocks} are Substrate fields kept when present;
 * {@code codeSubstitutes} must be empty because the runtime is native. Immutable; the constructor
 * checks every field and throws {@link ChainSpecException} naming the field's path.
 *
 * @param name the chain's human name, 1…128 characters without control characters
 * @param id the chain's id, also its directory name under the base path: 1…64 of {@code [A-Za-z0-9_-]}
 * @param chainType development, local or live
 * @param bootNodes multiaddrs with a {@code /p2p/<peer id>} part, such as
 *     {@code /ip4/127.0.0.1/tcp/30333/p2p/12D3KooW…}
 * @param telemetryEndpoints telemetry endpoints (written as {@code null} when empty)
 * @param protocolId the network protocol id (prefix of the chain's protocol names), if any
 * @param forkId Substrate's fork id, if any
 * @param properties token and address format
 * @param consensus the slot length, if given (every ZKLayer preset gives them)
 * @param badBlocks hashes of blocks the node must refuse (written only when non-empty)
 * @param genesis the genesis section, human or raw
 */
public record ChainSpec(String name, String id, ChainType chainType, List<String> bootNodes,
                        List<TelemetryEndpoint> telemetryEndpoints, Optional<String> protocolId, Optional<String> forkId,
                        ChainProperties properties, Optional<ConsensusConfig> consensus, List<H256> badBlocks,
                        SpecGenesis genesis) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern PROTOCOL_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern PEER_ID = Pattern.compile("[1-9A-HJ-NP-Za-km-z]{1,128}");
    /** The most characters a name may have. */
    public static final int MAX_NAME_LENGTH = 128;
    /** The most characters a boot node multiaddr may have. */
    public static final int MAX_MULTIADDR_LENGTH = 1024;

    /**
     * Copies the lists and checks every field.
     *
     * @throws ChainSpecException naming the path of the offending field
     */
    public ChainSpec {
        Objects.requireNonNull(chainType, "chainType");
        bootNodes = List.copyOf(bootNodes);
        telemetryEndpoints = List.copyOf(telemetryEndpoints);
        Objects.requireNonNull(protocolId, "protocolId");
        Objects.requireNonNull(forkId, "forkId");
        Objects.requireNonNull(properties, "properties");
        Objects.requireNonNull(consensus, "consensus");
        badBlocks = List.copyOf(badBlocks);
        Objects.requireNonNull(genesis, "genesis");
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw new ChainSpecException("name", "must be 1…" + MAX_NAME_LENGTH + " characters without control characters");
        }
        if (id == null || !ID.matcher(id).matches()) {
            throw new ChainSpecException("id", "must be 1…64 characters of [A-Za-z0-9_-] (it names the chain's data directory)");
        }
        for (int i = 0; i < bootNodes.size(); i++) {
            checkBootNode("bootNodes[" + i + "]", bootNodes.get(i));
        }
        protocolId.ifPresent(p -> {
            if (!PROTOCOL_ID.matcher(p).matches()) {
                throw new ChainSpecException("protocolId", "must be 1…32 characters of [A-Za-z0-9_-]");
            }
        });
        forkId.ifPresent(f -> {
            if (!PROTOCOL_ID.matcher(f).matches()) {
                throw new ChainSpecException("forkId", "must be 1…32 characters of [A-Za-z0-9_-]");
            }
        });
    }

    /** Returns whether the genesis is in raw form. */
    public boolean isRaw() {
        return genesis.isRaw();
    }

    /** Returns a copy with another genesis section. */
    public ChainSpec withGenesis(SpecGenesis newGenesis) {
        return new ChainSpec(name, id, chainType, bootNodes, telemetryEndpoints, protocolId, forkId, properties,
                consensus, badBlocks, newGenesis);
    }

    /** Returns a copy with other boot nodes (a launcher adds the first node's address). */
    public ChainSpec withBootNodes(List<String> newBootNodes) {
        return new ChainSpec(name, id, chainType, newBootNodes, telemetryEndpoints, protocolId, forkId, properties,
                consensus, badBlocks, genesis);
    }

    /**
     * Returns the raw form of this spec for the ZKLayer runtime (itself when already raw); see
     * {@link GenesisBuilder#toRaw(ChainSpec)}.
     */
    public ChainSpec toRaw() {
        return GenesisBuilder.zklayer().toRaw(this);
    }

    private static void checkBootNode(String path, String addr) {
        if (addr == null || addr.isEmpty() || addr.length() > MAX_MULTIADDR_LENGTH) {
            throw new ChainSpecException(path, "a multiaddr must be 1…" + MAX_MULTIADDR_LENGTH + " characters");
        }
        if (!addr.startsWith("/") || addr.endsWith("/") || addr.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
            throw new ChainSpecException(path, "'" + addr + "' is not a multiaddr (text form starts with '/', printable ASCII, no trailing '/')");
        }
        int p2p = addr.lastIndexOf("/p2p/");
        if (p2p < 0 || !PEER_ID.matcher(addr.substring(p2p + 5)).matches()) {
            throw new ChainSpecException(path, "'" + addr + "' must end with /p2p/<base58 peer id> so the node knows whom it dials");
        }
    }
}
