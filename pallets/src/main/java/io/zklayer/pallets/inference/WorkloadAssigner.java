package io.zklayer.pallets.inference;

import io.zklayer.primitives.hashing.Hashing;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.H256;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Picks the node for a workload, deterministically from chain data and weighted by spare capacity:
 * every validator computes the same pick, and a node with twice the spare units is twice as likely
 * to be chosen.
 *
 * <p>Rule: among the candidates with at least {@code units} spare (in the pool's order, by account),
 * let {@code S} be the sum of their spare units and {@code r = seed mod S}, where
 * {@code seed = blake2b-256(parent hash ‖ workload id u64 LE ‖ attempt u32 LE)} read as an unsigned
 * big-endian integer; the pick is the first candidate whose running sum of spare units exceeds
 * {@code r}. The attempt number makes a reassignment draw afresh.
 */
public final class WorkloadAssigner {
    /**
     * A node that could take the workload.
     *
     * @param node the node
     * @param spare its spare compute units this epoch
     */
    public record Candidate(AccountId32 node, long spare) {}

    private WorkloadAssigner() {}

    /** Returns the seed of workload {@code id}'s {@code attempt}-th assignment in a block on {@code parentHash}. */
    public static byte[] seed(H256 parentHash, long id, int attempt) {
        byte[] in = new byte[32 + 8 + 4];
        System.arraycopy(parentHash.bytes(), 0, in, 0, 32);
        for (int i = 0; i < 8; i++) {
            in[32 + i] = (byte) (id >>> (8 * i));
        }
        for (int i = 0; i < 4; i++) {
            in[40 + i] = (byte) (attempt >>> (8 * i));
        }
        return Hashing.blake2b256(in);
    }

    /**
     * Returns the node for a workload needing {@code units}, or empty when no candidate has that many
     * spare units (the workload then waits in the queue).
     */
    public static Optional<AccountId32> pick(H256 parentHash, long id, int attempt, long units, List<Candidate> candidates) {
        long total = 0;
        for (Candidate c : candidates) {
            if (c.spare() >= units) {
                total = Math.addExact(total, c.spare());
            }
        }
        if (total == 0) {
            return Optional.empty();
        }
        long r = new BigInteger(1, seed(parentHash, id, attempt)).mod(BigInteger.valueOf(total)).longValueExact();
        long running = 0;
        for (Candidate c : candidates) {
            if (c.spare() >= units) {
                running += c.spare();
                if (r < running) {
                    return Optional.of(c.node());
                }
            }
        }
        throw new IllegalStateException("assigner: r = " + r + " not below the total " + total);
    }
}
