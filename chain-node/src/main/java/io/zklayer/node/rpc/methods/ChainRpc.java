package io.zklayer.node.rpc.methods;

import com.fasterxml.jackson.databind.JsonNode;
import io.zklayer.node.rpc.RpcMethod;
import io.zklayer.node.rpc.RpcParams;
import io.zklayer.node.rpc.RpcRegistry;
import io.zklayer.node.rpc.SubscriptionMethod;
import io.zklayer.node.service.Node;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code chain_*} methods: headers, blocks, hashes by number, and head subscriptions. */
final class ChainRpc {
    private ChainRpc() {}

    static void register(RpcRegistry r, Node node) {
        r.add(RpcMethod.of("chain_getHeader", List.of("hash"), p -> header(node, p).map(JsonShapes::header).orElse(null)));
        r.add(RpcMethod.of("chain_getBlock", List.of("hash"), p -> {
            Optional<Header> h = header(node, p);
            if (h.isEmpty()) {
                return null;
            }
            H256 hash = h.get().hash();
            var body = node.backend().body(hash).orElse(List.of());
            byte[] justification = node.backend().store().justification(hash.bytes()).orElse(null);
            return JsonShapes.signedBlock(new Block(h.get(), body), justification);
        }));
        r.add(RpcMethod.of("chain_getBlockHash", List.of("number"), p -> {
            if (!p.has(0)) {
                return node.backend().best().hash().toHex();
            }
            JsonNode raw = p.raw(0);
            if (raw.isArray()) {
                List<String> out = new ArrayList<>();
                for (int i = 0; i < raw.size(); i++) {
                    RpcParams one = new RpcParams(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode()
                            .add(raw.get(i)), List.of("number[" + i + "]"));
                    out.add(hashAt(node, one.unsignedLong(0)));
                }
                return out;
            }
            return hashAt(node, p.unsignedLong(0));
        }));
        r.add(RpcMethod.of("chain_getFinalizedHead", List.of(), p -> node.backend().finalized().hash().toHex()));
        SubscriptionMethod.Starter newHeads = (p, sink) -> {
            node.backend().header(node.backend().best().hash()).ifPresent(h -> sink.send(JsonShapes.header(h)));
            Runnable stop = node.notifications().onBest(b -> sink.send(JsonShapes.header(b.header())));
            return stop::run;
        };
        SubscriptionMethod.Starter finalizedHeads = (p, sink) -> {
            node.backend().header(node.backend().finalized().hash()).ifPresent(h -> sink.send(JsonShapes.header(h)));
            Runnable stop = node.notifications().onFinalized(b -> sink.send(JsonShapes.header(b.header())));
            return stop::run;
        };
        r.add(SubscriptionMethod.of("chain_subscribeNewHeads", "chain_unsubscribeNewHeads", "chain_newHead", List.of(),
                newHeads));
        r.add(SubscriptionMethod.of("chain_subscribeFinalizedHeads", "chain_unsubscribeFinalizedHeads",
                "chain_finalizedHead", List.of(), finalizedHeads));
        // Substrate's aliases of the same subscriptions; @polkadot/api subscribes with chain_subscribeNewHead.
        r.add(SubscriptionMethod.of("chain_subscribeNewHead", "chain_unsubscribeNewHead", "chain_newHead", List.of(),
                newHeads));
        r.add(SubscriptionMethod.of("subscribe_newHead", "unsubscribe_newHead", "chain_newHead", List.of(), newHeads));
        r.add(SubscriptionMethod.of("chain_subscribeFinalisedHeads", "chain_unsubscribeFinalisedHeads",
                "chain_finalizedHead", List.of(), finalizedHeads));
        r.add(SubscriptionMethod.of("chain_subscribeAllHeads", "chain_unsubscribeAllHeads", "chain_allHead", List.of(),
                (p, sink) -> {
                    Runnable stop = node.notifications().onImported(b -> sink.send(JsonShapes.header(b.header())));
                    return stop::run;
                }));
    }

    private static Optional<Header> header(Node node, RpcParams p) {
        if (!p.has(0)) {
            return node.backend().header(node.backend().best().hash());
        }
        return node.backend().header(H256.of(p.optionalHexOfLength(0, 32)));
    }

    private static String hashAt(Node node, long number) {
        return node.backend().canonicalHash(number).map(H256::toHex).orElse(null);
    }
}
