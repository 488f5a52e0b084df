package io.zklayer.zk.curve;

import io.zklayer.zk.ZkFormatException;
import io.zklayer.zk.field.Fp;
import io.zklayer.zk.field.Fp2;
import io.zklayer.zk.field.Fr;
import java.math.BigInteger;

/**
 * A point of G2: the D-type sextic twist y² = x³ + 3/ξ over Fp2 (ξ = 9 + u), restricted to its
 * order-r subgroup, in Jacobian coordinates (X, Y, Z) meaning (X/Z², Y/Z³); Z = 0 is infinity.
 *
 * <p>Encodings: Ethereum's precompile form is 128 bytes {@code x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0} — the
 * imaginary part FIRST — big-endian, infinity as 128 zero bytes. The compressed form is 64 bytes
 * {@code x.c1 ‖ x.c0} with the two top bits of the first byte as flags ({@code 0b10} smaller y,
 * {@code 0b11} larger y, {@code 0b01} infinity; "larger" compares the imaginary part first). Parsing is
 * strict: coordinates ≥ q, points off the twist and points outside the order-r subgroup (the twist has
 * a large cofactor) are {@link ZkFormatException}s.
 */
public final class G2Point {
    /** The curve constant b = 3. */
    static final Fp2 B = new Fp2(Fp.of(3), Fp.ZERO).mul(Fp2.XI.inverse());
    /** The point at infinity. */
    public static final G2Point INFINITY = new G2Point(Fp2.ONE, Fp2.ONE, Fp2.ZERO);
    /** The standard generator (EIP-197's, also snarkjs's gamma). */
    public static final G2Point GENERATOR = new G2Point(
            new Fp2(Fp.fromDecimal("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
                    Fp.fromDecimal("11559732032986387107991004021392285783925812861821192530917403151452391805634")),
            new Fp2(Fp.fromDecimal("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
                    Fp.fromDecimal("4082367875863433681332203403145435568316851327593401208105741076214120093531")),
            Fp2.ONE);

    private static final int FLAG_MASK = 0b11 << 6;
    private static final int FLAG_SMALLEST = 0b10 << 6;
    private static final int FLAG_LARGEST = 0b11 << 6;
    private static final int FLAG_INFINITY = 0b01 << 6;

    /** Jacobian X. */
    public final Fp2 x;
    /** Jacobian Y. */
    public final Fp2 y;
    /** Jacobian Z (zero for infinity, one once normalized). */
    public final Fp2 z;

    /** Returns the point with Jacobian coordinates (x, y, z); no check is made (see {@link #isOnCurve}). */
    public G2Point(Fp2 x, Fp2 y, Fp2 z) {
        this.x = x;
        this.y = y;
        this.z = z;
    }

    /** Returns the affine point (x, y) after checking it lies on the twist and in the order-r subgroup. */
    public static G2Point fromAffine(Fp2 x, Fp2 y) {
        G2Point p = new G2Point(x, y, Fp2.ONE);
        if (!p.isOnCurve()) {
            throw new ZkFormatException("G2: point (" + x + ", " + y + ") is not on the twist y^2 = x^3 + 3/(9+u)");
        }
        if (!p.isInSubgroup()) {
            throw new ZkFormatException("G2: point (" + x + ", " + y + ") is on the twist but not in the order-r subgroup");
        }
        return p;
    }

    /** Returns true for the point at infinity. */
    public boolean isInfinity() {
        return z.isZero();
    }

    /** Returns true if the point satisfies the curve equation Y² = X³ + 3·Z⁶ (infinity included). */
    public boolean isOnCurve() {
        if (isInfinity()) {
            return true;
        }
        Fp2 z2 = z.square();
        Fp2 z6 = z2.square().mul(z2);
        return y.square().equals(x.square().mul(x).add(B.mul(z6)));
    }

    /** Returns true if r·this is infinity, i.e. the point lies in G2 proper (call on points on the twist). */
    public boolean isInSubgroup() {
        return G2Subgroup.contains(this);
    }

    /** Returns −this. */
    public G2Point neg() {
        return new G2Point(x, y.neg(), z);
    }

    /** Returns 2·this (dbl-2009-l). */
    public G2Point dbl() {
        if (isInfinity() || y.isZero()) {
            return INFINITY;
        }
        Fp2 a = x.square();
        Fp2 b = y.square();
        Fp2 c = b.square();
        Fp2 d = x.add(b).square().sub(a).sub(c).dbl();
        Fp2 e = a.dbl().add(a);
        Fp2 f = e.square();
        Fp2 x3 = f.sub(d.dbl());
        Fp2 y3 = e.mul(d.sub(x3)).sub(c.dbl().dbl().dbl());
        Fp2 z3 = y.mul(z).dbl();
        return new G2Point(x3, y3, z3);
    }

    /** Returns this + q (add-2007-bl; handles doubling and infinity). */
    public G2Point add(G2Point q) {
        if (isInfinity()) {
            return q;
        }
        if (q.isInfinity()) {
            return this;
        }
        if (q.z.isOne()) {
            return addAffine(q);
        }
        Fp2 z1z1 = z.square();
        Fp2 z2z2 = q.z.square();
        Fp2 u1 = x.mul(z2z2);
        Fp2 u2 = q.x.mul(z1z1);
        Fp2 s1 = y.mul(q.z).mul(z2z2);
        Fp2 s2 = q.y.mul(z).mul(z1z1);
        Fp2 h = u2.sub(u1);
        Fp2 r = s2.sub(s1).dbl();
        if (h.isZero()) {
            return r.isZero() ? dbl() : INFINITY;
        }
        Fp2 i = h.dbl().square();
        Fp2 j = h.mul(i);
        Fp2 v = u1.mul(i);
        Fp2 x3 = r.square().sub(j).sub(v.dbl());
        Fp2 y3 = r.mul(v.sub(x3)).sub(s1.mul(j).dbl());
        Fp2 z3 = z.add(q.z).square().sub(z1z1).sub(z2z2).mul(h);
        return new G2Point(x3, y3, z3);
    }

    /** Returns this + q for q with Z = 1 (madd-2007-bl). */
    public G2Point addAffine(G2Point q) {
        if (isInfinity()) {
            return q;
        }
        Fp2 z1z1 = z.square();
        Fp2 u2 = q.x.mul(z1z1);
        Fp2 s2 = q.y.mul(z).mul(z1z1);
        Fp2 h = u2.sub(x);
        Fp2 r = s2.sub(y).dbl();
        if (h.isZero()) {
            return r.isZero() ? dbl() : INFINITY;
        }
        Fp2 hh = h.square();
        Fp2 i = hh.dbl().dbl();
        Fp2 j = h.mul(i);
        Fp2 v = x.mul(i);
        Fp2 x3 = r.square().sub(j).sub(v.dbl());
        Fp2 y3 = r.mul(v.sub(x3)).sub(y.mul(j).dbl());
        Fp2 z3 = z.add(h).square().sub(z1z1).sub(hh);
        return new G2Point(x3, y3, z3);
    }

    /** Returns this − q. */
    public G2Point sub(G2Point q) {
        return add(q.neg());
    }

    /** Returns k·this for a scalar in Fr. */
    public G2Point mul(Fr k) {
        return mul(k.toBigInteger());
    }

    /** Returns k·this for any non-negative integer k (not reduced: the caller's multiple exactly). */
    public G2Point mul(BigInteger k) {
        if (k.signum() < 0) {
            return neg().mul(k.negate());
        }
        if (k.bitLength() <= 16) {
            G2Point acc = INFINITY;
            for (int i = k.bitLength() - 1; i >= 0; i--) {
                acc = acc.dbl();
                if (k.testBit(i)) {
                    acc = acc.add(this);
                }
            }
            return acc;
        }
        int[] naf = Wnaf.digits(k, 5);
        G2Point[] odd = new G2Point[8]; // P, 3P, 5P, …, 15P
        odd[0] = this;
        G2Point twice = dbl();
        for (int i = 1; i < odd.length; i++) {
            odd[i] = odd[i - 1].add(twice);
        }
        G2Point acc = INFINITY;
        for (int i = naf.length - 1; i >= 0; i--) {
            acc = acc.dbl();
            int d = naf[i];
            if (d > 0) {
                acc = acc.add(odd[d >> 1]);
            } else if (d < 0) {
                acc = acc.add(odd[(-d) >> 1].neg());
            }
        }
        return acc;
    }

    /** Returns the same point with Z = 1 (or {@link #INFINITY}). */
    public G2Point normalize() {
        if (isInfinity()) {
            return INFINITY;
        }
        if (z.isOne()) {
            return this;
        }
        Fp2 zi = z.inverse();
        Fp2 zi2 = zi.square();
        return new G2Point(x.mul(zi2), y.mul(zi2).mul(zi), Fp2.ONE);
    }

    /** Returns all points normalized to Z = 1 with one field inversion (Montgomery's trick). */
    public static G2Point[] normalizeAll(G2Point[] points) {
        int n = points.length;
        Fp2[] prefix = new Fp2[n];
        Fp2 acc = Fp2.ONE;
        for (int i = 0; i < n; i++) {
            prefix[i] = acc;
            if (!points[i].isInfinity()) {
                acc = acc.mul(points[i].z);
            }
        }
        Fp2 inv = acc.inverse();
        G2Point[] out = new G2Point[n];
        for (int i = n - 1; i >= 0; i--) {
            G2Point p = points[i];
            if (p.isInfinity()) {
                out[i] = INFINITY;
                continue;
            }
            Fp2 zi = inv.mul(prefix[i]);
            inv = inv.mul(p.z);
            Fp2 zi2 = zi.square();
            out[i] = new G2Point(p.x.mul(zi2), p.y.mul(zi2).mul(zi), Fp2.ONE);
        }
        return out;
    }

    /** Returns the affine x (the point must not be infinity). */
    public Fp2 affineX() {
        return normalize().x;
    }

    /** Returns the affine y (the point must not be infinity). */
    public Fp2 affineY() {
        return normalize().y;
    }

    /** Returns the 128-byte Ethereum encoding {@code x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0} (infinity = zeros). */
    public byte[] toEthereumBytes() {
        byte[] out = new byte[128];
        writeEthereumBytes(out, 0);
        return out;
    }

    /** Writes the 128-byte Ethereum encoding at {@code offset}. */
    public void writeEthereumBytes(byte[] out, int offset) {
        if (isInfinity()) {
            java.util.Arrays.fill(out, offset, offset + 128, (byte) 0);
            return;
        }
        G2Point a = normalize();
        a.x.c1.writeBytesBE(out, offset);
        a.x.c0.writeBytesBE(out, offset + 32);
        a.y.c1.writeBytesBE(out, offset + 64);
        a.y.c0.writeBytesBE(out, offset + 96);
    }

    /**
     * Returns the point from 128 bytes {@code x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0} at {@code offset}; all zeros is
     * infinity. Coordinates ≥ q, points off the twist and points outside the subgroup are rejected.
     */
    public static G2Point fromEthereumBytes(byte[] in, int offset) {
        if (in.length - offset < 128) {
            throw new ZkFormatException("G2: need 128 bytes at offset " + offset + ", have " + (in.length - offset));
        }
        Fp2 px;
        Fp2 py;
        try {
            px = new Fp2(Fp.fromBytesBE(in, offset + 32), Fp.fromBytesBE(in, offset));
            py = new Fp2(Fp.fromBytesBE(in, offset + 96), Fp.fromBytesBE(in, offset + 64));
        } catch (ZkFormatException e) {
            throw new ZkFormatException("G2: coordinate not canonical (≥ q) at offset " + offset, e);
        }
        if (px.isZero() && py.isZero()) {
            return INFINITY;
        }
        return fromAffine(px, py);
    }

    /** Returns the 64-byte compressed encoding (x.c1 ‖ x.c0 with flag bits, see the class comment). */
    public byte[] toCompressed() {
        byte[] out = new byte[64];
        if (isInfinity()) {
            out[0] = (byte) FLAG_INFINITY;
            return out;
        }
        G2Point a = normalize();
        a.x.c1.writeBytesBE(out, 0);
        a.x.c0.writeBytesBE(out, 32);
        out[0] |= (byte) (a.y.isLexicographicallyLargest() ? FLAG_LARGEST : FLAG_SMALLEST);
        return out;
    }

    /** Returns the point from its 64-byte compressed encoding; rejects bad flags, x ≥ q, no point, wrong subgroup. */
    public static G2Point fromCompressed(byte[] in) {
        if (in.length != 64) {
            throw new ZkFormatException("G2 compressed: need 64 bytes, have " + in.length);
        }
        int flags = in[0] & FLAG_MASK;
        byte[] xb = in.clone();
        xb[0] &= (byte) ~FLAG_MASK;
        if (flags == FLAG_INFINITY) {
            for (byte b : xb) {
                if (b != 0) {
                    throw new ZkFormatException("G2 compressed: infinity flag with non-zero x");
                }
            }
            return INFINITY;
        }
        if (flags != FLAG_SMALLEST && flags != FLAG_LARGEST) {
            throw new ZkFormatException("G2 compressed: invalid flag bits " + Integer.toBinaryString(flags >> 6));
        }
        Fp2 px = new Fp2(Fp.fromBytesBE(xb, 32), Fp.fromBytesBE(xb, 0));
        Fp2 rhs = px.square().mul(px).add(B);
        Fp2 py = rhs.sqrt();
        if (py == null) {
            throw new ZkFormatException("G2 compressed: x = " + px + " is not the x of a twist point");
        }
        if (py.isLexicographicallyLargest() != (flags == FLAG_LARGEST)) {
            py = py.neg();
        }
        G2Point p = new G2Point(px, py, Fp2.ONE);
        if (!p.isInSubgroup()) {
            throw new ZkFormatException("G2 compressed: point is on the twist but not in the order-r subgroup");
        }
        return p;
    }

    /** Returns true if both describe the same group element (whatever their Z). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof G2Point)) {
            return false;
        }
        G2Point q = (G2Point) o;
        if (isInfinity() || q.isInfinity()) {
            return isInfinity() && q.isInfinity();
        }
        Fp2 z1z1 = z.square();
        Fp2 z2z2 = q.z.square();
        return x.mul(z2z2).equals(q.x.mul(z1z1)) && y.mul(z2z2).mul(q.z).equals(q.y.mul(z1z1).mul(z));
    }

    @Override
    public int hashCode() {
        return isInfinity() ? 0 : normalize().x.hashCode();
    }

    @Override
    public String toString() {
        if (isInfinity()) {
            return "G1(infinity)";
        }
        G2Point a = normalize();
        return "G1(" + a.x + ", " + a.y + ")";
    }
}
