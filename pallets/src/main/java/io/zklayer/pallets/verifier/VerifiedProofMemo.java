package io.zklayer.pallets.verifier;

import io.zklayer.primitives.hashing.Hashing;
import io.zklayer.primitives.types.H256;
import io.zklayer.zk.field.Fr;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Digests of (key, proof, public signals) triples this node has already found VALID — in transaction-pool
 * validation, in a block's batch pre-verification ({@link BlockProofBatch}) or in an earlier execution.
 * The runtime's native verification consults it first, so a proof checked when its transaction entered
 * the pool, or in the batch before a block's execution, is not paired again while the block executes.
 *
 * <p>Only valid results are remembered and only for the exact triple, so a hit returns what a full
 * verification would return: execution stays deterministic across nodes whatever each node's memo
 * holds. (A triple accepted by the randomized batch check is false with probability below 2^-128.)
 *
 * <p>Digest: blake2b-256({@code keyId ‖ proof (256 bytes) ‖ s₀ ‖ … ‖ sₙ₋₁}, signals 32 bytes big-endian).
 * Bounded, least recently used first out; thread-safe.
 */
public final class VerifiedProofMemo {
    private final int capacity;
    private final LinkedHashMap<H256, Boolean> entries;

    /** Creates a memo holding at most {@code capacity} digests (32 bytes each plus map overhead). */
    public VerifiedProofMemo(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("verified proof memo capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<H256, Boolean> eldest) {
                return size() > VerifiedProofMemo.this.capacity;
            }
        };
    }

    /** Returns the digest of a triple (see the class comment). */
    public static H256 digest(H256 keyId, byte[] proof, List<Fr> signals) {
        byte[] s = PublicSignals.concat(signals);
        byte[] msg = new byte[32 + proof.length + s.length];
        System.arraycopy(keyId.bytes(), 0, msg, 0, 32);
        System.arraycopy(proof, 0, msg, 32, proof.length);
        System.arraycopy(s, 0, msg, 32 + proof.length, s.length);
        return H256.of(Hashing.blake2b256(msg));
    }

    /** Records that the triple with {@code digest} verified. */
    public synchronized void remember(H256 digest) {
        entries.put(digest, Boolean.TRUE);
    }

    /** Returns whether the triple with {@code digest} is known to verify. */
    public synchronized boolean known(H256 digest) {
        return entries.get(digest) != null;
    }

    /** Returns the number of remembered digests. */
    public synchronized int size() {
        return entries.size();
    }
}
