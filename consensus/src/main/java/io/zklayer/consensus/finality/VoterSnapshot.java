package io.zklayer.consensus.finality;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleRecord;
import java.util.List;
import java.util.Optional;

/**
 * What a voter persists to resume after a restart: its set, its current round and the votes it
 * cast there, and the votes of the last completed round (in catch-up form), which give the
 * estimate the current round builds on. SCALE: {@code set_id u64 ‖ round u64 ‖ Vec<SignedMessage>
 * ‖ Option<CatchUp>}.
 *
 * @param setId the authority set id
 * @param round the current round
 * @param ownVotes this voter's votes in the current round
 * @param completed the last completed round's votes, if a round of this set was completed
 */
public record VoterSnapshot(long setId, long round, List<SignedVote> ownVotes, Optional<FinalityMessage.CatchUp> completed) {
    private static final ScaleCodec<FinalityMessage.CatchUp> CATCH_UP = ScaleCodecs.map("CatchUp", FinalityMessage.CODEC,
            m -> {
                if (!(m instanceof FinalityMessage.CatchUp c)) {
                    throw new IllegalArgumentException("voter snapshot: completed round is not a catch-up message");
                }
                return c;
            }, c -> c);

    /** SCALE codec. */
    public static final ScaleCodec<VoterSnapshot> CODEC = ScaleRecord.of("VoterSnapshot",
            ScaleRecord.field("setId", ScaleCodecs.U64, VoterSnapshot::setId),
            ScaleRecord.field("round", ScaleCodecs.U64, VoterSnapshot::round),
            ScaleRecord.field("ownVotes", ScaleCodecs.vec(SignedVote.CODEC), VoterSnapshot::ownVotes),
            ScaleRecord.field("completed", ScaleCodecs.option(CATCH_UP), VoterSnapshot::completed),
            VoterSnapshot::new);

    /** Copies the list. */
    public VoterSnapshot {
        ownVotes = List.copyOf(ownVotes);
    }
}
