package io.zklayer.consensus.epoch;

import io.zklayer.consensus.ChainBackend;
import io.zklayer.pallets.session.SessionPallet;
import io.zklayer.primitives.trie.TrieState;
import io.zklayer.primitives.types.H256;
import io.zklayer.runtime.EpochSchedule;

/**
 * Reads epochs from block states through {@link ChainBackend}, as the session pallet keeps them:
 * {@code Session.CurrentEpoch}, {@code Session.Validators} and {@code Session.EpochRandomness} of a
 * block's state are the epoch of the blocks built on it (the last block of epoch {@code e} switches
 * them to {@code e + 1}); {@code Session.EpochLength} is fixed at genesis.
 */
public final class StateEpochSource implements EpochSource {
    private final ChainBackend backend;
    private final long expectedLength;
    private volatile long epochLength;

    /** Reads states from {@code backend}. */
    public StateEpochSource(ChainBackend backend) {
        this.backend = backend;
        this.expectedLength = 0;
    }

    /**
     * Reads states from {@code backend}, which must hold {@code expectedLength} as its epoch length
     * (the chain spec's value); a different stored length fails {@link #epochLength()} loudly.
     */
    public StateEpochSource(ChainBackend backend, long expectedLength) {
        if (expectedLength < 1) {
            throw new IllegalArgumentException("epoch length must be at least 1 block, got " + expectedLength);
        }
        this.backend = backend;
        this.expectedLength = expectedLength;
    }

    @Override
    public EpochData epochAfter(H256 parentHash) {
        TrieState state = backend.stateAt(parentHash);
        return new EpochData(SessionPallet.currentEpoch(state), SessionPallet.VALIDATORS.get(state),
                SessionPallet.epochRandomness(state));
    }

    /**
     * Returns {@code Session.EpochLength}, read once from the finalized block's state (whose state the
     * node always keeps).
     *
     * @throws IllegalStateException when the state has no epoch length (not built by this runtime),
     *     or another one than the expected length given at construction
     */
    @Override
    public long epochLength() {
        long length = epochLength;
        if (length == 0) {
            EpochSchedule schedule = SessionPallet.epochSchedule(backend.stateAt(backend.finalized().hash()));
            length = schedule.length();
            if (expectedLength != 0 && expectedLength != length) {
                throw new IllegalStateException("epochs: the chain's state says Session.EpochLength = " + length
                        + " blocks, but " + expectedLength + " was configured");
            }
            epochLength = length;
        }
        return length;
    }
}
