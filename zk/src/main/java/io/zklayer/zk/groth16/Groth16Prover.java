package io.zklayer.zk.groth16;

import io.zklayer.zk.ZkFormatException;
import io.zklayer.zk.curve.G1Point;
import io.zklayer.zk.curve.G2Point;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.field.FrLimbs;
import io.zklayer.zk.msm.G1FixedMsm;
import io.zklayer.zk.msm.MsmG1;
import io.zklayer.zk.msm.MsmG2;
import io.zklayer.zk.ntt.Ntt;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The Groth16 prover over a snarkjs proving key, computing exactly what snarkjs's
 * {@code groth16_prove.js} computes:
 * <ol>
 *   <li>evaluations of A·w and B·w at the domain points from the zkey coefficients, C = A∘B pointwise;</li>
 *   <li>each of A, B, C interpolated (inverse NTT), moved to the odd coset ω₂ₙ·H (coefficient i times
 *       ω₂ₙ^i) and evaluated there (NTT); P = A∘B − C on that coset is what the zkey's H points expect;</li>
 *   <li>π_A = α₁ + Σ wᵢAᵢ + r·δ₁, π_B = β₂ + Σ wᵢB2ᵢ + s·δ₂, π_C = Σ_{private} wᵢCᵢ + Σ Pᵢ·Hᵢ + s·π_A +
 *       r·(β₁ + Σ wᵢB1ᵢ + s·δ₁) − r·s·δ₁.</li>
 * </ol>
 * The blinding scalars r and s come from the caller (uniformly random in production; fixed in tests).
 */
public final class Groth16Prover {
    /** Threads that compute the witness MSMs of a proof while its caller computes the quotient. */
    private static final ExecutorService HELPER = Executors.newFixedThreadPool(
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), r -> {
                Thread t = new Thread(r, "zk-prove");
                t.setDaemon(true);
                return t;
            });

    private Groth16Prover() {}

    /** Σ wᵢAᵢ, Σ wᵢB2ᵢ, Σ wᵢB1ᵢ and Σ_{private} wᵢCᵢ. */
    private record WitnessSums(G1Point a, G2Point b2, G1Point b1, G1Point c) {}

    private static WitnessSums join(Future<WitnessSums> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("prove: interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("prove: witness MSMs failed", e.getCause());
        }
    }

    /** Returns a proof with blinding factors r, s drawn uniformly from {@code rng} (a SecureRandom in production). */
    public static Proof prove(ProvingKey pk, Fr[] witness, java.security.SecureRandom rng) {
        return prove(pk, witness, Fr.random(rng), Fr.random(rng));
    }

    /** Returns the proof of {@code witness} (all wires, wire 0 = 1) under {@code pk} with blinding r, s. */
    public static Proof prove(ProvingKey pk, Fr[] witness, Fr r, Fr s) {
        return prove(pk, null, witness, r, s);
    }

    /** Returns a proof from a prepared key with blinding factors r, s drawn uniformly from {@code rng}. */
    public static Proof prove(PreparedProvingKey pk, Fr[] witness, java.security.SecureRandom rng) {
        return prove(pk, witness, Fr.random(rng), Fr.random(rng));
    }

    /**
     * Returns the proof of {@code witness} under a prepared key with blinding r, s: the same proof as
     * from the plain key, with the H sum taken from the key's fixed-base table.
     */
    public static Proof prove(PreparedProvingKey pk, Fr[] witness, Fr r, Fr s) {
        return prove(pk.key(), pk.h(), witness, r, s);
    }

    private static Proof prove(ProvingKey pk, G1FixedMsm hTable, Fr[] witness, Fr r, Fr s) {
        if (witness.length != pk.wireCount()) {
            throw new ZkFormatException("prove: witness has " + witness.length + " values, key has " + pk.wireCount() + " wires");
        }
        // the MSMs over the witness do not depend on the quotient polynomial: they run on a helper thread
        // while this one evaluates and transforms, so that both cores stay busy
        Fr[] priv = Arrays.copyOfRange(witness, pk.publicCount() + 1, witness.length);
        Future<WitnessSums> sums = HELPER.submit(() -> new WitnessSums(MsmG1.msm(pk.a(), witness),
                MsmG2.msm(pk.b2(), witness), MsmG1.msm(pk.b1(), witness), MsmG1.msm(pk.c(), priv)));
        int n = pk.domainSize();
        Fr[] a = new Fr[n];
        Fr[] b = new Fr[n];
        Arrays.fill(a, Fr.ZERO);
        Arrays.fill(b, Fr.ZERO);
        int[] m = pk.coefMatrix();
        int[] row = pk.coefRow();
        int[] wire = pk.coefWire();
        Fr[] val = pk.coefValue();
        for (int i = 0; i < m.length; i++) {
            Fr w = witness[wire[i]];
            if (w.isZero()) {
                continue;
            }
            Fr[] target = m[i] == 0 ? a : b;
            target[row[i]] = target[row[i]].add(val[i].mul(w));
        }
        // on limbs from here: C = A∘B, the three vectors moved to the odd coset, P = A∘B − C there
        int e = FrLimbs.SIZE;
        long[] la = new long[n * e];
        long[] lb = new long[n * e];
        long[] lc = new long[n * e];
        for (int i = 0; i < n; i++) {
            FrLimbs.set(la, i * e, a[i]);
            FrLimbs.set(lb, i * e, b[i]);
            FrLimbs.mul(lc, i * e, la, i * e, lb, i * e);
        }
        Ntt.toOddCoset(Ntt.log2(n), la, lb, lc);
        G1Point h;
        if (hTable != null) {
            long[] plain = new long[4 * n];
            long[] t = new long[e];
            for (int i = 0; i < n; i++) {
                FrLimbs.mul(la, i * e, la, i * e, lb, i * e);
                FrLimbs.sub(la, i * e, la, i * e, lc, i * e);
                FrLimbs.standard(la, i * e, t, plain, 4 * i);
            }
            h = hTable.msm(plain, n);
        } else {
            Fr[] p = new Fr[n];
            for (int i = 0; i < n; i++) {
                FrLimbs.mul(la, i * e, la, i * e, lb, i * e);
                FrLimbs.sub(la, i * e, la, i * e, lc, i * e);
                p[i] = FrLimbs.get(la, i * e);
            }
            h = MsmG1.msm(pk.h(), p);
        }
        WitnessSums w = join(sums);
        G1Point piA = w.a().add(pk.alpha1()).add(pk.delta1().mul(r));
        G2Point piB = w.b2().add(pk.beta2()).add(pk.delta2().mul(s));
        G1Point b1 = w.b1().add(pk.beta1()).add(pk.delta1().mul(s));
        G1Point piC = w.c().add(h).add(piA.mul(s)).add(b1.mul(r)).sub(pk.delta1().mul(r.mul(s)));
        return new Proof(piA, piB, piC);
    }
}
