package io.zklayer.pallets.verifier;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.primitives.types.H256;
import io.zklayer.zk.ZkFormatException;
import io.zklayer.zk.curve.G1Point;
import io.zklayer.zk.curve.G2Point;
import io.zklayer.zk.groth16.SnarkjsJson;
import io.zklayer.zk.groth16.VerifyingKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Groth16 verifying key in its on-chain SCALE form, in the conventions of the 256-byte on-chain
 * proof (uncompressed points, 32-byte big-endian coordinates, Ethereum's order for G2: imaginary part
 * first):
 *
 * <pre>
 * alpha [u8; 64] ‖ beta [u8; 128] ‖ gamma [u8; 128] ‖ delta [u8; 128] ‖ ic Vec&lt;[u8; 64]&gt;
 * </pre>
 *
 * A key with one public signal is 448 + 1 + 2·64 = 577 bytes: the fixed 448, then {@code 0x08}
 * (Compact 2) and IC₀, IC₁. The key id is blake2b-256 of exactly these bytes, so equal keys have equal
 * ids on every node and a prepared key can be cached by id for ever.
 *
 * <p>The codec checks lengths only, bounded by {@link #MAX_PUBLIC_INPUTS}, so decoding an extrinsic stays
 * cheap; {@link #toVerifyingKey()} checks the points (canonical coordinates, on their curves, G2 points in
 * the order-r subgroup) and refuses degenerate keys whose α, β, γ or δ is the point at infinity (with γ or
 * δ at infinity anyone could satisfy the pairing equation).
 */
public final class EncodedVerifyingKey {
    /** The most public signals a registered key may have (IC then holds at most 65 points). */
    public static final int MAX_PUBLIC_INPUTS = 64;
    /** Bytes of alpha, beta, gamma and delta. */
    public static final int FIXED_LENGTH = 64 + 3 * 128;

    private static final String TYPE = "VerifyingKey";

    /** The IC vector: a compact count of 1…65 checked before anything is read, then the points. */
    private static final ScaleCodec<List<byte[]>> IC = ScaleCodecs.of("Vec<[u8; 64]>", 1 + 64,
            (w, points) -> {
                w.compact(points.size());
                points.forEach(w::raw);
            },
            r -> {
                int n = r.length(TYPE + ".ic", 64);
                if (n < 1 || n > MAX_PUBLIC_INPUTS + 1) {
                    throw r.error(TYPE + ".ic", "holds " + n + " points; a key needs 1 to " + (MAX_PUBLIC_INPUTS + 1)
                            + " (public signals + 1)");
                }
                List<byte[]> points = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    points.add(r.raw(64, TYPE + ".ic"));
                }
                return points;
            });

    /** SCALE codec (see the class comment); decoding bounds the IC length before allocating. */
    public static final ScaleRecord<EncodedVerifyingKey> CODEC = ScaleRecord.of(TYPE,
            ScaleRecord.field("alpha", ScaleCodecs.fixedBytes(64), k -> k.slice(0, 64)),
            ScaleRecord.field("beta", ScaleCodecs.fixedBytes(128), k -> k.slice(64, 128)),
            ScaleRecord.field("gamma", ScaleCodecs.fixedBytes(128), k -> k.slice(192, 128)),
            ScaleRecord.field("delta", ScaleCodecs.fixedBytes(128), k -> k.slice(320, 128)),
            ScaleRecord.field("ic", IC, EncodedVerifyingKey::icPoints),
            EncodedVerifyingKey::assemble);

    private final byte[] bytes;
    private final int icCount;

    private EncodedVerifyingKey(byte[] bytes, int icCount) {
        this.bytes = bytes;
        this.icCount = icCount;
    }

    private byte[] slice(int from, int length) {
        return Arrays.copyOfRange(bytes, from, from + length);
    }

    private List<byte[]> icPoints() {
        int icStart = bytes.length - 64 * icCount;
        List<byte[]> out = new ArrayList<>(icCount);
        for (int i = 0; i < icCount; i++) {
            out.add(slice(icStart + 64 * i, 64));
        }
        return out;
    }

    private static EncodedVerifyingKey assemble(byte[] alpha, byte[] beta, byte[] gamma, byte[] delta, List<byte[]> ic) {
        io.zklayer.primitives.codec.ScaleWriter w = new io.zklayer.primitives.codec.ScaleWriter(
                FIXED_LENGTH + 2 + 64 * ic.size());
        w.raw(alpha).raw(beta).raw(gamma).raw(delta).compact(ic.size());
        ic.forEach(w::raw);
        return new EncodedVerifyingKey(w.toByteArray(), ic.size());
    }

    /** Returns the on-chain form of a (valid) key; fails if it has more than {@link #MAX_PUBLIC_INPUTS} signals. */
    public static EncodedVerifyingKey of(VerifyingKey key) {
        int n = key.ic().size();
        if (n > MAX_PUBLIC_INPUTS + 1) {
            throw new IllegalArgumentException("verifying key: " + key.publicCount() + " public signals exceed the maximum of "
                    + MAX_PUBLIC_INPUTS);
        }
        io.zklayer.primitives.codec.ScaleWriter w = new io.zklayer.primitives.codec.ScaleWriter(FIXED_LENGTH + 2 + 64 * n);
        w.raw(key.alpha().toEthereumBytes()).raw(key.beta().toEthereumBytes()).raw(key.gamma().toEthereumBytes())
                .raw(key.delta().toEthereumBytes()).compact(n);
        key.ic().forEach(p -> w.raw(p.toEthereumBytes()));
        return new EncodedVerifyingKey(w.toByteArray(), n);
    }

    /**
     * Returns the on-chain form of a snarkjs {@code verification_key.json}.
     *
     * @throws ZkFormatException naming the offending JSON field, or when the key has too many signals
     */
    public static EncodedVerifyingKey fromSnarkjsJson(String json) {
        VerifyingKey key = SnarkjsJson.readVerifyingKey(json);
        if (key.publicCount() > MAX_PUBLIC_INPUTS) {
            throw new ZkFormatException("verification key.IC: " + key.publicCount() + " public signals exceed the maximum of "
                    + MAX_PUBLIC_INPUTS);
        }
        return of(key);
    }

    /** Returns the SCALE bytes (a copy). */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Returns the encoded length in bytes. */
    public int length() {
        return bytes.length;
    }

    /** Returns the number of public signals the key verifies (IC points − 1). */
    public int publicCount() {
        return icCount - 1;
    }

    /** Returns the key id: blake2b-256 of the SCALE bytes. */
    public H256 keyId() {
        return H256.blake2b256Of(bytes);
    }

    /**
     * Returns the key with every point checked.
     *
     * @throws ZkFormatException naming the point and the rule it breaks, e.g. {@code "verifying key.gamma:
     *     the point at infinity makes a degenerate key"}
     */
    public VerifyingKey toVerifyingKey() {
        G1Point alpha = nonInfinite(g1(0, "alpha"), "alpha");
        G2Point beta = nonInfinite(g2(64, "beta"), "beta");
        G2Point gamma = nonInfinite(g2(192, "gamma"), "gamma");
        G2Point delta = nonInfinite(g2(320, "delta"), "delta");
        int icStart = bytes.length - 64 * icCount;
        List<G1Point> ic = new ArrayList<>(icCount);
        for (int i = 0; i < icCount; i++) {
            ic.add(g1(icStart + 64 * i, "ic[" + i + "]"));
        }
        return new VerifyingKey(alpha, beta, gamma, delta, ic);
    }

    private G1Point g1(int offset, String name) {
        try {
            return G1Point.fromEthereumBytes(bytes, offset);
        } catch (ZkFormatException e) {
            throw new ZkFormatException("verifying key." + name + ": " + e.getMessage(), e);
        }
    }

    private G2Point g2(int offset, String name) {
        try {
            return G2Point.fromEthereumBytes(bytes, offset);
        } catch (ZkFormatException e) {
            throw new ZkFormatException("verifying key." + name + ": " + e.getMessage(), e);
        }
    }

    private static <P> P nonInfinite(P point, String name) {
        boolean infinite = point instanceof G1Point g1 ? g1.isInfinity() : ((G2Point) point).isInfinity();
        if (infinite) {
            throw new ZkFormatException("verifying key." + name + ": the point at infinity makes a degenerate key");
        }
        return point;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncodedVerifyingKey k && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "VerifyingKey(" + publicCount() + " public signals, " + bytes.length + " bytes, id " + keyId() + ")";
    }
}
