package io.zklayer.runtime;

import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Phase;
import io.zklayer.primitives.trie.TrieState;

/**
 * What a pallet sees while the runtime executes: the state overlay, the block being built or
 * imported, the current phase, and where events go. One context per block execution (or per
 * transaction validation); never shared between threads.
 */
public final class RuntimeContext {
    /** Receives deposited events; System stores them in {@code System.Events}. */
    @FunctionalInterface
    public interface EventSink {
        /** Stores one event with its phase. */
        void deposit(RuntimeContext ctx, Phase phase, int palletIndex, byte[] indexAndFields);
    }

    private final TrieState storage;
    private final long blockNumber;
    private final H256 parentHash;
    private final EventSink events;
    private Phase phase = Phase.INITIALIZATION;

    /** Creates a context for block {@code blockNumber} on top of {@code parentHash}. */
    public RuntimeContext(TrieState storage, long blockNumber, H256 parentHash, EventSink events) {
        this.storage = storage;
        this.blockNumber = blockNumber;
        this.parentHash = parentHash;
        this.events = events;
    }

    /** Returns the state overlay. */
    public TrieState storage() {
        return storage;
    }

    /** Returns the number of the block being executed. */
    public long blockNumber() {
        return blockNumber;
    }

    /** Returns the hash of the block's parent. */
    public H256 parentHash() {
        return parentHash;
    }

    /** Returns the current phase. */
    public Phase phase() {
        return phase;
    }

    /** Sets the current phase; the executive calls this. */
    public void setPhase(Phase phase) {
        this.phase = phase;
    }

    /** Deposits {@code event} with the current phase. */
    public void deposit(PalletEvent event) {
        events.deposit(this, phase, event.palletIndex(), event.encode());
    }

    /**
     * Runs {@code body} in its own storage transaction: its writes are kept if it returns and
     * dropped whole if it throws.
     */
    public void transactional(Runnable body) {
        storage.startTransaction();
        boolean ok = false;
        try {
            body.run();
            ok = true;
        } finally {
            if (ok) {
                storage.commitTransaction();
            } else {
                storage.rollbackTransaction();
            }
        }
    }
}
