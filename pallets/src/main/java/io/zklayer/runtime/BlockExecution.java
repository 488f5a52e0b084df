package io.zklayer.runtime;

import io.zklayer.primitives.trie.TrieState;
import io.zklayer.primitives.types.Digest;
import io.zklayer.primitives.types.H256;
import java.util.ArrayList;
import java.util.List;

/**
 * One block being built or imported: the state overlay, the runtime context, and the extrinsics
 * applied so far. Created by {@link Executive#begin}; not thread-safe.
 */
public final class BlockExecution {
    private final TrieState state;
    private final RuntimeContext context;
    private final H256 parentHash;
    private final long number;
    private final Digest preDigest;
    private final List<byte[]> applied = new ArrayList<>();
    private boolean signedSeen;
    private boolean finished;

    BlockExecution(TrieState state, RuntimeContext context, H256 parentHash, long number, Digest preDigest) {
        this.state = state;
        this.context = context;
        this.parentHash = parentHash;
        this.number = number;
        this.preDigest = preDigest;
    }

    /** Returns the state overlay (after {@link Executive#finish} it holds the whole block's changes). */
    public TrieState state() {
        return state;
    }

    /** Returns the runtime context. */
    public RuntimeContext context() {
        return context;
    }

    /** Returns the parent's hash. */
    public H256 parentHash() {
        return parentHash;
    }

    /** Returns the block number. */
    public long number() {
        return number;
    }

    /** Returns the digest the block started with (pre-runtime items). */
    public Digest preDigest() {
        return preDigest;
    }

    /** Returns the encoded extrinsics applied so far, in order. */
    public List<byte[]> applied() {
        return List.copyOf(applied);
    }

    void recordApplied(byte[] extrinsic, boolean signed) {
        applied.add(extrinsic.clone());
        signedSeen |= signed;
    }

    boolean signedSeen() {
        return signedSeen;
    }

    void markFinished() {
        if (finished) {
            throw new IllegalStateException("block #" + number + " finished twice");
        }
        finished = true;
    }

    boolean finished() {
        return finished;
    }
}
