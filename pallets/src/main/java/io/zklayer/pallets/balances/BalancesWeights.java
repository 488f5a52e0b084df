package io.zklayer.pallets.balances;

/** Weights of Balances calls in reference-time units, estimated from their storage operations. */
public final class BalancesWeights {
    /** A transfer: two account reads and writes, an event. */
    public static final long TRANSFER = 60_000_000;
    /** Setting a balance by root. */
    public static final long FORCE_SET_BALANCE = 30_000_000;

    private BalancesWeights() {}

    /** Returns the weight of {@code call}. */
    public static long of(BalancesCall call) {
        return call instanceof BalancesCall.ForceSetBalance ? FORCE_SET_BALANCE : TRANSFER;
    }
}
