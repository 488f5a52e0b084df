package io.zklayer.zk.groth16;

import io.zklayer.zk.ZkFormatException;
import io.zklayer.zk.curve.G1FixedBase;
import io.zklayer.zk.curve.G1Point;
import io.zklayer.zk.curve.G2Point;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.ntt.Ntt;
import io.zklayer.zk.r1cs.BinaryFile;
import io.zklayer.zk.r1cs.Constraint;
import io.zklayer.zk.r1cs.ConstraintSystem;
import io.zklayer.zk.r1cs.LinearCombination;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Groth16 key generation in snarkjs's layout, so that keys interoperate with snarkjs:
 * <ul>
 *   <li>{@link #fromPtau}: the circuit-specific setup from a prepared phase-1 file ({@code .ptau} after
 *       {@code powersoftau prepare phase2}), like {@code snarkjs groth16 setup}: γ = δ = 1, points taken
 *       from the Lagrange sections (12: τ in G1, 13: τ in G2, 14: ατ, 15: βτ);</li>
 *   <li>{@link #contribute}: a phase-2 contribution multiplying δ by a secret k (δ₁, δ₂ times k; C and H
 *       divided by k), like {@code snarkjs zkey contribute};</li>
 *   <li>{@link #insecureSetupForTests}: every secret (τ, α, β, γ, δ) drawn from caller-supplied
 *       scalars. Whoever knows them can forge proofs: tests only.</li>
 * </ul>
 * The QAP follows snarkjs: domain n = 2^k ≥ nConstraints + nPublic + 1 (at least 8), the A-matrix gains
 * a row nConstraints + i with coefficient 1 on public wire i (i = 0..nPublic), and H holds the Lagrange
 * basis of the 2n-domain at odd indexes (divided by δ), matching {@link Groth16Prover}.
 */
public final class Groth16Setup {
    private Groth16Setup() {}

    /** The secrets of a test-only setup. */
    public record ToxicWaste(Fr tau, Fr alpha, Fr beta, Fr gamma, Fr delta) {}

    /** Returns snarkjs's domain size for the system: the least power of two ≥ constraints + nPublic + 1, at least 8. */
    public static int domainSize(ConstraintSystem cs) {
        long rows = (long) cs.constraints().size() + cs.publicCount() + 1;
        int k = 3;
        while ((1L << k) < rows) {
            k++;
        }
        if (k >= Ntt.TWO_ADICITY) {
            throw new ZkFormatException("setup: circuit needs a domain of 2^" + k + " rows, more than Fr supports");
        }
        return 1 << k;
    }

    /** Returns the proving key from a prepared phase-1 file, with γ = δ = 1 (before any phase-2 contribution). */
    public static ProvingKey fromPtau(ConstraintSystem cs, byte[] ptau) {
        BinaryFile f = BinaryFile.parse(ptau, "ptau");
        ByteBuffer h = f.section(1);
        int n8 = h.getInt();
        byte[] q = new byte[n8 == 32 ? 32 : 0];
        if (n8 != 32) {
            throw new ZkFormatException("ptau: field size must be 32, got " + n8);
        }
        h.get(q);
        int power = h.getInt();
        int n = domainSize(cs);
        int k = Ntt.log2(n);
        if (k > power || power > 27) {
            throw new ZkFormatException("ptau: circuit needs 2^" + k + " powers, file has 2^" + power);
        }
        G1Point[] tauL = g1Slice(f, 12, n - 1, n, (1L << (power + 2)) - 1);
        G2Point[] tauL2 = g2Slice(f, 13, n - 1, n, (1L << (power + 1)) - 1);
        G1Point[] alphaL = g1Slice(f, 14, n - 1, n, (1L << (power + 1)) - 1);
        G1Point[] betaL = g1Slice(f, 15, n - 1, n, (1L << (power + 1)) - 1);
        G1Point[] tauL2n = g1Slice(f, 12, 2 * n - 1, 2 * n, (1L << (power + 2)) - 1);
        G1Point alpha1 = g1Slice(f, 4, 0, 1, 1L << power)[0];
        G1Point beta1 = g1Slice(f, 5, 0, 1, 1L << power)[0];
        G2Point beta2 = g2Slice(f, 6, 0, 1, 1)[0];
        Qap qap = Qap.of(cs, n);
        int nVars = cs.wireCount();
        G1Point[] a = new G1Point[nVars];
        G1Point[] b1 = new G1Point[nVars];
        G2Point[] b2 = new G2Point[nVars];
        G1Point[] kk = new G1Point[nVars];
        for (int s = 0; s < nVars; s++) {
            a[s] = combine(qap.a.get(s), tauL);
            b1[s] = combine(qap.b.get(s), tauL);
            b2[s] = combine2(qap.b.get(s), tauL2);
            kk[s] = combine(qap.a.get(s), betaL).add(combine(qap.b.get(s), alphaL)).add(combine(qap.c.get(s), tauL));
        }
        G1Point[] hq = new G1Point[n];
        for (int i = 0; i < n; i++) {
            hq[i] = tauL2n[2 * i + 1];
        }
        return assemble(cs, n, qap, alpha1, beta1, beta2, G2Point.GENERATOR, G1Point.GENERATOR, G2Point.GENERATOR, a, b1, b2, kk, hq);
    }

    /** Returns the key after a phase-2 contribution with secret k ≠ 0: δ ← k·δ. */
    public static ProvingKey contribute(ProvingKey pk, Fr k) {
        if (k.isZero()) {
            throw new IllegalArgumentException("setup: a contribution secret must be non-zero");
        }
        Fr inv = k.inverse();
        G1Point[] c = mulAll(pk.c(), inv);
        G1Point[] hq = mulAll(pk.h(), inv);
        return new ProvingKey(pk.wireCount(), pk.publicCount(), pk.domainSize(), pk.alpha1(), pk.beta1(), pk.beta2(),
                pk.gamma2(), pk.delta1().mul(k).normalize(), pk.delta2().mul(k).normalize(), pk.ic(), pk.coefMatrix(),
                pk.coefRow(), pk.coefWire(), pk.coefValue(), pk.a(), pk.b1(), pk.b2(), c, hq);
    }

    /** Returns a key from known secrets. INSECURE: anyone holding {@code waste} can forge proofs. */
    public static ProvingKey insecureSetupForTests(ConstraintSystem cs, ToxicWaste waste) {
        int n = domainSize(cs);
        Fr[] l = lagrangeAt(waste.tau(), n);
        Fr[] l2n = lagrangeAt(waste.tau(), 2 * n);
        Qap qap = Qap.of(cs, n);
        G1FixedBase g1 = new G1FixedBase(G1Point.GENERATOR);
        Fr gammaInv = waste.gamma().inverse();
        Fr deltaInv = waste.delta().inverse();
        int nVars = cs.wireCount();
        G1Point[] a = new G1Point[nVars];
        G1Point[] b1 = new G1Point[nVars];
        G2Point[] b2 = new G2Point[nVars];
        G1Point[] kk = new G1Point[nVars];
        for (int s = 0; s < nVars; s++) {
            Fr as = eval(qap.a.get(s), l);
            Fr bs = eval(qap.b.get(s), l);
            Fr cs0 = eval(qap.c.get(s), l);
            a[s] = g1.mul(as);
            b1[s] = g1.mul(bs);
            b2[s] = G2Point.GENERATOR.mul(bs);
            Fr kv = waste.beta().mul(as).add(waste.alpha().mul(bs)).add(cs0);
            kk[s] = g1.mul(kv.mul(s <= cs.publicCount() ? gammaInv : deltaInv));
        }
        G1Point[] hq = new G1Point[n];
        for (int i = 0; i < n; i++) {
            hq[i] = g1.mul(l2n[2 * i + 1].mul(deltaInv));
        }
        return assemble(cs, n, qap, g1.mul(waste.alpha()), g1.mul(waste.beta()), G2Point.GENERATOR.mul(waste.beta()),
                G2Point.GENERATOR.mul(waste.gamma()), g1.mul(waste.delta()), G2Point.GENERATOR.mul(waste.delta()), a, b1, b2, kk, hq);
    }

    private static ProvingKey assemble(ConstraintSystem cs, int n, Qap qap, G1Point alpha1, G1Point beta1, G2Point beta2,
            G2Point gamma2, G1Point delta1, G2Point delta2, G1Point[] a, G1Point[] b1, G2Point[] b2, G1Point[] k, G1Point[] hq) {
        int nPub = cs.publicCount();
        G1Point[] ic = new G1Point[nPub + 1];
        System.arraycopy(k, 0, ic, 0, nPub + 1);
        G1Point[] c = new G1Point[cs.wireCount() - nPub - 1];
        System.arraycopy(k, nPub + 1, c, 0, c.length);
        return new ProvingKey(cs.wireCount(), nPub, n, alpha1.normalize(), beta1.normalize(), beta2.normalize(),
                gamma2.normalize(), delta1.normalize(), delta2.normalize(), G1Point.normalizeAll(ic), qap.coefMatrix(),
                qap.coefRow(), qap.coefWire(), qap.coefValue(), G1Point.normalizeAll(a), G1Point.normalizeAll(b1),
                G2Point.normalizeAll(b2), G1Point.normalizeAll(c), G1Point.normalizeAll(hq));
    }

    /** Returns L_j(τ) for the n-domain, j = 0..n−1: (τⁿ − 1)/n · ωʲ/(τ − ωʲ). */
    static Fr[] lagrangeAt(Fr tau, int n) {
        Fr omega = Ntt.rootOfUnity(Ntt.log2(n));
        Fr zt = tau.pow(BigInteger.valueOf(n)).sub(Fr.ONE);
        if (zt.isZero()) {
            throw new IllegalArgumentException("setup: tau lies in the evaluation domain");
        }
        Fr factor = zt.mul(Fr.of(n).inverse());
        Fr[] out = new Fr[n];
        Fr w = Fr.ONE;
        for (int j = 0; j < n; j++) {
            out[j] = factor.mul(w).mul(tau.sub(w).inverse());
            w = w.mul(omega);
        }
        return out;
    }

    private static Fr eval(List<Term> terms, Fr[] basis) {
        Fr acc = Fr.ZERO;
        for (Term t : terms) {
            acc = acc.add(t.coef().mul(basis[t.row()]));
        }
        return acc;
    }

    private static G1Point combine(List<Term> terms, G1Point[] basis) {
        G1Point acc = G1Point.INFINITY;
        for (Term t : terms) {
            acc = acc.add(mulSigned(basis[t.row()], t.coef()));
        }
        return acc;
    }

    private static G2Point combine2(List<Term> terms, G2Point[] basis) {
        G2Point acc = G2Point.INFINITY;
        for (Term t : terms) {
            Fr c = t.coef();
            BigInteger v = c.toBigInteger();
            acc = acc.add(v.compareTo(Fr.MODULUS.shiftRight(1)) > 0
                    ? basis[t.row()].neg().mul(Fr.MODULUS.subtract(v)) : basis[t.row()].mul(v));
        }
        return acc;
    }

    /** Returns c·p, multiplying by r − c on −p when c is "negative" (circuits are full of −1 and small negatives). */
    private static G1Point mulSigned(G1Point p, Fr c) {
        BigInteger v = c.toBigInteger();
        return v.compareTo(Fr.MODULUS.shiftRight(1)) > 0 ? p.neg().mul(Fr.MODULUS.subtract(v)) : p.mul(v);
    }

    private static G1Point[] mulAll(G1Point[] pts, Fr k) {
        G1Point[] out = new G1Point[pts.length];
        for (int i = 0; i < pts.length; i++) {
            out[i] = pts[i].mul(k);
        }
        return G1Point.normalizeAll(out);
    }

    private static G1Point[] g1Slice(BinaryFile f, int section, long first, int count, long expectedPoints) {
        ByteBuffer s = f.section(section);
        if (s.remaining() != expectedPoints * 64) {
            throw new ZkFormatException("ptau: section " + section + " holds " + s.remaining() + " bytes, expected " + expectedPoints * 64);
        }
        int off = f.sectionOffset(section);
        G1Point[] out = new G1Point[count];
        for (int i = 0; i < count; i++) {
            out[i] = ZkeyFile.g1(f.bytes(), (int) (off + 64 * (first + i)), "ptau section " + section + "[" + (first + i) + "]");
        }
        return out;
    }

    private static G2Point[] g2Slice(BinaryFile f, int section, long first, int count, long expectedPoints) {
        ByteBuffer s = f.section(section);
        if (s.remaining() != expectedPoints * 128) {
            throw new ZkFormatException("ptau: section " + section + " holds " + s.remaining() + " bytes, expected " + expectedPoints * 128);
        }
        int off = f.sectionOffset(section);
        G2Point[] out = new G2Point[count];
        for (int i = 0; i < count; i++) {
            out[i] = ZkeyFile.g2(f.bytes(), (int) (off + 128 * (first + i)), "ptau section " + section + "[" + (first + i) + "]");
        }
        return out;
    }

    /** One QAP term: the coefficient of a wire in a row. */
    private record Term(int row, Fr coef) {}

    /** The QAP columns per wire: (row, coefficient) terms of A, B and C, plus the zkey coefficient list. */
    private static final class Qap {
        final List<List<Term>> a = new ArrayList<>();
        final List<List<Term>> b = new ArrayList<>();
        final List<List<Term>> c = new ArrayList<>();
        final List<Fr> coefs = new ArrayList<>();
        final List<int[]> entries = new ArrayList<>(); // {matrix, row, wire}

        static Qap of(ConstraintSystem cs, int n) {
            Qap q = new Qap();
            for (int s = 0; s < cs.wireCount(); s++) {
                q.a.add(new ArrayList<>());
                q.b.add(new ArrayList<>());
                q.c.add(new ArrayList<>());
            }
            List<Constraint> list = cs.constraints();
            for (int row = 0; row < list.size(); row++) {
                q.addAll(0, row, list.get(row).a(), q.a);
                q.addAll(1, row, list.get(row).b(), q.b);
                q.addAll(-1, row, list.get(row).c(), q.c);
            }
            for (int s = 0; s <= cs.publicCount(); s++) {
                q.add(0, list.size() + s, s, Fr.ONE, q.a);
            }
            if (list.size() + cs.publicCount() + 1 > n) {
                throw new IllegalStateException("setup: domain too small");
            }
            return q;
        }

        private void addAll(int matrix, int row, LinearCombination lc, List<List<Term>> col) {
            for (int i = 0; i < lc.size(); i++) {
                add(matrix, row, lc.wireAt(i), lc.coeffAt(i), col);
            }
        }

        private void add(int matrix, int row, int wire, Fr coef, List<List<Term>> col) {
            col.get(wire).add(new Term(row, coef));
            coefs.add(coef);
            if (matrix >= 0) {
                entries.add(new int[] {matrix, row, wire, coefs.size() - 1});
            }
        }

        int[] coefMatrix() {
            return entries.stream().mapToInt(e -> e[0]).toArray();
        }

        int[] coefRow() {
            return entries.stream().mapToInt(e -> e[1]).toArray();
        }

        int[] coefWire() {
            return entries.stream().mapToInt(e -> e[2]).toArray();
        }

        Fr[] coefValue() {
            return entries.stream().map(e -> coefs.get(e[3])).toArray(Fr[]::new);
        }
    }
}
