package io.zklayer.zk.ntt;

import io.zklayer.zk.field.Fr;
import io.zklayer.zk.field.FrLimbs;
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
     * The tables of one domain size for {@link #toOddCoset}, as {@link FrLimbs}: ω^k and ω^−k for k &lt; n/2
     * (ω = ω_n), and at position i the factor g^rev(i)/n (g = ω_2n, rev the log₂n-bit reversal).
     */
    private record CosetTables(long[] forward, long[] inverse, long[] scale) {}

    private static final java.util.concurrent.ConcurrentHashMap<Integer, CosetTables> COSET_TABLES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static CosetTables cosetTables(int logN) {
        if (logN > CACHED_LOG2) {
            return buildCosetTables(logN);
        }
        return COSET_TABLES.computeIfAbsent(logN, Ntt::buildCosetTables);
    }

    private static CosetTables buildCosetTables(int logN) {
        int n = 1 << logN;
        int e = FrLimbs.SIZE;
        Fr omega = rootOfUnity(logN);
        Fr omegaInv = omega.inverse();
        long[] fwd = new long[Math.max(1, n / 2) * e];
        long[] inv = new long[Math.max(1, n / 2) * e];
        Fr w = Fr.ONE;
        Fr wInv = Fr.ONE;
        for (int k = 0; k < n / 2; k++) {
            FrLimbs.set(fwd, k * e, w);
            FrLimbs.set(inv, k * e, wInv);
            w = w.mul(omega);
            wInv = wInv.mul(omegaInv);
        }
        long[] scale = new long[n * e];
        Fr g = rootOfUnity(logN + 1);
        Fr f = Fr.of(n).inverse();
        for (int i = 0; i < n; i++) {
            int rev = logN == 0 ? 0 : Integer.reverse(i) >>> (32 - logN);
            FrLimbs.set(scale, rev * e, f);
            f = f.mul(g);
        }
        return new CosetTables(fwd, inv, scale);
    }

    /**
     * Re-evaluates, in place, each vector of n = 2^logN evaluations on the domain (as {@link FrLimbs},
     * {@link FrLimbs#SIZE} longs per element, normal) on the odd coset g·H, g = ω_2n — the form a zkey's
     * H points expect. Per vector: inverse transform by decimation in frequency (natural order in,
     * coefficients out in bit-reversed order), coefficient i times g^i/n, forward transform by
     * decimation in time (bit-reversed order in, natural order out): no permutation pass, one scaling
     * pass, no product by a twiddle of one. The vectors are processed in parallel on a small pool;
     * results are normal.
     */
    public static void toOddCoset(int logN, long[]... vectors) {
        if (logN < 0 || logN >= TWO_ADICITY) {
            throw new IllegalArgumentException("ntt: the odd coset of 2^" + logN + " needs a 2^" + (logN + 1) + "-th root");
        }
        int n = 1 << logN;
        for (long[] v : vectors) {
            if (v.length != n * FrLimbs.SIZE) {
                throw new IllegalArgumentException("ntt: a vector of " + v.length + " longs is not 2^" + logN + " elements");
            }
        }
        CosetTables tables = cosetTables(logN);
        java.util.List<java.util.concurrent.Future<?>> tasks = new java.util.ArrayList<>();
        for (long[] v : vectors) {
            tasks.add(POOL.submit(() -> {
                inverseDif(v, n, tables.inverse());
                long[] s = tables.scale();
                for (int i = 0; i < n * FrLimbs.SIZE; i += FrLimbs.SIZE) {
                    FrLimbs.mul(v, i, v, i, s, i);
                }
                forwardDit(v, n, tables.forward());
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

    /** Decimation in frequency with twiddles ω^−k: natural order in, bit-reversed order out, unscaled. */
    private static void inverseDif(long[] a, int n, long[] tw) {
        int e = FrLimbs.SIZE;
        for (int len = n; len >= 2; len >>= 1) {
            int half = len >> 1;
            int step = (n / len) * e;
            for (int start = 0; start < n; start += len) {
                int i = start * e;
                int j = (start + half) * e;
                FrLimbs.butterflyDif(a, i, j, null, 0);
                for (int k = e, t = step; k < half * e; k += e, t += step) {
                    FrLimbs.butterflyDif(a, i + k, j + k, tw, t);
                }
            }
        }
    }

    /** Decimation in time with twiddles ω^k: bit-reversed order in, natural order out. */
    private static void forwardDit(long[] a, int n, long[] tw) {
        int e = FrLimbs.SIZE;
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >> 1;
            int step = (n / len) * e;
            for (int start = 0; start < n; start += len) {
                int i = start * e;
                int j = (start + half) * e;
                FrLimbs.butterflyDit(a, i, j, null, 0);
                for (int k = e, t = step; k < half * e; k += e, t += step) {
                    FrLimbs.butterflyDit(a, i + k, j + k, tw, t);
                }
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
