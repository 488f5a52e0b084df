package io.zklayer.node.rpc.methods;

import io.zklayer.genesis.ChainType;
import io.zklayer.node.network.NetworkService;
import io.zklayer.node.rpc.RpcErrorCode;
import io.zklayer.node.rpc.RpcException;
import io.zklayer.node.rpc.RpcMethod;
import io.zklayer.node.rpc.RpcRegistry;
import io.zklayer.node.service.Node;
import io.zklayer.pallets.system.SystemStorage;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.crypto.Ss58;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.UncheckedExtrinsic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code system_*} methods: node and chain identity, health and peers (from the network service),
 * sync state, and the next nonce of an account. {@code system_peers} is unsafe, as in Substrate.
 */
final class SystemRpc {
    /** The implementation name {@code system_name} reports. */
    static final String IMPL_NAME = "ZKLayer Node";

    private SystemRpc() {}

    static void register(RpcRegistry r, Node node) {
        r.add(RpcMethod.of("system_name", List.of(), p -> IMPL_NAME));
        r.add(RpcMethod.of("system_version", List.of(), p -> version()));
        r.add(RpcMethod.of("system_chain", List.of(), p -> node.settings().spec().name()));
        r.add(RpcMethod.of("system_chainType", List.of(), p -> node.settings().spec().chainType().jsonName()));
        r.add(RpcMethod.of("system_properties", List.of(), p -> {
            var props = node.settings().spec().properties();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ss58Format", props.ss58Format());
            out.put("tokenDecimals", props.tokenDecimals());
            out.put("tokenSymbol", props.tokenSymbol());
            return out;
        }));
        r.add(RpcMethod.of("system_health", List.of(), p -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("peers", node.network().map(NetworkService::peerCount).orElse(0));
            out.put("isSyncing", node.network().map(NetworkService::isMajorSyncing).orElse(false));
            out.put("shouldHavePeers", node.settings().spec().chainType() != ChainType.DEVELOPMENT);
            return out;
        }));
        r.add(RpcMethod.of("system_localPeerId", List.of(), p -> network(node).localPeerId().toBase58()));
        r.add(RpcMethod.of("system_localListenAddresses", List.of(), p ->
                network(node).listenAddresses().stream().map(Object::toString).toList()));
        r.add(RpcMethod.of("system_nodeRoles", List.of(), p -> List.of(node.isAuthority() ? "Authority" : "Full")));
        r.add(RpcMethod.unsafe("system_peers", List.of(), p -> network(node).peerInfos().stream().map(peer -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("peerId", peer.peerId());
            out.put("roles", peer.roles());
            out.put("bestHash", peer.bestHash());
            out.put("bestNumber", peer.bestNumber());
            return out;
        }).toList()));
        r.add(RpcMethod.of("system_syncState", List.of(), p -> {
            long best = node.backend().best().number();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("startingBlock", node.network().map(NetworkService::syncStartingBlock).orElse(best));
            out.put("currentBlock", best);
            out.put("highestBlock", Math.max(best, node.network().map(NetworkService::highestPeerBlock).orElse(best)));
            return out;
        }));
        r.add(RpcMethod.of("system_accountNextIndex", List.of("account"), p -> nextIndex(node, account(p))));
    }

    private static NetworkService network(Node node) {
        return node.network().orElseThrow(() -> new RpcException(RpcErrorCode.INTERNAL_ERROR,
                "this node runs without networking"));
    }

    static AccountId32 account(io.zklayer.node.rpc.RpcParams p) {
        String text = p.string(0);
        try {
            if (Hex.isPrefixedHex(text)) {
                return AccountId32.of(Hex.decode(text));
            }
            return AccountId32.of(Ss58.decode(text).account());
        } catch (RuntimeException e) {
            throw p.invalid(0, "not an SS58 address or 0x-hex account id: " + e.getMessage());
        }
    }

    /** The account's nonce on the best block, raised past every pool transaction it sent. */
    static long nextIndex(Node node, AccountId32 who) {
        long nonce = SystemStorage.ACCOUNT.get(node.backend().stateAt(node.backend().best().hash()), who).nonce();
        for (byte[] xt : node.pool().pending()) {
            try {
                UncheckedExtrinsic x = UncheckedExtrinsic.CODEC.decode(xt);
                if (x.signature().isPresent()
                        && x.signature().get().signer() instanceof io.zklayer.primitives.types.MultiAddress.Id id
                        && id.account().equals(who) && x.signature().get().extra().nonce() == nonce) {
                    nonce++;
                }
            } catch (RuntimeException e) {
                // the pool holds only decodable extrinsics; skip defensively
            }
        }
        return nonce;
    }

    static String version() {
        String v = SystemRpc.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-dev" : v;
    }
}
