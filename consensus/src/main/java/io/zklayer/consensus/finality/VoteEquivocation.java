package io.zklayer.consensus.finality;

import io.zklayer.consensus.ChainHead;
import io.zklayer.pallets.offences.GrandpaEquivocationProof;
import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.types.AccountId32;
import java.util.Objects;
import java.util.Optional;

/**
 * Evidence that a voter signed two different votes of one kind in one round, in Substrate's
 * {@code sp_consensus_grandpa::EquivocationProof} encoding: {@code set_id u64 ‖
 * Equivocation enum (Prevote = 0, Precommit = 1) ‖ round u64 ‖ identity [32] ‖ first (target,
 * signature) ‖ second (target, signature)}. Anyone holding the voter's key can check it
 * ({@link #check()}); {@code Offences.report_equivocation} carrying these bytes ({@link #toProof()},
 * the runtime's own type with the same encoding) lets the chain slash the voter.
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
    /** SCALE codec: the runtime's {@link GrandpaEquivocationProof#CODEC}. */
    public static final ScaleCodec<VoteEquivocation> CODEC = ScaleCodecs.map("EquivocationProof",
            GrandpaEquivocationProof.CODEC, VoteEquivocation::of, VoteEquivocation::toProof);

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
        return toProof().checkSignatures().map(GrandpaEquivocationProof.Failure::detail);
    }

    /** Returns the runtime's form of this evidence (the same bytes), as {@code Offences.report_equivocation} takes it. */
    public GrandpaEquivocationProof toProof() {
        return GrandpaEquivocationProof.of(setId, round, kind.toRuntime(), offender, target(first), target(second));
    }

    /** Returns the evidence of a runtime proof. */
    public static VoteEquivocation of(GrandpaEquivocationProof proof) {
        VoteKind kind = VoteKind.of(proof.kind());
        GrandpaEquivocationProof.RoundEquivocation v = proof.equivocation().votes();
        return new VoteEquivocation(proof.setId(), v.round(), kind, v.identity(), vote(kind, v.first(), v.identity()),
                vote(kind, v.second(), v.identity()));
    }

    private static GrandpaEquivocationProof.SignedTarget target(SignedVote v) {
        return new GrandpaEquivocationProof.SignedTarget(v.target().hash(), v.target().number(), v.signature());
    }

    private static SignedVote vote(VoteKind kind, GrandpaEquivocationProof.SignedTarget t, AccountId32 voter) {
        return new SignedVote(kind, new ChainHead(t.hash(), t.number()), t.signature(), voter);
    }
}
