package io.zklayer.pallets.offences;

import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleEnum;
import io.zklayer.primitives.codec.ScaleWriter;
import io.zklayer.primitives.hashing.Hashing;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.H256;
import java.util.Objects;

/**
 * The argument of {@code Offences.report_equivocation}: evidence of either offence, as a SCALE enum
 * whose variant's bytes are exactly the proof consensus encodes.
 *
 * <ul>
 *   <li>{@code Authorship(SlotEquivocationProof)} = 0: two blocks sealed by one key in one slot;</li>
 *   <li>{@code Vote(GrandpaEquivocationProof)} = 1: two different prevotes (or precommits) signed by
 *       one voter in one round of one authority set.</li>
 * </ul>
 *
 * <p>Each offence has a {@link #reportId() report id}, so that it is punished once however many
 * nodes report it: {@code blake2b-256(0x00 ‖ offender ‖ slot u64)} for authorship,
 * {@code blake2b-256(0x01 ‖ offender ‖ set_id u64 ‖ round u64)} for votes (as Substrate's GRANDPA
 * time slot, a prevote and a precommit equivocation in one round are one offence).
 */
public sealed interface EquivocationEvidence {
    /** Two blocks in one slot (variant 0). */
    record Authorship(SlotEquivocationProof proof) implements EquivocationEvidence {
        /** Checks presence. */
        public Authorship {
            Objects.requireNonNull(proof, "proof");
        }

        @Override
        public AccountId32 offender() {
            return proof.offender();
        }

        @Override
        public OffenceKind kind() {
            return OffenceKind.AUTHORSHIP;
        }

        @Override
        public H256 reportId() {
            byte[] input = new ScaleWriter(1 + AccountId32.LENGTH + 8).u8(kind().index())
                    .raw(proof.offender().bytes()).u64(proof.slot()).toByteArray();
            return H256.of(Hashing.blake2b256(input));
        }
    }

    /** Two votes of one kind in one round (variant 1). */
    record Vote(GrandpaEquivocationProof proof) implements EquivocationEvidence {
        /** Checks presence. */
        public Vote {
            Objects.requireNonNull(proof, "proof");
        }

        @Override
        public AccountId32 offender() {
            return proof.offender();
        }

        @Override
        public OffenceKind kind() {
            return OffenceKind.VOTE;
        }

        @Override
        public H256 reportId() {
            byte[] input = new ScaleWriter(1 + AccountId32.LENGTH + 16).u8(kind().index())
                    .raw(proof.offender().bytes()).u64(proof.setId()).u64(proof.round()).toByteArray();
            return H256.of(Hashing.blake2b256(input));
        }
    }

    /** SCALE codec. */
    ScaleEnum<EquivocationEvidence> CODEC = ScaleEnum.<EquivocationEvidence>builder("EquivocationEvidence")
            .variant(OffenceKind.AUTHORSHIP.index(), "Authorship", Authorship.class,
                    ScaleCodecs.map("SlotEquivocationProof", SlotEquivocationProof.CODEC,
                            Authorship::new, Authorship::proof))
            .variant(OffenceKind.VOTE.index(), "Vote", Vote.class,
                    ScaleCodecs.map("GrandpaEquivocationProof", GrandpaEquivocationProof.CODEC,
                            Vote::new, Vote::proof))
            .build();

    /** Returns the validator the evidence accuses. */
    AccountId32 offender();

    /** Returns which offence this is. */
    OffenceKind kind();

    /** Returns the id under which the offence is recorded once reported. */
    H256 reportId();

    /** Returns the SCALE encoding. */
    default byte[] encode() {
        return CODEC.encode(this);
    }
}
