package io.zklayer.node.rpc.methods;

import io.zklayer.node.rpc.RpcRegistry;
import io.zklayer.node.service.Node;

/** Registers every RPC namespace of the node in one table. */
public final class RpcModules {
    private RpcModules() {}

    /** Registers {@code system_*}, {@code chain_*}, {@code state_*}, {@code author_*}, {@code payment_*}, {@code zklayer_runtimeDescription} and the market's {@code zklayer_*} methods. */
    public static void registerAll(RpcRegistry registry, Node node) {
        SystemRpc.register(registry, node);
        ChainRpc.register(registry, node);
        StateRpc.register(registry, node);
        AuthorRpc.register(registry, node);
        PaymentRpc.register(registry, node);
        RuntimeRpc.register(registry, node);
        MarketRpc.register(registry, node);
        ModelRpc.register(registry, node);
    }
}
