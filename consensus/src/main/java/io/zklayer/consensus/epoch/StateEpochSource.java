package io.zklayer.consensus.epoch;

import io.zklayer.consensus.ChainBackend;
import io.zklayer.pallets.session.SessionPallet;
import io.zklayer.primitives.trie.TrieState;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;

/**
 * Reads epochs from block states through {@link ChainBackend}: the validator set is
 * {@code Session.Validators} of the block's state; the epoch index follows from the block number
 * ({@code number / L} for the blocks built on block {@code number}).
 *
 * <p>The epoch randomness is read as zero: the runtime does not store epoch randomness yet (it
 * comes with the session pallet's epoch bookkeeping), so until then every epoch orders its
 * authors by {@code blake2b-256(0³² ‖ account)}, which is still deterministic and shared by all
 * nodes.
 */
public final class StateEpochSource implements EpochSource {
    private final ChainBackend backend;
    private final long epochLength;

    /** Reads states from {@code backend}; epochs are {@code epochLength} blocks long. */
    public StateEpochSource(ChainBackend backend, long epochLength) {
        if (epochLength < 1) {
            throw new IllegalArgumentException("epoch length must be at least 1 block, got " + epochLength);
        }
        this.backend = backend;
        this.epochLength = epochLength;
    }

    @Override
    public EpochData epochAfter(H256 parentHash) {
        Header parent = backend.header(parentHash).orElseThrow(() ->
                new IllegalStateException("epochs: block " + parentHash + " is unknown"));
        TrieState state = backend.stateAt(parentHash);
        return new EpochData(parent.number() / epochLength, SessionPallet.VALIDATORS.get(state), H256.ZERO);
    }

    @Override
    public long epochLength() {
        return epochLength;
    }
}
