package io.zklayer.node.rpc;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one table of RPC methods and subscriptions the server answers. Names are unique across
 * both; {@code rpc_methods} lists them sorted.
 */
public final class RpcRegistry {
    private final Map<String, RpcMethod> methods = new TreeMap<>();
    private final Map<String, SubscriptionMethod> subscribes = new TreeMap<>();
    private final Map<String, SubscriptionMethod> unsubscribes = new TreeMap<>();

    /** Adds a method; a duplicate name is a bug. */
    public RpcRegistry add(RpcMethod method) {
        claim(method.name());
        methods.put(method.name(), method);
        return this;
    }

    /** Adds a subscription pair; a duplicate name is a bug. */
    public RpcRegistry add(SubscriptionMethod subscription) {
        claim(subscription.subscribeName());
        claim(subscription.unsubscribeName());
        subscribes.put(subscription.subscribeName(), subscription);
        unsubscribes.put(subscription.unsubscribeName(), subscription);
        return this;
    }

    /** Returns the plain method called {@code name}, or null. */
    public RpcMethod method(String name) {
        return methods.get(name);
    }

    /** Returns the subscription whose subscribe method is {@code name}, or null. */
    public SubscriptionMethod subscription(String name) {
        return subscribes.get(name);
    }

    /** Returns the subscription whose unsubscribe method is {@code name}, or null. */
    public SubscriptionMethod unsubscription(String name) {
        return unsubscribes.get(name);
    }

    /** Returns every method name, sorted. */
    public List<String> names() {
        TreeMap<String, Boolean> all = new TreeMap<>();
        methods.keySet().forEach(n -> all.put(n, true));
        subscribes.keySet().forEach(n -> all.put(n, true));
        unsubscribes.keySet().forEach(n -> all.put(n, true));
        return Collections.unmodifiableList(List.copyOf(all.keySet()));
    }

    private void claim(String name) {
        if (methods.containsKey(name) || subscribes.containsKey(name) || unsubscribes.containsKey(name)) {
            throw new IllegalStateException("RPC method registered twice: " + name);
        }
    }
}
