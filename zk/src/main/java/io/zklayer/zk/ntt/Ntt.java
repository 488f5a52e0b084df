package io.zklayer.zk.ntt;

import io.zklayer.zk.field.Fr;
import java.math.BigInteger;

/**
 * Number-theoretic transforms over Fr on power-of-two domains {1, ω, ω², …}, with the roots snarkjs
 * (ffjavascript) uses: r − 1 = 2²⁸·t, the 2²⁸-th root is 5^t (5 is the smallest non-residue), and the
 * 2^k-th root ω_k is its 2^(28−k)-th power. Using the same ω matters: a zkey's H points are tied to it.
 */
public final class Ntt {
    /** The 2-adicity of r − 1. */
    public static final int TWO_ADICITY = 28;
    private static final Fr[] ROOTS = new Fr[TWO_ADICITY + 1];

    static {
        BigInteger t = Fr.MODULUS.subtract(BigInteger.ONE).shiftRight(TWO_ADICITY);
        ROOTS[TWO_ADICITY] = Fr.of(5).pow(t);
        for (int i = TWO_ADICITY - 1; i >= 0; i--) {
            ROOTS[i] = ROOTS[i + 1].square();
        }
    }

    private Ntt() {}

    /** Returns ω_k, a primitive 2^k-th root of unity (k ≤ 28). */
    public static Fr rootOfUnity(int log2) {
        if (log2 < 0 || log2 > TWO_ADICITY) {
            throw new IllegalArgumentException("ntt: domain 2^" + log2 + " exceeds 2^" + TWO_ADICITY);
        }
        return ROOTS[log2];
    }

    /** Transforms coefficients into evaluations at ω^0..ω^(n−1), in place (n a power of two). */
    public static void forward(Fr[] a) {
        transform(a, rootOfUnity(log2(a.length)));
    }

    /** Transforms evaluations at ω^0..ω^(n−1) back into coefficients, in place. */
    public static void inverse(Fr[] a) {
        transform(a, rootOfUnity(log2(a.length)).inverse());
        Fr nInv = Fr.of(a.length).inverse();
        for (int i = 0; i < a.length; i++) {
            a[i] = a[i].mul(nInv);
        }
    }

    /** Multiplies a[i] by g^i in place (moving a polynomial to the coset g·H before {@link #forward}). */
    public static void scaleByPowers(Fr[] a, Fr g) {
        Fr p = Fr.ONE;
        for (int i = 0; i < a.length; i++) {
            a[i] = a[i].mul(p);
            p = p.mul(g);
        }
    }

    /**
     * Re-evaluates each vector (evaluations on the domain) on the coset g·H: inverse NTT, scale
     * coefficient i by g^i, forward NTT. The vectors are processed in parallel on a small pool.
     */
    public static void toOddCosetInParallel(Fr g, Fr[]... vectors) {
        java.util.List<java.util.concurrent.Future<?>> tasks = new java.util.ArrayList<>();
        for (Fr[] v : vectors) {
            tasks.add(POOL.submit(() -> {
                inverse(v);
                scaleByPowers(v, g);
                forward(v);
            }));
        }
        for (java.util.concurrent.Future<?> t : tasks) {
            try {
                t.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("ntt: interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("ntt: transform failed", e.getCause());
            }
        }
    }

    private static final java.util.concurrent.ExecutorService POOL = java.util.concurrent.Executors.newFixedThreadPool(
            Math.max(1, Math.min(3, Runtime.getRuntime().availableProcessors())), r -> {
                Thread t = new Thread(r, "zk-ntt");
                t.setDaemon(true);
                return t;
            });

    /** Returns log2(n) for a power of two n. */
    public static int log2(int n) {
        if (n <= 0 || (n & (n - 1)) != 0) {
            throw new IllegalArgumentException("ntt: size must be a power of two, got " + n);
        }
        return Integer.numberOfTrailingZeros(n);
    }

    /** Twiddle tables ω^0..ω^(n/2−1) for ω = ω_k and its inverse, cached for domains up to 2^CACHED_LOG2. */
    private static final java.util.concurrent.ConcurrentHashMap<Fr, Fr[]> TWIDDLES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CACHED_LOG2 = 16;

    /** Returns ω^0, ω^1, …, ω^(n/2 − 1) (shared, read-only). */
    private static Fr[] twiddles(Fr omega, int n) {
        if (Integer.numberOfTrailingZeros(n) > CACHED_LOG2) {
            return powers(omega, n / 2);
        }
        return TWIDDLES.computeIfAbsent(omega, w -> powers(w, n / 2));
    }

    private static Fr[] powers(Fr w, int count) {
        Fr[] t = new Fr[Math.max(1, count)];
        t[0] = Fr.ONE;
        for (int k = 1; k < count; k++) {
            t[k] = t[k - 1].mul(w);
        }
        return t;
    }

    /**
     * In-place radix-2 transform: bit-reversal permutation, then log₂n butterfly stages; stage len uses
     * every (n/len)-th entry of one table of powers of ω (a primitive n-th root determines n, so a table
     * is cached per ω).
     */
    private static void transform(Fr[] a, Fr omega) {
        int n = a.length;
        int logN = log2(n);
        for (int i = 0; i < n; i++) {
            int j = Integer.reverse(i) >>> (32 - logN);
            if (logN > 0 && j > i) {
                Fr t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
        }
        Fr[] twiddles = twiddles(omega, n);
        for (int len = 2; len <= n; len <<= 1) {
            int half = len / 2;
            int stride = n / len;
            for (int start = 0; start < n; start += len) {
                for (int k = 0; k < half; k++) {
                    Fr u = a[start + k];
                    Fr v = a[start + k + half].mul(twiddles[k * stride]);
                    a[start + k] = u.add(v);
                    a[start + k + half] = u.sub(v);
                }
            }
        }
    }
}
