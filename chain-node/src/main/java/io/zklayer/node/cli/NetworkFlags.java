package io.zklayer.node.cli;

import io.zklayer.node.network.NodeKeys;
import io.zklayer.p2p.multiaddr.Multiaddr;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The libp2p flags of {@code zklayer run} beyond {@code --port} and {@code --bootnodes}, checked:
 * {@code --node-key <hex>} or {@code --node-key-file <file>} (the identity; default
 * {@code <base>/chains/<id>/network/secret_ed25519}, created on first start),
 * {@code --listen-addr <multiaddr>} (overrides {@code --port}) and {@code --reserved-nodes
 * <multiaddr/p2p/id>} (kept connected).
 *
 * @param nodeKey the 32-byte Ed25519 secret as 64 hex digits, if given
 * @param nodeKeyFile a file holding the secret, if given (created when missing)
 * @param listenAddresses TCP multiaddrs to listen on; empty means {@code /ip4/0.0.0.0/tcp/<--port>}
 * @param reservedNodes multiaddrs ending in {@code /p2p/<peer id>} to keep connected
 */
public record NetworkFlags(Optional<String> nodeKey, Optional<Path> nodeKeyFile, List<String> listenAddresses,
                           List<String> reservedNodes) {
    /** No flags: a fresh or stored key, the default listen address, no reserved nodes. */
    public static final NetworkFlags DEFAULTS = new NetworkFlags(Optional.empty(), Optional.empty(), List.of(), List.of());

    /** Checks each flag's value. */
    public NetworkFlags {
        Objects.requireNonNull(nodeKey, "nodeKey");
        Objects.requireNonNull(nodeKeyFile, "nodeKeyFile");
        listenAddresses = List.copyOf(listenAddresses);
        reservedNodes = List.copyOf(reservedNodes);
        if (nodeKey.isPresent() && nodeKeyFile.isPresent()) {
            throw new InvalidConfigException("--node-key and --node-key-file exclude each other: give the key one way");
        }
        nodeKey.ifPresent(k -> {
            try {
                NodeKeys.fromHex(k);
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException("--node-key: " + e.getMessage(), e);
            }
        });
        for (String a : listenAddresses) {
            Multiaddr m = parse("--listen-addr", a);
            try {
                m.toTcpSocketAddress();
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException("--listen-addr: '" + a + "' is not an /ip4 or /ip6 address with /tcp/<port>", e);
            }
        }
        for (String a : reservedNodes) {
            if (parse("--reserved-nodes", a).peerId().isEmpty()) {
                throw new InvalidConfigException("--reserved-nodes: '" + a + "' must end in /p2p/<peer id>");
            }
        }
    }

    /**
     * Parses a multiaddr flag value.
     *
     * @throws InvalidConfigException naming the flag when the value is not a multiaddr
     */
    public static Multiaddr parse(String flag, String value) {
        try {
            Multiaddr m = Multiaddr.parse(value);
            m.peerId();
            return m;
        } catch (RuntimeException e) {
            throw new InvalidConfigException(flag + ": '" + value + "' is not a valid multiaddr: " + e.getMessage(), e);
        }
    }
}
