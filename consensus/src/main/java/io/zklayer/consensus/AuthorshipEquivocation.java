package io.zklayer.consensus;

import io.zklayer.pallets.offences.SlotEquivocationProof;
import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Header;
import java.util.Objects;
import java.util.Optional;

/**
 * Evidence that a validator authored two different blocks in one slot, as Substrate's
 * {@code sp_consensus_slots::EquivocationProof<Header, AccountId32>}:
 * {@code offender [32] ‖ slot u64 ‖ first_header ‖ second_header}. Anyone can check it from the two
 * sealed headers alone ({@link #check()}); {@code Offences.report_equivocation} carrying these bytes
 * ({@link #toProof()}, the runtime's own type with the same encoding) lets the chain slash the
 * offender once it has checked the offender was a validator in the headers' epochs.
 *
 * @param offender the validator that sealed both headers
 * @param slot the slot both headers claim
 * @param first one sealed header
 * @param second another sealed header of the same slot
 */
public record AuthorshipEquivocation(AccountId32 offender, long slot, Header first, Header second) {
    /** SCALE codec: the runtime's {@link SlotEquivocationProof#CODEC}. */
    public static final ScaleCodec<AuthorshipEquivocation> CODEC = ScaleCodecs.map("EquivocationProof",
            SlotEquivocationProof.CODEC, AuthorshipEquivocation::of, AuthorshipEquivocation::toProof);

    /** Checks presence. */
    public AuthorshipEquivocation {
        Objects.requireNonNull(offender, "offender");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
    }

    /** Returns the evidence of a runtime proof. */
    public static AuthorshipEquivocation of(SlotEquivocationProof proof) {
        return new AuthorshipEquivocation(proof.offender(), proof.slot(), proof.first(), proof.second());
    }

    /** Returns the runtime's form of this evidence (the same bytes). */
    public SlotEquivocationProof toProof() {
        return new SlotEquivocationProof(offender, slot, first, second);
    }

    /** Returns the SCALE encoding. */
    public byte[] encode() {
        return CODEC.encode(this);
    }

    /**
     * Returns why this is not valid evidence, or empty when it is: the headers differ, both carry
     * {@link #slot}, and both seals verify under the offender's key.
     */
    public Optional<String> check() {
        return toProof().checkSeals().map(SlotEquivocationProof.Failure::detail);
    }
}
