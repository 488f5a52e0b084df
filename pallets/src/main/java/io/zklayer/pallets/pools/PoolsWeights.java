package io.zklayer.pallets.pools;

/** Weights of Pools calls in reference-time units, estimated from their storage operations. */
public final class PoolsWeights {
    /** Registering: node and count reads and writes, a reserve (account and reserves), an event. */
    public static final long REGISTER_NODE = 80_000_000;
    /** Each listed model: one registry read. */
    public static final long PER_MODEL = 10_000_000;
    /** Deregistering: one node read and write, an event. */
    public static final long DEREGISTER = 30_000_000;
    /** Withdrawing: the unbonding list, an unreserve, an event. */
    public static final long WITHDRAW_UNBONDED = 60_000_000;

    private PoolsWeights() {}

    /** Returns the weight of {@code call}. */
    public static long of(PoolsCall call) {
        if (call instanceof PoolsCall.RegisterNode r) {
            return REGISTER_NODE + PER_MODEL * r.models().size();
        }
        return call instanceof PoolsCall.Deregister ? DEREGISTER : WITHDRAW_UNBONDED;
    }
}
