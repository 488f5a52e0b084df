package io.zklayer.consensus.finality;

import io.zklayer.consensus.ChainHead;
import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleEnum;
import io.zklayer.primitives.codec.ScaleRecord;
import java.util.List;
import java.util.Objects;

/**
 * What finality voters say to each other, one SCALE enum with Substrate's GRANDPA gossip indexes:
 * {@code Vote = 0}, {@code Commit = 1}, {@code CatchUpRequest = 3}, {@code CatchUp = 4}
 * ({@code Neighbor = 2} is not used). Votes and commits are gossiped to every peer; catch-up
 * requests and answers go to one peer.
 *
 * <p>{@code Vote} and the catch-up messages have Substrate's layout. {@code Commit} carries the
 * full {@link Commit} (target then signed precommits) instead of Substrate's compact form that
 * splits precommits from signatures.
 *
 * <p>Example: a prevote for {@code (0x11…11, 5)} in round 1 of set 0 →
 * {@code 0x00 0100000000000000 0000000000000000 00 1111…11 05000000 <signature 64> <voter 32>}.
 */
public sealed interface FinalityMessage {
    /** The largest encoded message a network should accept (4 MiB), checked before decoding. */
    int MAX_ENCODED_BYTES = 4 << 20;

    /** Returns the authority set id the message belongs to. */
    long setId();

    /**
     * A signed prevote or precommit of one round.
     *
     * @param round the round
     * @param setId the authority set id
     * @param vote the signed vote
     */
    record VoteMessage(long round, long setId, SignedVote vote) implements FinalityMessage {
        /** Checks that the vote is present. */
        public VoteMessage {
            Objects.requireNonNull(vote, "vote");
        }
    }

    /**
     * A round's finalizing precommits, sent by a voter once it sees a block finalized.
     *
     * @param round the round
     * @param setId the authority set id
     * @param commit the target and its precommits
     */
    record CommitMessage(long round, long setId, Commit commit) implements FinalityMessage {
        /** Checks that the commit is present. */
        public CommitMessage {
            Objects.requireNonNull(commit, "commit");
        }
    }

    /**
     * Asks a peer that is in a later round for the votes of its last completed round.
     *
     * @param round the asker's current round
     * @param setId the authority set id
     */
    record CatchUpRequest(long round, long setId) implements FinalityMessage {}

    /**
     * The prevotes and precommits of a completed round, enough for the receiver to complete it too
     * and start the next one.
     *
     * @param setId the authority set id
     * @param round the completed round
     * @param prevotes its signed prevotes
     * @param precommits its signed precommits
     * @param base the round's base block (the last finalized block when it started)
     */
    record CatchUp(long setId, long round, List<SignedVote> prevotes, List<SignedVote> precommits, ChainHead base)
            implements FinalityMessage {
        /** Copies the lists. */
        public CatchUp {
            prevotes = List.copyOf(prevotes);
            precommits = List.copyOf(precommits);
            Objects.requireNonNull(base, "base");
        }
    }

    /** SCALE codec of every message. */
    ScaleCodec<FinalityMessage> CODEC = ScaleEnum.<FinalityMessage>builder("GossipMessage")
            .variant(0, "Vote", VoteMessage.class, ScaleRecord.of("VoteMessage",
                    ScaleRecord.field("round", ScaleCodecs.U64, VoteMessage::round),
                    ScaleRecord.field("setId", ScaleCodecs.U64, VoteMessage::setId),
                    ScaleRecord.field("message", SignedVote.CODEC, VoteMessage::vote),
                    VoteMessage::new))
            .variant(1, "Commit", CommitMessage.class, ScaleRecord.of("CommitMessage",
                    ScaleRecord.field("round", ScaleCodecs.U64, CommitMessage::round),
                    ScaleRecord.field("setId", ScaleCodecs.U64, CommitMessage::setId),
                    ScaleRecord.field("commit", Commit.CODEC, CommitMessage::commit),
                    CommitMessage::new))
            .variant(3, "CatchUpRequest", CatchUpRequest.class, ScaleRecord.of("CatchUpRequest",
                    ScaleRecord.field("round", ScaleCodecs.U64, CatchUpRequest::round),
                    ScaleRecord.field("setId", ScaleCodecs.U64, CatchUpRequest::setId),
                    CatchUpRequest::new))
            .variant(4, "CatchUp", CatchUp.class, ScaleRecord.of("CatchUp",
                    ScaleRecord.field("setId", ScaleCodecs.U64, CatchUp::setId),
                    ScaleRecord.field("round", ScaleCodecs.U64, CatchUp::round),
                    ScaleRecord.field("prevotes", ScaleCodecs.vec(SignedVote.PREVOTE_CODEC), CatchUp::prevotes),
                    ScaleRecord.field("precommits", ScaleCodecs.vec(SignedVote.PRECOMMIT_CODEC), CatchUp::precommits),
                    ScaleRecord.field("base", FinalityCodecs.TARGET, CatchUp::base),
                    CatchUp::new))
            .build();

    /**
     * Returns the message encoded in {@code bytes}, refusing anything over {@link #MAX_ENCODED_BYTES}
     * before decoding.
     *
     * @throws io.zklayer.primitives.codec.ScaleDecodeException when the bytes are too long or malformed
     */
    static FinalityMessage decode(byte[] bytes) {
        if (bytes.length > MAX_ENCODED_BYTES) {
            throw new io.zklayer.primitives.codec.ScaleDecodeException("GossipMessage", 0,
                    bytes.length + " bytes exceed the limit of " + MAX_ENCODED_BYTES);
        }
        return CODEC.decode(bytes);
    }

    /** Returns the SCALE encoding of {@code message}. */
    static byte[] encode(FinalityMessage message) {
        return CODEC.encode(message);
    }
}
