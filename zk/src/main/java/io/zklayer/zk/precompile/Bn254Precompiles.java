package io.zklayer.zk.precompile;

import io.zklayer.zk.ZkFormatException;
import io.zklayer.zk.curve.G1Point;
import io.zklayer.zk.curve.G2Point;
import io.zklayer.zk.pairing.Pairing;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Ethereum's BN254 precompiles with their exact byte semantics: ECADD (0x06) and ECMUL (0x07) of
 * EIP-196, and the pairing check (0x08) of EIP-197.
 *
 * <p>ECADD takes {@code x1 ‖ y1 ‖ x2 ‖ y2} (32-byte big-endian words) and ECMUL {@code x ‖ y ‖ s}; a
 * shorter input is right-padded with zeros, a longer one is truncated. Both return the 64-byte point.
 * The pairing takes k × 192 bytes (G1 {@code x ‖ y}, G2 {@code x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0}) and returns
 * the 32-byte word 1 if ∏ e = 1 else 0; a length that is not a multiple of 192 fails. A coordinate ≥ q,
 * a point off its curve, or a G2 point outside the subgroup is a {@link PrecompileResult.Failure}.
 */
public final class Bn254Precompiles {
    private static final int PAIR_LENGTH = 192;

    private Bn254Precompiles() {}

    /** Returns ECADD of the input. Example: (1, 2) + (1, 2) = (0x030644e7…, 0x15ed738c…). */
    public static PrecompileResult add(byte[] input) {
        byte[] in = Arrays.copyOf(input, 128);
        try {
            G1Point a = G1Point.fromEthereumBytes(in, 0);
            G1Point b = G1Point.fromEthereumBytes(in, 64);
            return new PrecompileResult.Output(a.add(b).toEthereumBytes());
        } catch (ZkFormatException e) {
            return new PrecompileResult.Failure("ecadd: " + e.getMessage());
        }
    }

    /** Returns ECMUL of the input; the scalar is any 256-bit value (not required to be below r). */
    public static PrecompileResult mul(byte[] input) {
        byte[] in = Arrays.copyOf(input, 96);
        try {
            G1Point a = G1Point.fromEthereumBytes(in, 0);
            BigInteger s = new BigInteger(1, Arrays.copyOfRange(in, 64, 96));
            return new PrecompileResult.Output(a.mul(s).toEthereumBytes());
        } catch (ZkFormatException e) {
            return new PrecompileResult.Failure("ecmul: " + e.getMessage());
        }
    }

    /** Returns the pairing check of the input (k pairs of 192 bytes; k = 0 yields 1). */
    public static PrecompileResult pairing(byte[] input) {
        if (input.length % PAIR_LENGTH != 0) {
            return new PrecompileResult.Failure("ecpairing: input length " + input.length + " is not a multiple of 192");
        }
        List<Pairing.Pair> pairs = new ArrayList<>();
        try {
            for (int off = 0; off < input.length; off += PAIR_LENGTH) {
                G1Point p = G1Point.fromEthereumBytes(input, off);
                G2Point q = G2Point.fromEthereumBytes(input, off + 64);
                pairs.add(new Pairing.Pair(p, q));
            }
        } catch (ZkFormatException e) {
            return new PrecompileResult.Failure("ecpairing: " + e.getMessage());
        }
        byte[] out = new byte[32];
        out[31] = (byte) (Pairing.productIsOne(pairs) ? 1 : 0);
        return new PrecompileResult.Output(out);
    }
}
