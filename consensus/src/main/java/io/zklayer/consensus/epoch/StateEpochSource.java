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
    private volatile long epochLength;

    /** Reads states from {@code backend}. */
    public StateEpochSource(ChainBackend backend) {
        this.backend = backend;
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
     * @throws IllegalStateException when the state has no epoch length (not built by this runtime)
     */
    @Override
    public long epochLength() {
        long length = epochLength;
        if (length == 0) {
            EpochSchedule schedule = SessionPallet.epochSchedule(backend.stateAt(backend.finalized().hash()));
            length = schedule.length();
            epochLength = length;
        }
        return length;
    }
}
