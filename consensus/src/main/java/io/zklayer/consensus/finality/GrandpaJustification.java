package io.zklayer.consensus.finality;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.primitives.types.ConsensusEngineId;
import io.zklayer.primitives.types.Header;
import io.zklayer.primitives.types.Justification;
import java.util.List;
import java.util.Objects;

/**
 * The proof that a block is final, in Substrate's {@code GrandpaJustification} encoding:
 * {@code round u64 ‖ Commit ‖ votes_ancestries Vec<Header>}. The ancestry headers link every
 * precommit that points at a descendant of the commit target back to the target, so a node that
 * has only the target (a syncing node) can check that each precommit really supports it.
 *
 * <p>Stored with the block ({@link io.zklayer.consensus.ChainBackend}) as these bytes, served to
 * peers, and checked by {@link JustificationVerifier} against the authority set of its set id.
 *
 * @param round the round whose precommits these are
 * @param commit the target and its precommits
 * @param votesAncestries headers from the precommit targets down to (excluding) the commit target
 */
public record GrandpaJustification(long round, Commit commit, List<Header> votesAncestries) {
    /** SCALE codec. */
    public static final ScaleCodec<GrandpaJustification> CODEC = ScaleRecord.of("GrandpaJustification",
            ScaleRecord.field("round", ScaleCodecs.U64, GrandpaJustification::round),
            ScaleRecord.field("commit", Commit.CODEC, GrandpaJustification::commit),
            ScaleRecord.field("votesAncestries", ScaleCodecs.vec(Header.CODEC), GrandpaJustification::votesAncestries),
            GrandpaJustification::new);

    /** Copies the list. */
    public GrandpaJustification {
        Objects.requireNonNull(commit, "commit");
        votesAncestries = List.copyOf(votesAncestries);
    }

    /** Returns the SCALE encoding (what is stored with the block and served). */
    public byte[] encode() {
        return CODEC.encode(this);
    }

    /** Returns this proof tagged with the GRANDPA engine id, as it appears in a block's {@code Justifications}. */
    public Justification asJustification() {
        return new Justification(ConsensusEngineId.GRANDPA, encode());
    }
}
