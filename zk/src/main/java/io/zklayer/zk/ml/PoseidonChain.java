package io.zklayer.zk.ml;

import io.zklayer.zk.field.Fr;
import io.zklayer.zk.poseidon.Poseidon;
import io.zklayer.zk.r1cs.CircuitBuilder;
import io.zklayer.zk.r1cs.LinearCombination;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The Poseidon hash chain behind both commitments. It starts from the header
 * {@code h₀ = tag·2^64 + count} (count = number of packed values, so that lists of different lengths
 * start apart) and absorbs the packed elements in chunks of at most 15:
 * {@code h_{k+1} = Poseidon([h_k, e_{15k}, …, e_{15k+14}])} with circomlib's Poseidon of 2..16 inputs;
 * the last chunk may be shorter, and an empty list is one empty chunk ({@code Poseidon([h₀])}). The
 * commitment is the final h.
 */
final class PoseidonChain {
    /** Elements absorbed per Poseidon call (16 inputs: the chain value and 15 elements). */
    static final int RATE = 15;

    private PoseidonChain() {}

    /** Returns the header element {@code tag·2^64 + count}. */
    static Fr header(long tag, long count) {
        return Fr.fromBigInteger(BigInteger.valueOf(tag).shiftLeft(64).add(BigInteger.valueOf(count)));
    }

    /** Returns the chain hash of {@code elements} under {@code tag}, natively. */
    static Fr hash(long tag, long count, List<Fr> elements) {
        Fr h = header(tag, count);
        int pos = 0;
        do {
            int take = Math.min(RATE, elements.size() - pos);
            List<Fr> in = new ArrayList<>(take + 1);
            in.add(h);
            in.addAll(elements.subList(pos, pos + take));
            h = Poseidon.hash(in);
            pos += take;
        } while (pos < elements.size());
        return h;
    }

    /** Returns the chain hash of {@code elements} under {@code tag} as circuit constraints added to {@code b}. */
    static LinearCombination hash(CircuitBuilder b, long tag, long count, List<LinearCombination> elements) {
        LinearCombination h = LinearCombination.constant(header(tag, count));
        int pos = 0;
        do {
            int take = Math.min(RATE, elements.size() - pos);
            List<LinearCombination> in = new ArrayList<>(take + 1);
            in.add(h);
            in.addAll(elements.subList(pos, pos + take));
            h = LeanPoseidonGadget.hash(b, in);
            pos += take;
        } while (pos < elements.size());
        return h;
    }
}
