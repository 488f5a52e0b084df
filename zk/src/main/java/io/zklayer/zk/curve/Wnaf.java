package io.zklayer.zk.curve;

import java.math.BigInteger;

/** Width-w non-adjacent form of a non-negative scalar, for windowed scalar multiplication. */
final class Wnaf {
    private Wnaf() {}

    /** Returns the digits, least significant first: each is 0 or odd with |d| < 2^(w−1). */
    static int[] digits(BigInteger k, int w) {
        int[] out = new int[k.bitLength() + 1];
        int n = 0;
        int mod = 1 << w;
        int half = 1 << (w - 1);
        BigInteger x = k;
        while (x.signum() > 0) {
            int d = 0;
            if (x.testBit(0)) {
                d = x.intValue() & (mod - 1);
                if (d >= half) {
                    d -= mod;
                }
                x = x.subtract(BigInteger.valueOf(d));
            }
            out[n++] = d;
            x = x.shiftRight(1);
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
