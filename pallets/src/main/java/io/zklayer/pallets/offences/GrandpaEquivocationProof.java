package io.zklayer.pallets.offences;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleEnum;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.primitives.codec.ScaleWriter;
import io.zklayer.primitives.crypto.Ed25519PublicKey;
import io.zklayer.primitives.crypto.Ed25519Signature;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.H256;
import java.util.Objects;
import java.util.Optional;

/**
 * Evidence that a finality voter signed two different votes of one kind in one round, in
 * Substrate's {@code sp_consensus_grandpa::EquivocationProof} encoding:
 * {@code set_id u64 ‖ Equivocation enum (Prevote = 0, Precommit = 1) ‖ round u64 ‖ identity [32] ‖
 * first (target hash [32], target number u32, signature [64]) ‖ second (…)}. Consensus builds it
 * when a voter's second vote arrives; the runtime decodes the same bytes in
 * {@code Offences.report_equivocation}.
 *
 * <p>A vote is signed over Substrate's localized payload ({@link #payload}):
 * {@code kind u8 ‖ target hash ‖ target number u32 ‖ round u64 ‖ set_id u64}, so a vote cannot be
 * replayed in another round or set. Authority set {@code s} is the validator set of epoch {@code s}.
 *
 * @param setId the authority set id (the epoch whose validators voted)
 * @param equivocation the two votes, tagged with their kind
 */
public record GrandpaEquivocationProof(long setId, Equivocation equivocation) {
    /** One signed vote target: {@code hash [32] ‖ number u32 ‖ signature [64]}. */
    public record SignedTarget(H256 hash, long number, Ed25519Signature signature) {
        /** SCALE codec (Substrate's {@code (Prevote, Signature)} tuple, whose bytes are the same). */
        public static final ScaleRecord<SignedTarget> CODEC = ScaleRecord.of("SignedTarget",
                ScaleRecord.field("target_hash", H256.CODEC, SignedTarget::hash),
                ScaleRecord.field("target_number", ScaleCodecs.U32, SignedTarget::number),
                ScaleRecord.field("signature", ScaleCodecs.map("Signature", ScaleCodecs.fixedBytes(Ed25519Signature.LENGTH),
                        Ed25519Signature::of, Ed25519Signature::bytes), SignedTarget::signature),
                SignedTarget::new);

        /** Checks presence and the u32 range of the number. */
        public SignedTarget {
            Objects.requireNonNull(hash, "hash");
            Objects.requireNonNull(signature, "signature");
            if (number < 0 || number > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("vote target number " + number + " is not a u32");
            }
        }

        /** Returns whether both point at the same block. */
        boolean sameTarget(SignedTarget other) {
            return hash.equals(other.hash) && number == other.number;
        }
    }

    /**
     * The votes of one voter in one round ({@code finality_grandpa::Equivocation}).
     *
     * @param round the round number
     * @param identity the voter's ed25519 key
     * @param first one signed vote
     * @param second another signed vote of the same kind
     */
    public record RoundEquivocation(long round, AccountId32 identity, SignedTarget first, SignedTarget second) {
        /** SCALE codec. */
        public static final ScaleRecord<RoundEquivocation> CODEC = ScaleRecord.of("RoundEquivocation",
                ScaleRecord.field("round_number", ScaleCodecs.U64, RoundEquivocation::round),
                ScaleRecord.field("identity", AccountId32.CODEC, RoundEquivocation::identity),
                ScaleRecord.field("first", SignedTarget.CODEC, RoundEquivocation::first),
                ScaleRecord.field("second", SignedTarget.CODEC, RoundEquivocation::second),
                RoundEquivocation::new);

        /** Checks presence. */
        public RoundEquivocation {
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
        }
    }

    /** Which kind of vote was doubled, with the two votes. */
    public sealed interface Equivocation {
        /** Returns the two votes. */
        RoundEquivocation votes();

        /** Returns the kind of the doubled vote. */
        GrandpaVoteKind kind();
    }

    /** Two prevotes (variant 0). */
    public record Prevote(RoundEquivocation votes) implements Equivocation {
        @Override
        public GrandpaVoteKind kind() {
            return GrandpaVoteKind.PREVOTE;
        }
    }

    /** Two precommits (variant 1). */
    public record Precommit(RoundEquivocation votes) implements Equivocation {
        @Override
        public GrandpaVoteKind kind() {
            return GrandpaVoteKind.PRECOMMIT;
        }
    }

    /** SCALE codec of the tagged votes. */
    public static final ScaleEnum<Equivocation> EQUIVOCATION_CODEC = ScaleEnum.<Equivocation>builder("GrandpaEquivocation")
            .variant(GrandpaVoteKind.PREVOTE.index(), "Prevote", Prevote.class,
                    ScaleCodecs.map("RoundEquivocation", RoundEquivocation.CODEC, Prevote::new, Prevote::votes))
            .variant(GrandpaVoteKind.PRECOMMIT.index(), "Precommit", Precommit.class,
                    ScaleCodecs.map("RoundEquivocation", RoundEquivocation.CODEC, Precommit::new, Precommit::votes))
            .build();

    /** SCALE codec. */
    public static final ScaleRecord<GrandpaEquivocationProof> CODEC = ScaleRecord.of("GrandpaEquivocationProof",
            ScaleRecord.field("set_id", ScaleCodecs.U64, GrandpaEquivocationProof::setId),
            ScaleRecord.field("equivocation", EQUIVOCATION_CODEC, GrandpaEquivocationProof::equivocation),
            GrandpaEquivocationProof::new);

    /** Checks presence. */
    public GrandpaEquivocationProof {
        Objects.requireNonNull(equivocation, "equivocation");
    }

    /** Returns the proof of two {@code kind} votes by {@code identity} in {@code round} of set {@code setId}. */
    public static GrandpaEquivocationProof of(long setId, long round, GrandpaVoteKind kind, AccountId32 identity,
                                              SignedTarget first, SignedTarget second) {
        RoundEquivocation votes = new RoundEquivocation(round, identity, first, second);
        return new GrandpaEquivocationProof(setId, kind == GrandpaVoteKind.PREVOTE ? new Prevote(votes)
                : new Precommit(votes));
    }

    /** Returns the voter. */
    public AccountId32 offender() {
        return equivocation.votes().identity();
    }

    /** Returns the round. */
    public long round() {
        return equivocation.votes().round();
    }

    /** Returns the kind of the doubled vote. */
    public GrandpaVoteKind kind() {
        return equivocation.kind();
    }

    /** Returns the SCALE encoding. */
    public byte[] encode() {
        return CODEC.encode(this);
    }

    /**
     * Returns the bytes a voter signs for a {@code kind} vote on block {@code (hash, number)} in
     * {@code round} of set {@code setId}. A precommit for {@code (0x11…11, 5)} in round 2 of set 0:
     * {@code 0x01 1111…11 05000000 0200000000000000 0000000000000000}.
     */
    public static byte[] payload(GrandpaVoteKind kind, H256 hash, long number, long round, long setId) {
        ScaleWriter w = new ScaleWriter(1 + H256.LENGTH + 4 + 16);
        w.u8(kind.index());
        H256.CODEC.encode(w, hash);
        w.u32(number).u64(round).u64(setId);
        return w.toByteArray();
    }

    /** Why a proof fails {@link #checkSignatures()}. */
    public enum Flaw {
        /** Both votes are for the same block. */
        SAME_VOTE,
        /** A signature is not the voter's over its vote in this round and set. */
        BAD_SIGNATURE
    }

    /** A failed check: what is wrong, in words. */
    public record Failure(Flaw flaw, String detail) {}

    /**
     * Returns why this is not evidence of an equivocation, or empty when the two votes are for
     * different blocks and both signatures are the voter's for this kind, round and set.
     */
    public Optional<Failure> checkSignatures() {
        RoundEquivocation v = equivocation.votes();
        if (v.first().sameTarget(v.second())) {
            return Optional.of(new Failure(Flaw.SAME_VOTE, "vote equivocation: both " + kind() + " votes are for #"
                    + v.first().number() + " (" + v.first().hash() + ")"));
        }
        Ed25519PublicKey key = Ed25519PublicKey.of(v.identity().bytes());
        for (SignedTarget t : new SignedTarget[] {v.first(), v.second()}) {
            if (!key.verify(payload(kind(), t.hash(), t.number(), v.round(), setId), t.signature())) {
                return Optional.of(new Failure(Flaw.BAD_SIGNATURE, "vote equivocation: the " + kind() + " for #"
                        + t.number() + " is not signed by " + v.identity() + " in round " + v.round() + " of set "
                        + setId));
            }
        }
        return Optional.empty();
    }
}
