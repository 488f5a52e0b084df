package io.zklayer.zk.curve;

import io.zklayer.zk.ZkFormatException;
import io.zklayer.zk.field.Fp;
import io.zklayer.zk.field.Fr;
import java.math.BigInteger;

/**
 * A point of G1, the group of BN254 points y² = x³ + 3 over Fp (prime order r, cofactor 1), in
 * Jacobian coordinates (X, Y, Z) meaning the affine point (X/Z², Y/Z³); Z = 0 is the point at infinity.
 *
 * <p>Encodings: Ethereum's precompile form is 64 bytes {@code x ‖ y}, big-endian, with the point at
 * infinity as 64 zero bytes — for example the generator is {@code 0x00…01 ‖ 0x00…02}. The compressed
 * form is 32 bytes {@code x} with the two top bits as flags (gnark's convention): {@code 0b10} y is the
 * smaller root, {@code 0b11} y is the larger root, {@code 0b01} infinity. Parsing is strict: coordinates
 * ≥ q and points off the curve are {@link ZkFormatException}s.
 */
public final class G1Point {
    /** The curve constant b = 3. */
    static final Fp B = Fp.of(3);
    /** The point at infinity. */
    public static final G1Point INFINITY = new G1Point(Fp.ONE, Fp.ONE, Fp.ZERO);
    /** The standard generator (1, 2). */
    public static final G1Point GENERATOR = new G1Point(Fp.ONE, Fp.of(2), Fp.ONE);

    private static final int FLAG_MASK = 0b11 << 6;
    private static final int FLAG_SMALLEST = 0b10 << 6;
    private static final int FLAG_LARGEST = 0b11 << 6;
    private static final int FLAG_INFINITY = 0b01 << 6;

    /** Jacobian X. */
    public final Fp x;
    /** Jacobian Y. */
    public final Fp y;
    /** Jacobian Z (zero for infinity, one once normalized). */
    public final Fp z;

    /** Returns the point with Jacobian coordinates (x, y, z); no check is made (see {@link #isOnCurve}). */
    public G1Point(Fp x, Fp y, Fp z) {
        this.x = x;
        this.y = y;
        this.z = z;
    }

    /** Returns the affine point (x, y) after checking it lies on the curve. */
    public static G1Point fromAffine(Fp x, Fp y) {
        G1Point p = new G1Point(x, y, Fp.ONE);
        if (!p.isOnCurve()) {
            throw new ZkFormatException("G1: point (" + x + ", " + y + ") is not on y^2 = x^3 + 3");
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
        Fp z2 = z.square();
        Fp z6 = z2.square().mul(z2);
        return y.square().equals(x.square().mul(x).add(B.mul(z6)));
    }

    /** Returns −this. */
    public G1Point neg() {
        return new G1Point(x, y.neg(), z);
    }

    /** Returns 2·this (dbl-2009-l). */
    public G1Point dbl() {
        if (isInfinity() || y.isZero()) {
            return INFINITY;
        }
        Fp a = x.square();
        Fp b = y.square();
        Fp c = b.square();
        Fp d = x.add(b).square().sub(a).sub(c).dbl();
        Fp e = a.dbl().add(a);
        Fp f = e.square();
        Fp x3 = f.sub(d.dbl());
        Fp y3 = e.mul(d.sub(x3)).sub(c.dbl().dbl().dbl());
        Fp z3 = y.mul(z).dbl();
        return new G1Point(x3, y3, z3);
    }

    /** Returns this + q (add-2007-bl; handles doubling and infinity). */
    public G1Point add(G1Point q) {
        if (isInfinity()) {
            return q;
        }
        if (q.isInfinity()) {
            return this;
        }
        if (q.z.isOne()) {
            return addAffine(q);
        }
        Fp z1z1 = z.square();
        Fp z2z2 = q.z.square();
        Fp u1 = x.mul(z2z2);
        Fp u2 = q.x.mul(z1z1);
        Fp s1 = y.mul(q.z).mul(z2z2);
        Fp s2 = q.y.mul(z).mul(z1z1);
        Fp h = u2.sub(u1);
        Fp r = s2.sub(s1).dbl();
        if (h.isZero()) {
            return r.isZero() ? dbl() : INFINITY;
        }
        Fp i = h.dbl().square();
        Fp j = h.mul(i);
        Fp v = u1.mul(i);
        Fp x3 = r.square().sub(j).sub(v.dbl());
        Fp y3 = r.mul(v.sub(x3)).sub(s1.mul(j).dbl());
        Fp z3 = z.add(q.z).square().sub(z1z1).sub(z2z2).mul(h);
        return new G1Point(x3, y3, z3);
    }

    /** Returns this + q for q with Z = 1 (madd-2007-bl). */
    public G1Point addAffine(G1Point q) {
        if (isInfinity()) {
            return q;
        }
        Fp z1z1 = z.square();
        Fp u2 = q.x.mul(z1z1);
        Fp s2 = q.y.mul(z).mul(z1z1);
        Fp h = u2.sub(x);
        Fp r = s2.sub(y).dbl();
        if (h.isZero()) {
            return r.isZero() ? dbl() : INFINITY;
        }
        Fp hh = h.square();
        Fp i = hh.dbl().dbl();
        Fp j = h.mul(i);
        Fp v = x.mul(i);
        Fp x3 = r.square().sub(j).sub(v.dbl());
        Fp y3 = r.mul(v.sub(x3)).sub(y.mul(j).dbl());
        Fp z3 = z.add(h).square().sub(z1z1).sub(hh);
        return new G1Point(x3, y3, z3);
    }

    /** Returns this − q. */
    public G1Point sub(G1Point q) {
        return add(q.neg());
    }

    /** Returns k·this for a scalar in Fr. */
    public G1Point mul(Fr k) {
        return mul(k.toBigInteger());
    }

    /** Returns k·this for any non-negative integer k (not reduced: the caller's multiple exactly). */
    public G1Point mul(BigInteger k) {
        if (k.signum() < 0) {
            return neg().mul(k.negate());
        }
        if (k.bitLength() <= 16) {
            G1Point acc = INFINITY;
            for (int i = k.bitLength() - 1; i >= 0; i--) {
                acc = acc.dbl();
                if (k.testBit(i)) {
                    acc = acc.add(this);
                }
            }
            return acc;
        }
        int[] naf = Wnaf.digits(k, 5);
        G1Point[] odd = new G1Point[8]; // P, 3P, 5P, …, 15P
        odd[0] = this;
        G1Point twice = dbl();
        for (int i = 1; i < odd.length; i++) {
            odd[i] = odd[i - 1].add(twice);
        }
        G1Point acc = INFINITY;
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
    public G1Point normalize() {
        if (isInfinity()) {
            return INFINITY;
        }
        if (z.isOne()) {
            return this;
        }
        Fp zi = z.inverse();
        Fp zi2 = zi.square();
        return new G1Point(x.mul(zi2), y.mul(zi2).mul(zi), Fp.ONE);
    }

    /** Returns all points normalized to Z = 1 with one field inversion (Montgomery's trick). */
    public static G1Point[] normalizeAll(G1Point[] points) {
        int n = points.length;
        Fp[] prefix = new Fp[n];
        Fp acc = Fp.ONE;
        for (int i = 0; i < n; i++) {
            prefix[i] = acc;
            if (!points[i].isInfinity()) {
                acc = acc.mul(points[i].z);
            }
        }
        Fp inv = acc.inverse();
        G1Point[] out = new G1Point[n];
        for (int i = n - 1; i >= 0; i--) {
            G1Point p = points[i];
            if (p.isInfinity()) {
                out[i] = INFINITY;
                continue;
            }
            Fp zi = inv.mul(prefix[i]);
            inv = inv.mul(p.z);
            Fp zi2 = zi.square();
            out[i] = new G1Point(p.x.mul(zi2), p.y.mul(zi2).mul(zi), Fp.ONE);
        }
        return out;
    }

    /** Returns the affine x (the point must not be infinity). */
    public Fp affineX() {
        return normalize().x;
    }

    /** Returns the affine y (the point must not be infinity). */
    public Fp affineY() {
        return normalize().y;
    }

    /** Returns the 64-byte Ethereum encoding {@code x ‖ y} (infinity = 64 zero bytes). */
    public byte[] toEthereumBytes() {
        byte[] out = new byte[64];
        writeEthereumBytes(out, 0);
        return out;
    }

    /** Writes the 64-byte Ethereum encoding at {@code offset}. */
    public void writeEthereumBytes(byte[] out, int offset) {
        if (isInfinity()) {
            java.util.Arrays.fill(out, offset, offset + 64, (byte) 0);
            return;
        }
        G1Point a = normalize();
        a.x.writeBytesBE(out, offset);
        a.y.writeBytesBE(out, offset + 32);
    }

    /**
     * Returns the point from 64 bytes {@code x ‖ y} at {@code offset}; (0, 0) is infinity. Coordinates
     * ≥ q and points off the curve are rejected.
     */
    public static G1Point fromEthereumBytes(byte[] in, int offset) {
        if (in.length - offset < 64) {
            throw new ZkFormatException("G1: need 64 bytes at offset " + offset + ", have " + (in.length - offset));
        }
        Fp px;
        Fp py;
        try {
            px = Fp.fromBytesBE(in, offset);
            py = Fp.fromBytesBE(in, offset + 32);
        } catch (ZkFormatException e) {
            throw new ZkFormatException("G1: coordinate not canonical (≥ q) at offset " + offset, e);
        }
        if (px.isZero() && py.isZero()) {
            return INFINITY;
        }
        return fromAffine(px, py);
    }

    /** Returns the 32-byte compressed encoding (x with flag bits, see the class comment). */
    public byte[] toCompressed() {
        byte[] out = new byte[32];
        if (isInfinity()) {
            out[0] = (byte) FLAG_INFINITY;
            return out;
        }
        G1Point a = normalize();
        a.x.writeBytesBE(out, 0);
        out[0] |= (byte) (a.y.isLexicographicallyLargest() ? FLAG_LARGEST : FLAG_SMALLEST);
        return out;
    }

    /** Returns the point from its 32-byte compressed encoding; rejects bad flags, x ≥ q and x with no point. */
    public static G1Point fromCompressed(byte[] in) {
        if (in.length != 32) {
            throw new ZkFormatException("G1 compressed: need 32 bytes, have " + in.length);
        }
        int flags = in[0] & FLAG_MASK;
        byte[] xb = in.clone();
        xb[0] &= (byte) ~FLAG_MASK;
        if (flags == FLAG_INFINITY) {
            for (byte b : xb) {
                if (b != 0) {
                    throw new ZkFormatException("G1 compressed: infinity flag with non-zero x");
                }
            }
            return INFINITY;
        }
        if (flags != FLAG_SMALLEST && flags != FLAG_LARGEST) {
            throw new ZkFormatException("G1 compressed: invalid flag bits " + Integer.toBinaryString(flags >> 6));
        }
        Fp px = Fp.fromBytesBE(xb, 0);
        Fp rhs = px.square().mul(px).add(B);
        Fp py = rhs.pow(Fp.MODULUS.add(BigInteger.ONE).shiftRight(2));
        if (!py.square().equals(rhs)) {
            throw new ZkFormatException("G1 compressed: x = " + px + " is not the x of a curve point");
        }
        if (py.isLexicographicallyLargest() != (flags == FLAG_LARGEST)) {
            py = py.neg();
        }
        return new G1Point(px, py, Fp.ONE);
    }

    /** Returns true if both describe the same group element (whatever their Z). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof G1Point)) {
            return false;
        }
        G1Point q = (G1Point) o;
        if (isInfinity() || q.isInfinity()) {
            return isInfinity() && q.isInfinity();
        }
        Fp z1z1 = z.square();
        Fp z2z2 = q.z.square();
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
        G1Point a = normalize();
        return "G1(" + a.x + ", " + a.y + ")";
    }
}
