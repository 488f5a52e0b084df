package io.zklayer.consensus.finality;

import io.zklayer.consensus.ChainHead;
import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleRecord;
import java.util.List;
import java.util.Objects;

/**
 * A finalized block and the signed precommits that finalize it, as {@code finality_grandpa::Commit}:
 * {@code target hash [32] ‖ target number u32 ‖ Vec<SignedPrecommit>}. Each precommit is for the
 * target or one of its descendants; together they come from more than two thirds of the set.
 *
 * @param target the finalized block
 * @param precommits the signed precommits (kind {@link VoteKind#PRECOMMIT})
 */
public record Commit(ChainHead target, List<SignedVote> precommits) {
    /** SCALE codec. */
    public static final ScaleCodec<Commit> CODEC = ScaleRecord.of("Commit",
            ScaleRecord.field("target", FinalityCodecs.TARGET, Commit::target),
            ScaleRecord.field("precommits", ScaleCodecs.vec(SignedVote.PRECOMMIT_CODEC), Commit::precommits),
            Commit::new);

    /** Copies the list; every vote must be a precommit. */
    public Commit {
        Objects.requireNonNull(target, "target");
        precommits = List.copyOf(precommits);
        for (SignedVote v : precommits) {
            if (v.kind() != VoteKind.PRECOMMIT) {
                throw new IllegalArgumentException("a commit holds only precommits, got " + v);
            }
        }
    }
}
