package io.zklayer.consensus.finality;

import io.zklayer.consensus.BlockImporter;
import io.zklayer.consensus.ChainBackend;
import io.zklayer.consensus.ChainHead;
import io.zklayer.consensus.epoch.EpochData;
import io.zklayer.consensus.epoch.EpochSource;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The node's {@link FinalityChain}: headers and heads from the {@link ChainBackend}, the best chain
 * from the importer's fork choice, finalization through {@link BlockImporter#finalizeBlock} (which
 * stores the justification's bytes with the block and moves the best block when needed), and set
 * {@code s}'s voters from the epoch the set's base block leaves in state.
 */
public final class BackendFinalityChain implements FinalityChain {
    /** Told about each block the gadget finalizes, after it is stored. */
    @FunctionalInterface
    public interface Listener {
        /** Called with the finalized block and its justification. */
        void onFinalized(ChainHead block, GrandpaJustification justification);
    }

    private final ChainBackend backend;
    private final BlockImporter importer;
    private final EpochSource epochs;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /** Wraps the node's backend, importer and epoch source. */
    public BackendFinalityChain(ChainBackend backend, BlockImporter importer, EpochSource epochs) {
        this.backend = backend;
        this.importer = importer;
        this.epochs = epochs;
    }

    /** Adds a finalization listener (RPC subscriptions, metrics, the transaction pool). */
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    @Override
    public Optional<Header> header(H256 hash) {
        return backend.header(hash);
    }

    @Override
    public ChainHead finalized() {
        return backend.finalized();
    }

    @Override
    public Optional<ChainHead> bestContaining(ChainHead base) {
        return importer.forkChoice().bestContaining(base);
    }

    @Override
    public Optional<ChainHead> ancestorAt(ChainHead block, long number) {
        return importer.forkChoice().ancestorAt(block, number);
    }

    @Override
    public boolean finalize(ChainHead target, GrandpaJustification justification) {
        if (!importer.finalizeBlock(target, justification.encode())) {
            return false;
        }
        for (Listener l : listeners) {
            l.onFinalized(target, justification);
        }
        return true;
    }

    @Override
    public AuthoritySet authoritySet(long setId, ChainHead setBase) {
        EpochData epoch = epochs.epochAfter(setBase.hash());
        if (epoch.epoch() != setId) {
            throw new IllegalStateException("finality: the state of " + setBase + " holds epoch " + epoch.epoch()
                    + ", but authority set " + setId + " starts there");
        }
        return new AuthoritySet(setId, epoch.validators());
    }

    @Override
    public long epochLength() {
        return epochs.epochLength();
    }
}
