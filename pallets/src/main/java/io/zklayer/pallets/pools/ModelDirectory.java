package io.zklayer.pallets.pools;

import io.zklayer.runtime.RuntimeContext;

/**
 * What the pools need to know of the model registry: whether a model id names a model that nodes
 * may serve (registered and not deprecated). The runtime wires it to the Models pallet; tests give a
 * fixed set. Model ids are {@code u32} on chain.
 */
@FunctionalInterface
public interface ModelDirectory {
    /** Returns whether nodes may join the pool of model {@code modelId} in {@code ctx}'s state. */
    boolean acceptsNodes(RuntimeContext ctx, long modelId);
}
