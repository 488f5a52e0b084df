package io.zklayer.zk.groth16;

import io.zklayer.zk.ZkFormatException;
import io.zklayer.zk.curve.G1Point;
import io.zklayer.zk.curve.G2Point;

/**
 * A Groth16 proof (A ∈ G1, B ∈ G2, C ∈ G1).
 *
 * <p>On chain it is 256 bytes: {@code A.x ‖ A.y ‖ B.x.c1 ‖ B.x.c0 ‖ B.y.c1 ‖ B.y.c0 ‖ C.x ‖ C.y}, each a
 * 32-byte big-endian field element — Ethereum's precompile layout, imaginary part first in G2.
 * Decoding rejects coordinates ≥ q, points off their curves and B outside the order-r subgroup.
 */
public record Proof(G1Point a, G2Point b, G1Point c) {
    /** The length of the on-chain encoding. */
    public static final int ENCODED_LENGTH = 256;

    /** Stores normalized copies of the points. */
    public Proof {
        a = a.normalize();
        b = b.normalize();
        c = c.normalize();
    }

    /** Returns the 256-byte on-chain encoding. */
    public byte[] toBytes() {
        byte[] out = new byte[ENCODED_LENGTH];
        a.writeEthereumBytes(out, 0);
        b.writeEthereumBytes(out, 64);
        c.writeEthereumBytes(out, 192);
        return out;
    }

    /** Returns the proof decoded from exactly 256 bytes; see the class comment for the checks. */
    public static Proof fromBytes(byte[] bytes) {
        if (bytes.length != ENCODED_LENGTH) {
            throw new ZkFormatException("proof: encoding must be 256 bytes, got " + bytes.length);
        }
        return new Proof(decode("A", () -> G1Point.fromEthereumBytes(bytes, 0)),
                decode("B", () -> G2Point.fromEthereumBytes(bytes, 64)),
                decode("C", () -> G1Point.fromEthereumBytes(bytes, 192)));
    }

    private static <T> T decode(String name, java.util.function.Supplier<T> f) {
        try {
            return f.get();
        } catch (ZkFormatException e) {
            throw new ZkFormatException("proof." + name + ": " + e.getMessage(), e);
        }
    }
}
