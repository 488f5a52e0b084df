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
    private final java.util.List<byte[]> pendingEvents = new java.util.ArrayList<>();

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
        int mark = eventMark();
        boolean ok = false;
        try {
            body.run();
            ok = true;
        } finally {
            if (ok) {
                storage.commitTransaction();
            } else {
                storage.rollbackTransaction();
                dropEventsAfter(mark);
            }
        }
    }

    /**
     * Buffers one encoded {@code EventRecord}. Events are kept in memory during the block and written
     * to {@code System.Events} once, when the block is finished: appending to the stored vector on
     * every event would rewrite it each time and make a block quadratic in its events.
     */
    public void bufferEventRecord(byte[] record) {
        pendingEvents.add(record);
    }

    /** Returns a mark to drop events back to when a storage transaction is rolled back. */
    public int eventMark() {
        return pendingEvents.size();
    }

    /** Drops the events buffered after {@code mark} (their storage transaction was rolled back). */
    public void dropEventsAfter(int mark) {
        while (pendingEvents.size() > mark) {
            pendingEvents.remove(pendingEvents.size() - 1);
        }
    }

    /** Returns and clears the buffered event records, in deposit order. */
    public java.util.List<byte[]> takeEventRecords() {
        java.util.List<byte[]> out = new java.util.ArrayList<>(pendingEvents);
        pendingEvents.clear();
        return out;
    }
}
