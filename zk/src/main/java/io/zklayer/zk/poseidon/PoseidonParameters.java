package io.zklayer.zk.poseidon;

import io.zklayer.zk.field.Fr;
import java.math.BigInteger;

/**
 * circomlib's Poseidon parameters over BN254's Fr for state width t = 2..17 (1..16 inputs): S-box x⁵,
 * 8 full rounds, partial rounds {@code [56, 57, 56, 60, 60, 63, 64, 63, 60, 66, 60, 65, 70, 60, 64, 68]}
 * by t, and round constants and MDS matrix generated exactly as the Poseidon paper's reference script
 * {@code generate_parameters_grain.sage} does (arguments {@code 1 0 254 t 8 R_P r}), which is how
 * circomlib's {@code poseidon_constants} were made.
 *
 * <p>Grain LFSR: an 80-bit state initialised with field = 1 (2 bits), S-box = 0 (4 bits), n = 254
 * (12 bits), t (12 bits), R_F (10 bits), R_P (10 bits), then 30 ones; 160 warm-up clocks; each clock
 * produces b = s₆₂ ⊕ s₅₁ ⊕ s₃₈ ⊕ s₂₃ ⊕ s₁₃ ⊕ s₀; output bits are taken in pairs, the second bit
 * kept only when the first is 1. A constant is 254 bits, most significant first, redrawn while ≥ r.
 * The MDS matrix is the Cauchy matrix M[i][j] = 1/(xᵢ + yⱼ) with 2t further 254-bit draws reduced mod r.
 * Parameters are generated on first use per width and cached.
 */
public final class PoseidonParameters {
    /** Full rounds (half before, half after the partial rounds). */
    public static final int FULL_ROUNDS = 8;
    private static final int[] PARTIAL_ROUNDS = {56, 57, 56, 60, 60, 63, 64, 63, 60, 66, 60, 65, 70, 60, 64, 68};
    private static final PoseidonParameters[] CACHE = new PoseidonParameters[18];

    /** State width t = inputs + 1. */
    public final int width;
    /** Partial rounds for this width. */
    public final int partialRounds;
    /** Round constants, (8 + partialRounds)·t of them, round-major. */
    final Fr[] roundConstants;
    /** The t × t MDS matrix. */
    final Fr[][] mds;

    private PoseidonParameters(int width) {
        this.width = width;
        this.partialRounds = PARTIAL_ROUNDS[width - 2];
        Grain grain = new Grain(width, FULL_ROUNDS, partialRounds);
        int n = (FULL_ROUNDS + partialRounds) * width;
        roundConstants = new Fr[n];
        for (int i = 0; i < n; i++) {
            BigInteger v;
            do {
                v = grain.nextBits(254);
            } while (v.compareTo(Fr.MODULUS) >= 0);
            roundConstants[i] = Fr.fromBigInteger(v);
        }
        Fr[] xy = new Fr[2 * width];
        for (int i = 0; i < xy.length; i++) {
            xy[i] = Fr.reduce(grain.nextBits(254));
        }
        mds = new Fr[width][width];
        for (int i = 0; i < width; i++) {
            for (int j = 0; j < width; j++) {
                mds[i][j] = xy[i].add(xy[width + j]).inverse();
            }
        }
    }

    /** Returns the parameters for hashing {@code inputs} field elements (1..16). */
    public static PoseidonParameters forInputs(int inputs) {
        if (inputs < 1 || inputs > 16) {
            throw new IllegalArgumentException("poseidon: circomlib supports 1..16 inputs, got " + inputs);
        }
        int t = inputs + 1;
        synchronized (CACHE) {
            if (CACHE[t] == null) {
                CACHE[t] = new PoseidonParameters(t);
            }
            return CACHE[t];
        }
    }

    /** Returns round constant {@code i} of round {@code round}. */
    public Fr roundConstant(int round, int i) {
        return roundConstants[round * width + i];
    }

    /** Returns MDS entry (i, j). */
    public Fr mds(int i, int j) {
        return mds[i][j];
    }

    /** The Grain LFSR of the Poseidon reference script, producing filtered bits. */
    private static final class Grain {
        private final int[] s = new int[80];
        private int head; // index of s₀ in the ring

        Grain(int t, int rf, int rp) {
            int k = 0;
            k = put(1, 2, k);
            k = put(0, 4, k);
            k = put(254, 12, k);
            k = put(t, 12, k);
            k = put(rf, 10, k);
            k = put(rp, 10, k);
            while (k < 80) {
                s[k++] = 1;
            }
            for (int i = 0; i < 160; i++) {
                clock();
            }
        }

        private int put(int value, int bits, int k) {
            for (int i = bits - 1; i >= 0; i--) {
                s[k++] = (value >>> i) & 1;
            }
            return k;
        }

        private int at(int i) {
            return s[(head + i) % 80];
        }

        private int clock() {
            int b = at(62) ^ at(51) ^ at(38) ^ at(23) ^ at(13) ^ at(0);
            s[head] = b; // the oldest bit s₀ drops out, the new bit takes its slot at the end
            head = (head + 1) % 80;
            return b;
        }

        private int nextBit() {
            while (true) {
                int first = clock();
                int second = clock();
                if (first == 1) {
                    return second;
                }
            }
        }

        BigInteger nextBits(int bits) {
            BigInteger v = BigInteger.ZERO;
            for (int i = 0; i < bits; i++) {
                v = v.shiftLeft(1);
                if (nextBit() == 1) {
                    v = v.setBit(0);
                }
            }
            return v;
        }
    }
}
