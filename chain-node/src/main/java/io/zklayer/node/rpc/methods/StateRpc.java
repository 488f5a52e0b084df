package io.zklayer.node.rpc.methods;

import com.fasterxml.jackson.databind.JsonNode;
import io.zklayer.node.rpc.RpcErrorCode;
import io.zklayer.node.rpc.RpcException;
import io.zklayer.node.rpc.RpcMethod;
import io.zklayer.node.rpc.RpcParams;
import io.zklayer.node.rpc.RpcRegistry;
import io.zklayer.node.rpc.SubscriptionMethod;
import io.zklayer.node.service.Node;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.hashing.Hashing;
import io.zklayer.primitives.trie.ReadProofs;
import io.zklayer.primitives.trie.TrieEntry;
import io.zklayer.primitives.trie.TrieState;
import io.zklayer.primitives.types.H256;
import io.zklayer.runtime.api.RuntimeApiException;
import io.zklayer.runtime.api.RuntimeApis;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code state_*} methods: storage reads, key paging, read proofs, runtime version and
 * metadata, runtime API calls ({@code state_call}), subscriptions.
 */
final class StateRpc {
    /** The most keys {@code state_getKeysPaged} returns at once, as Substrate. */
    static final int MAX_KEYS_PAGE = 1000;
    /** The most keys one storage query or subscription may name. */
    static final int MAX_QUERY_KEYS = 1000;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StateRpc.class);

    private StateRpc() {}

    static void register(RpcRegistry r, Node node) {
        RuntimeApis apis = new RuntimeApis(node.executive());
        apis.metadataProblem().ifPresent(problem -> LOG.error("Runtime metadata unavailable (state_getMetadata and the "
                + "Metadata runtime API will fail, clients such as @polkadot/api cannot connect): {}", problem));
        r.add(RpcMethod.of("state_getMetadata", List.of("at"), p -> {
            BlockRefs.at(p, 0, node);
            return Hex.encode(apis.metadataBytes());
        }));
        r.add(RpcMethod.of("state_call", List.of("name", "bytes", "at"), p -> {
            String method = p.string(0);
            byte[] input = p.hex(1);
            H256 at = BlockRefs.at(p, 2, node);
            long number = node.backend().header(at).orElseThrow().number();
            try {
                return Hex.encode(apis.call(method, input, new RuntimeApis.At(BlockRefs.state(node, at), at, number)));
            } catch (RuntimeApiException e) {
                throw new RpcException(RpcErrorCode.STATE_ERROR, "Client error: Execution failed: " + e.getMessage(), null);
            }
        }));
        r.add(RpcMethod.of("state_getStorage", List.of("key", "at"), p ->
                value(node, p).map(Hex::encode).orElse(null)));
        r.add(RpcMethod.of("state_getStorageHash", List.of("key", "at"), p ->
                value(node, p).map(v -> Hex.encode(Hashing.blake2b256(v))).orElse(null)));
        r.add(RpcMethod.of("state_getStorageSize", List.of("key", "at"), p ->
                value(node, p).map(v -> (Object) v.length).orElse(null)));
        r.add(RpcMethod.of("state_getKeysPaged", List.of("prefix", "count", "startKey", "at"), p -> {
            byte[] prefix = p.has(0) ? p.hex(0) : new byte[0];
            long count = p.unsignedLong(1);
            if (count > MAX_KEYS_PAGE) {
                throw p.invalid(1, "count " + count + " exceeds the maximum of " + MAX_KEYS_PAGE);
            }
            byte[] start = p.has(2) ? p.hex(2) : null;
            TrieState state = BlockRefs.state(node, BlockRefs.at(p, 3, node));
            List<String> keys = new ArrayList<>();
            Iterator<TrieEntry> it = state.iterator(prefix);
            while (it.hasNext() && keys.size() < count) {
                byte[] k = it.next().key();
                if (start == null || Arrays.compareUnsigned(k, start) > 0) {
                    keys.add(Hex.encode(k));
                }
            }
            return keys;
        }));
        r.add(RpcMethod.of("state_queryStorageAt", List.of("keys", "at"), p -> {
            List<byte[]> keys = keys(p, 0);
            H256 at = BlockRefs.at(p, 1, node);
            TrieState state = BlockRefs.state(node, at);
            List<List<String>> changes = new ArrayList<>();
            for (byte[] k : keys) {
                changes.add(Arrays.asList(Hex.encode(k), state.get(k).map(Hex::encode).orElse(null)));
            }
            Map<String, Object> set = new LinkedHashMap<>();
            set.put("block", at.toHex());
            set.put("changes", changes);
            return List.of(set);
        }));
        r.add(RpcMethod.of("state_getReadProof", List.of("keys", "at"), p -> {
            List<byte[]> keys = keys(p, 0);
            H256 at = BlockRefs.at(p, 1, node);
            byte[] root = node.backend().header(at).orElseThrow().stateRoot().bytes();
            var proof = ReadProofs.generate(node.backend().store().nodeStore(), root, keys);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("at", at.toHex());
            out.put("proof", proof.nodes().stream().map(Hex::encode).toList());
            return out;
        }));
        r.add(RpcMethod.of("state_getRuntimeVersion", List.of("at"), p -> {
            BlockRefs.at(p, 0, node);
            return JsonShapes.runtimeVersion(node.runtime().version());
        }));
        r.add(SubscriptionMethod.of("state_subscribeRuntimeVersion", "state_unsubscribeRuntimeVersion",
                "state_runtimeVersion", List.of(), (p, sink) -> {
                    sink.send(JsonShapes.runtimeVersion(node.runtime().version()));
                    return () -> { };
                }));
        r.add(SubscriptionMethod.of("state_subscribeStorage", "state_unsubscribeStorage", "state_storage",
                List.of("keys"), (p, sink) -> {
                    List<byte[]> keys = keys(p, 0);
                    Map<String, String> last = new LinkedHashMap<>();
                    H256 best = node.backend().best().hash();
                    TrieState state = node.backend().stateAt(best);
                    List<List<String>> initial = new ArrayList<>();
                    for (byte[] k : keys) {
                        String v = state.get(k).map(Hex::encode).orElse(null);
                        last.put(Hex.encode(k), v);
                        initial.add(Arrays.asList(Hex.encode(k), v));
                    }
                    sink.send(Map.of("block", best.toHex(), "changes", initial));
                    Runnable stop = node.notifications().onBest(block -> {
                        H256 hash = block.header().hash();
                        TrieState s = node.backend().stateAt(hash);
                        List<List<String>> changed = new ArrayList<>();
                        for (byte[] k : keys) {
                            String key = Hex.encode(k);
                            String v = s.get(k).map(Hex::encode).orElse(null);
                            if (!java.util.Objects.equals(v, last.get(key))) {
                                last.put(key, v);
                                changed.add(Arrays.asList(key, v));
                            }
                        }
                        if (!changed.isEmpty()) {
                            sink.send(Map.of("block", hash.toHex(), "changes", changed));
                        }
                    });
                    return stop::run;
                }));
    }

    private static Optional<byte[]> value(Node node, RpcParams p) {
        byte[] key = p.hex(0);
        return BlockRefs.state(node, BlockRefs.at(p, 1, node)).get(key);
    }

    private static List<byte[]> keys(RpcParams p, int index) {
        JsonNode arr = p.array(index);
        if (arr.size() > MAX_QUERY_KEYS) {
            throw p.invalid(index, arr.size() + " keys exceed the maximum of " + MAX_QUERY_KEYS);
        }
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            JsonNode k = arr.get(i);
            if (!k.isTextual() || !Hex.isPrefixedHex(k.asText())) {
                throw p.invalid(index, "key " + i + " is not 0x-prefixed hex");
            }
            out.add(Hex.decode(k.asText()));
        }
        return out;
    }
}
