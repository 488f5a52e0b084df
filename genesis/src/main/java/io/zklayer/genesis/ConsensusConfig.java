package io.zklayer.genesis;

/**
 * The consensus parameters of a chain: slot length and epoch length. They live in the chain spec
 * as the top-level extension field {@code consensus}, the way Substrate carries node-side chain
 * settings ({@code forkBlocks}, {@code badBlocks}) as flattened spec extensions:
 * {@code "consensus": {"slotDurationMillis": 2000, "epochLengthInSlots": 10}}.
 *
 * <p>Why not {@code properties}: those are for wallets and {@code system_properties}; and why not
 * the genesis state: the ZKLayer runtime is native Java and keeps no consensus constants in state.
 * As a consequence the two parameters are <em>not</em> part of the genesis hash: two specs that
 * differ only here describe incompatible chains with the same genesis hash, so nodes must be given
 * the same spec file.
 *
 * @param slotDurationMillis the length of one slot in milliseconds, 1…3,600,000
 * @param epochLengthInSlots how many slots an epoch has, 1…1,000,000; the validator set and the
 *     node pools change only at epoch boundaries
 */
public record ConsensusConfig(long slotDurationMillis, long epochLengthInSlots) {
    /** The longest slot accepted: one hour. */
    public static final long MAX_SLOT_DURATION_MILLIS = 3_600_000;
    /** The longest epoch accepted, in slots. */
    public static final long MAX_EPOCH_LENGTH_IN_SLOTS = 1_000_000;

    /** The parameters of the dev and local presets: 2-second slots, 10-slot (20-second) epochs. */
    public static final ConsensusConfig ZKLAYER_DEFAULT = new ConsensusConfig(2000, 10);

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException naming the field that is out of range
     */
    public ConsensusConfig {
        if (slotDurationMillis < 1 || slotDurationMillis > MAX_SLOT_DURATION_MILLIS) {
            throw new IllegalArgumentException("slotDurationMillis " + slotDurationMillis + " is outside 1…"
                    + MAX_SLOT_DURATION_MILLIS);
        }
        if (epochLengthInSlots < 1 || epochLengthInSlots > MAX_EPOCH_LENGTH_IN_SLOTS) {
            throw new IllegalArgumentException("epochLengthInSlots " + epochLengthInSlots + " is outside 1…"
                    + MAX_EPOCH_LENGTH_IN_SLOTS);
        }
    }
}
