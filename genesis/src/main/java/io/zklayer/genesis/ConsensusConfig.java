package io.zklayer.genesis;

/**
 * The node-side consensus parameters of a chain: the slot length. They live in the chain spec as
 * the top-level extension field {@code consensus}, the way Substrate carries node-side chain
 * settings ({@code forkBlocks}, {@code badBlocks}) as flattened spec extensions:
 * {@code "consensus": {"slotDurationMillis": 2000}}.
 *
 * <p>Why not {@code properties}: those are for wallets and {@code system_properties}; and why not
 * the genesis state: the slot length is how a node's clock cuts time, not a rule of the runtime.
 * As a consequence it is <em>not</em> part of the genesis hash: two specs that differ only here
 * describe incompatible chains with the same genesis hash, so nodes must be given the same spec
 * file. The epoch length, which the runtime does follow, is in the genesis state instead
 * ({@code genesis.runtimeGenesis.config.session.epochLength}, counted in blocks).
 *
 * @param slotDurationMillis the length of one slot in milliseconds, 1…3,600,000
 */
public record ConsensusConfig(long slotDurationMillis) {
    /** The longest slot accepted: one hour. */
    public static final long MAX_SLOT_DURATION_MILLIS = 3_600_000;

    /** The parameters of the dev and local presets: 2-second slots. */
    public static final ConsensusConfig ZKLAYER_DEFAULT = new ConsensusConfig(2000);

    /**
     * Checks the range.
     *
     * @throws IllegalArgumentException naming the field that is out of range
     */
    public ConsensusConfig {
        if (slotDurationMillis < 1 || slotDurationMillis > MAX_SLOT_DURATION_MILLIS) {
            throw new IllegalArgumentException("slotDurationMillis " + slotDurationMillis + " is outside 1…"
                    + MAX_SLOT_DURATION_MILLIS);
        }
    }
}
