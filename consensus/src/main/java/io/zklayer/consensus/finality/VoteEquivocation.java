package io.zklayer.consensus.finality;

import io.zklayer.consensus.ChainHead;
import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleReader;
import io.zklayer.primitives.codec.ScaleWriter;
import io.zklayer.primitives.crypto.Ed25519Signature;
import io.zklayer.primitives.types.AccountId32;
import java.util.Objects;
import java.util.Optional;

/**
 * Evidence that a voter signed two different votes of one kind in one round, in Substrate's
 * {@code sp_consensus_grandpa::EquivocationProof} encoding: {@code set_id u64 ‖
 * Equivocation enum (Prevote = 0, Precommit = 1) ‖ round u64 ‖ identity [32] ‖ first (target,
 * signature) ‖ second (target, signature)}. Anyone holding the voter's key can check it
 * ({@link #check()}); a runtime call carrying these bytes lets the chain slash the voter.
 *
 * @param setId the authority set id
 * @param round the round
 * @param kind which vote was doubled
 * @param offender the voter
 * @param first one signed vote
 * @param second a different signed vote of the same kind, round and set
 */
public record VoteEquivocation(long setId, long round, VoteKind kind, AccountId32 offender, SignedVote first,
                               SignedVote second) {
    /** SCALE codec. */
    public static final ScaleCodec<VoteEquivocation> CODEC = ScaleCodecs.of("EquivocationProof",
            8 + 1 + 8 + 32 + 2 * (36 + 64),
            (w, e) -> {
                w.u64(e.setId);
                FinalityCodecs.KIND.encode(w, e.kind);
                w.u64(e.round);
                AccountId32.CODEC.encode(w, e.offender);
                writeVote(w, e.first);
                writeVote(w, e.second);
            },
            r -> {
                long setId = r.u64();
                VoteKind kind = FinalityCodecs.KIND.decode(r);
                long round = r.u64();
                AccountId32 offender = AccountId32.CODEC.decode(r);
                SignedVote first = readVote(r, kind, offender);
                SignedVote second = readVote(r, kind, offender);
                return new VoteEquivocation(setId, round, kind, offender, first, second);
            });

    /** Checks that both votes are the offender's and of {@code kind}. */
    public VoteEquivocation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(offender, "offender");
        for (SignedVote v : new SignedVote[] {first, second}) {
            if (v.kind() != kind || !v.voter().equals(offender)) {
                throw new IllegalArgumentException("vote equivocation: " + v + " is not a " + kind + " by " + offender);
            }
        }
    }

    /** Returns the SCALE encoding. */
    public byte[] encode() {
        return CODEC.encode(this);
    }

    /**
     * Returns why this is not valid evidence, or empty when it is: the targets differ and both
     * signatures verify for this round and set.
     */
    public Optional<String> check() {
        if (first.target().equals(second.target())) {
            return Optional.of("vote equivocation: both votes are for " + first.target());
        }
        if (!first.verify(round, setId) || !second.verify(round, setId)) {
            return Optional.of("vote equivocation: a signature does not verify for round " + round + " of set " + setId);
        }
        return Optional.empty();
    }

    private static void writeVote(ScaleWriter w, SignedVote v) {
        FinalityCodecs.TARGET.encode(w, v.target());
        FinalityCodecs.SIGNATURE.encode(w, v.signature());
    }

    private static SignedVote readVote(ScaleReader r, VoteKind kind, AccountId32 offender) {
        ChainHead target = FinalityCodecs.TARGET.decode(r);
        Ed25519Signature sig = FinalityCodecs.SIGNATURE.decode(r);
        return new SignedVote(kind, target, sig, offender);
    }
}
