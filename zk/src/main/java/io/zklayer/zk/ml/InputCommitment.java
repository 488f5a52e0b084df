package io.zklayer.zk.ml;

import io.zklayer.zk.field.Fr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The Poseidon commitment to a model input: one public signal standing for all input bytes, so that
 * verification costs the same for a 64-byte image as for a 4-byte vector. The verifier computes it from
 * the workload's input bytes; the circuit recomputes it from its private input.
 *
 * <p>Definition: each input byte, read as a signed value x (−128..127), becomes the 8-bit lane
 * {@code x + 128}; lanes are packed 31 per 248-bit element little-endian (as in {@link WeightCommitment})
 * and hashed with the Poseidon chain under tag {@code 0x5a4b4c58} ("ZKLX") and count = number of bytes.
 * Example: input {@code 00 10} (0, 16) gives lanes 128, 144, the element {@code 128 + 144·256} = 36992
 * and the commitment {@code Poseidon([0x5a4b4c58·2^64 + 2, 36992])}.
 */
public final class InputCommitment {
    /** Domain tag of input commitments, ASCII "ZKLX". */
    public static final long TAG = 0x5a4b4c58L;
    /** Lane width of one input value. */
    static final int INPUT_BITS = 8;
    /** Offset making an int8 input value a lane value in 0..255. */
    static final int INPUT_OFFSET = 128;

    private InputCommitment() {}

    /** Returns the commitment to {@code input} (one signed byte per element). */
    public static Fr of(byte[] input) {
        LanePacker packer = new LanePacker();
        List<BigInteger> elements = new ArrayList<>();
        for (byte x : input) {
            WeightCommitment.add(packer, elements, x + INPUT_OFFSET, INPUT_BITS);
        }
        return PoseidonChain.hash(TAG, input.length, WeightCommitment.toField(elements));
    }
}
