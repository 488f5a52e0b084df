package io.zklayer.node.rpc.methods;

import io.zklayer.node.rpc.RpcMethod;
import io.zklayer.node.rpc.RpcRegistry;
import io.zklayer.node.service.Node;
import io.zklayer.pallets.inference.InferenceStorage;
import io.zklayer.pallets.pools.PoolsStorage;
import io.zklayer.pallets.session.SessionPallet;
import io.zklayer.primitives.trie.TrieState;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.H256;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The market's {@code zklayer_*} methods, each with an optional {@code at} block hash (default: best):
 * <ul>
 *   <li>{@code zklayer_workload(id, at?)}: one workload with its status ({@link MarketJson}), or null;</li>
 *   <li>{@code zklayer_pool(model, at?)}: the nodes serving {@code model} in the current epoch with
 *       their capacity, {@code {"model": 0, "epoch": 3, "nodes": [...]}};</li>
 *   <li>{@code zklayer_nodes(at?)}: every registered node (pending, active, leaving), with its
 *       capacity in the current epoch when active and its record of results.</li>
 * </ul>
 */
final class MarketRpc {
    /** The most nodes {@code zklayer_nodes} lists (the pools pallet bounds registrations far below). */
    static final int MAX_NODES = 10_000;

    private MarketRpc() {}

    static void register(RpcRegistry r, Node node) {
        r.add(RpcMethod.of("zklayer_workload", List.of("id", "at"), p -> {
            long id = p.unsignedLong(0);
            TrieState s = BlockRefs.state(node, BlockRefs.at(p, 1, node));
            return InferenceStorage.WORKLOADS.getOptional(s, id).map(w -> MarketJson.workload(node, id, w)).orElse(null);
        }));
        r.add(RpcMethod.of("zklayer_pool", List.of("model", "at"), p -> {
            long model = p.unsignedLong(0);
            if (model > 0xFFFF_FFFFL) {
                throw p.invalid(0, "a model id is a u32, got " + model);
            }
            H256 at = BlockRefs.at(p, 1, node);
            TrieState s = BlockRefs.state(node, at);
            List<Object> nodes = new ArrayList<>();
            for (AccountId32 who : PoolsStorage.MODEL_POOL.get(s, model)) {
                PoolsStorage.PoolNode n = PoolsStorage.NODES.getOptional(s, who).orElse(null);
                if (n != null) {
                    nodes.add(MarketJson.poolNode(node, who, n, PoolsStorage.CAPACITY.getOptional(s, who).orElse(null),
                            InferenceStorage.NODE_STATS.get(s, who)));
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", model);
            out.put("epoch", SessionPallet.CURRENT_EPOCH.getOptional(s).orElse(0L));
            out.put("nodes", nodes);
            return out;
        }));
        r.add(RpcMethod.of("zklayer_nodes", List.of("at"), p -> {
            TrieState s = BlockRefs.state(node, BlockRefs.at(p, 0, node));
            List<Object> nodes = new ArrayList<>();
            for (Map.Entry<AccountId32, PoolsStorage.PoolNode> e : PoolsStorage.NODES.entries(s)) {
                if (nodes.size() == MAX_NODES) {
                    break;
                }
                nodes.add(MarketJson.poolNode(node, e.getKey(), e.getValue(), PoolsStorage.CAPACITY.getOptional(s, e.getKey()).orElse(null),
                        InferenceStorage.NODE_STATS.get(s, e.getKey())));
            }
            return nodes;
        }));
    }
}
