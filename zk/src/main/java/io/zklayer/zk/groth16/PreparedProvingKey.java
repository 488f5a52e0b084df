package io.zklayer.zk.groth16;

import io.zklayer.zk.msm.G1FixedMsm;

/**
 * A proving key made ready for many proofs: its H points (one per domain point, the largest MSM of a
 * proof, with full-size scalars) as a fixed-base table ({@link G1FixedMsm}) of their multiples
 * 2^(13·j)·Hᵢ, so that a proof's H sum needs neither doublings nor per-window bucket sums. Building it
 * is a one-time cost per key (for the 2^14 points of the {@code mlp} circuit: about 26 MB and a few
 * hundred milliseconds of CPU); a prover that proves once should use {@link Groth16Prover#prove(ProvingKey,
 * io.zklayer.zk.field.Fr[], io.zklayer.zk.field.Fr, io.zklayer.zk.field.Fr)} on the plain key instead.
 */
public final class PreparedProvingKey {
    private final ProvingKey key;
    private final G1FixedMsm h;

    private PreparedProvingKey(ProvingKey key, G1FixedMsm h) {
        this.key = key;
        this.h = h;
    }

    /** Returns {@code key} with its H table built. */
    public static PreparedProvingKey of(ProvingKey key) {
        return new PreparedProvingKey(key, G1FixedMsm.of(key.h()));
    }

    /** Returns the heap that preparing {@code key} takes: the H table, {@link G1FixedMsm#tableBytes} of its H points. */
    public static long tableBytes(ProvingKey key) {
        return G1FixedMsm.tableBytes(key.h().length);
    }

    /** Returns the key this was prepared from. */
    public ProvingKey key() {
        return key;
    }

    G1FixedMsm h() {
        return h;
    }
}
