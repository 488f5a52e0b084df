package io.zklayer.zk.groth16;

import io.zklayer.primitives.hashing.Hashing;
import io.zklayer.zk.curve.G1Endomorphism;
import io.zklayer.zk.curve.G1Point;
import io.zklayer.zk.field.Fp12;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.msm.MsmG1;
import io.zklayer.zk.pairing.Pairing;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Future;

/**
 * Verifies many Groth16 proofs, of one or several keys, with one random linear combination: for
 * 128-bit randomizers ρⱼ the batch holds iff (with overwhelming probability) every proof does:
 *
 * <pre>∏ⱼ e(ρⱼ·Aⱼ, Bⱼ) · ∏ₖ [ e(−(Σ ρⱼ)·αₖ, βₖ) · e(−Σ ρⱼ·Lⱼ, γₖ) · e(−Σ ρⱼ·Cⱼ, δₖ) ] = 1</pre>
 *
 * where the inner sums run over the proofs of key k. That is one Miller loop per proof plus three per
 * key, and a single final exponentiation.
 *
 * <p>The randomizers come from bytes the CALLER supplies (for a block, e.g. its parent hash), so every
 * validator computes the same answer; they must not be predictable by whoever chose the proofs before
 * those were fixed. With k1, k2 the first two big-endian 8-byte words of blake2b-256(seed ‖ u32 j)
 * (big-endian j), ρⱼ = k1 + λ·k2 mod r for G1's endomorphism eigenvalue λ ({@link G1Endomorphism}), so
 * ρⱼ·Aⱼ = k1·Aⱼ + k2·φ(Aⱼ) costs 64 doublings instead of 128. That still gives 2^128 equally likely
 * randomizers: distinct (k1, k2) give distinct ρ, since a collision would be a non-zero vector (a, b)
 * with a + λb ≡ 0 mod r and both coordinates below 2^64, and that lattice's shortest vectors are about
 * 2^127 long. When
 * the batch fails, the bad proofs are located by bisection (re-checking halves with the same
 * randomizers) down to single proofs, which are then verified one by one. The per-proof work of a batch
 * is shared among the available processors ({@link VerifierPool}).
 */
public final class BatchVerifier {
    private BatchVerifier() {}

    /** The randomizer of each candidate proof, as a scalar and as its two 64-bit halves. */
    private record Randomizers(Fr[] values, long[][] halves) {}

    /** One proof of a batch with its key and public signals. */
    public record Item(PreparedVerifyingKey key, Proof proof, List<Fr> publicSignals) {}

    /** The per-proof outcome of a batch, in input order; {@link #allValid()} summarizes it. */
    public record BatchResult(List<VerificationResult> results) {
        /** Returns true if every proof verified. */
        public boolean allValid() {
            return results.stream().allMatch(VerificationResult::isValid);
        }

        /** Returns the indexes of the proofs that failed, ascending. */
        public List<Integer> invalidIndexes() {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                if (!results.get(i).isValid()) {
                    out.add(i);
                }
            }
            return out;
        }
    }

    /** Returns the outcome for every item, using {@code randomnessSeed} to derive the randomizers. */
    public static BatchResult verify(List<Item> items, byte[] randomnessSeed) {
        VerificationResult[] results = new VerificationResult[items.size()];
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            VerificationResult shape = Groth16Verifier.checkSignalCount(it.key(), it.publicSignals());
            if (shape != null) {
                results[i] = shape;
            } else {
                candidates.add(i);
            }
        }
        Fr[] rho = new Fr[items.size()];
        long[][] halves = new long[items.size()][];
        for (int i : candidates) {
            halves[i] = randomizerHalves(randomnessSeed, i);
            rho[i] = G1Endomorphism.scalar(halves[i][0], halves[i][1]);
        }
        resolve(items, candidates, new Randomizers(rho, halves), results);
        return new BatchResult(List.of(results));
    }

    private static void resolve(List<Item> items, List<Integer> idx, Randomizers rho, VerificationResult[] results) {
        if (idx.isEmpty()) {
            return;
        }
        if (idx.size() == 1) {
            int i = idx.get(0);
            Item it = items.get(i);
            results[i] = Groth16Verifier.verify(it.key(), it.proof(), it.publicSignals());
            return;
        }
        if (batchHolds(items, idx, rho)) {
            for (int i : idx) {
                results[i] = VerificationResult.VALID;
            }
            return;
        }
        int mid = idx.size() / 2;
        resolve(items, idx.subList(0, mid), rho, results);
        resolve(items, idx.subList(mid, idx.size()), rho, results);
    }

    /** Proofs per Miller-loop task below which a batch is not split over threads. */
    private static final int MIN_PROOFS_PER_TASK = 4;

    /**
     * Returns true if the randomized batch equation holds for the proofs at {@code idx}. The per-proof
     * pairs (ρⱼ·Aⱼ, Bⱼ) — a scalar multiplication, the lines of Bⱼ and its share of the Miller loop — are
     * split into contiguous ranges computed on {@link VerifierPool}; the calling thread takes the first
     * range and the per-key pairs. The partial Miller values are multiplied in range order before the one
     * final exponentiation (exact field products: the result is the same as one sequential loop).
     */
    static boolean batchHolds(List<Item> items, List<Integer> idx, Randomizers rho) {
        int n = idx.size();
        int parts = Math.max(1, Math.min(VerifierPool.PARALLELISM, n / MIN_PROOFS_PER_TASK));
        List<Future<Fp12>> partials = new ArrayList<>(parts);
        for (int t = 1; t < parts; t++) {
            List<Integer> range = idx.subList(t * n / parts, (t + 1) * n / parts);
            partials.add(VerifierPool.submit(() -> Pairing.millerLoop(proofPairs(items, range, rho))));
        }
        List<Pairing.Pair> pairs = proofPairs(items, idx.subList(0, n / parts), rho);
        pairs.addAll(keyPairs(items, idx, rho));
        Fp12 f = Pairing.millerLoop(pairs);
        for (Future<Fp12> part : partials) {
            f = f.mul(VerifierPool.get(part));
        }
        return Pairing.finalExponentiation(f).isOne();
    }

    /** Returns (ρⱼ·Aⱼ, Bⱼ) for the proofs at {@code idx}. */
    private static List<Pairing.Pair> proofPairs(List<Item> items, List<Integer> idx, Randomizers rho) {
        List<Pairing.Pair> pairs = new ArrayList<>(idx.size() + 3);
        for (int i : idx) {
            Item it = items.get(i);
            long[] k = rho.halves()[i];
            pairs.add(new Pairing.Pair(G1Endomorphism.mul(it.proof().a(), k[0], k[1]), it.proof().b()));
        }
        return pairs;
    }

    /** Returns, for each key among the proofs at {@code idx}: (−(Σρⱼ)·α, β), (−Σρⱼ·Lⱼ, γ), (−Σρⱼ·Cⱼ, δ). */
    private static List<Pairing.Pair> keyPairs(List<Item> items, List<Integer> idx, Randomizers rho) {
        List<PreparedVerifyingKey> keys = new ArrayList<>();
        List<Fr> rhoSum = new ArrayList<>();
        List<Fr[]> icScalars = new ArrayList<>();
        List<List<G1Point>> cPoints = new ArrayList<>();
        List<List<Fr>> cScalars = new ArrayList<>();
        for (int i : idx) {
            Item it = items.get(i);
            int k = indexOfIdentity(keys, it.key());
            if (k < 0) {
                keys.add(it.key());
                rhoSum.add(Fr.ZERO);
                Fr[] zeros = new Fr[it.key().key().ic().size()];
                Arrays.fill(zeros, Fr.ZERO);
                icScalars.add(zeros);
                cPoints.add(new ArrayList<>());
                cScalars.add(new ArrayList<>());
                k = keys.size() - 1;
            }
            Fr r = rho.values()[i];
            rhoSum.set(k, rhoSum.get(k).add(r));
            Fr[] sc = icScalars.get(k);
            sc[0] = sc[0].add(r);
            List<Fr> s = it.publicSignals();
            for (int j = 0; j < s.size(); j++) {
                sc[j + 1] = sc[j + 1].add(r.mul(s.get(j)));
            }
            cPoints.get(k).add(it.proof().c());
            cScalars.get(k).add(r);
        }
        List<Pairing.Pair> pairs = new ArrayList<>(3 * keys.size());
        for (int k = 0; k < keys.size(); k++) {
            PreparedVerifyingKey key = keys.get(k);
            G1Point l = MsmG1.msm(key.key().ic().toArray(new G1Point[0]), icScalars.get(k));
            pairs.add(new Pairing.Pair(key.key().alpha().mul(rhoSum.get(k)).neg(), key.beta()));
            pairs.add(new Pairing.Pair(l.neg(), key.gamma()));
            G1Point cSum = MsmG1.msm(cPoints.get(k).toArray(new G1Point[0]), cScalars.get(k).toArray(new Fr[0]));
            pairs.add(new Pairing.Pair(cSum.neg(), key.delta()));
        }
        return pairs;
    }

    private static int indexOfIdentity(List<PreparedVerifyingKey> keys, PreparedVerifyingKey key) {
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i) == key) {
                return i;
            }
        }
        return -1;
    }

    /** Returns ρⱼ = k1 + λ·k2 mod r for the halves of {@link #randomizerHalves}. */
    static Fr randomizer(byte[] seed, int j) {
        long[] k = randomizerHalves(seed, j);
        return G1Endomorphism.scalar(k[0], k[1]);
    }

    /**
     * Returns (k1, k2): the first two big-endian 8-byte words of blake2b-256(seed ‖ j as u32 big-endian),
     * with k1 = 1 if both are zero (ρ is never zero).
     */
    static long[] randomizerHalves(byte[] seed, int j) {
        byte[] msg = ByteBuffer.allocate(seed.length + 4).put(seed).putInt(j).array();
        byte[] h = Hashing.blake2b256(msg);
        long k1 = ByteBuffer.wrap(h, 0, 8).getLong();
        long k2 = ByteBuffer.wrap(h, 8, 8).getLong();
        if ((k1 | k2) == 0) {
            k1 = 1;
        }
        return new long[] {k1, k2};
    }
}
