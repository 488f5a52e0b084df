package io.zklayer.consensus;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.primitives.crypto.Ed25519PublicKey;
import io.zklayer.primitives.crypto.Ed25519Signature;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Header;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Evidence that a validator authored two different blocks in one slot, as Substrate's
 * {@code sp_consensus_slots::EquivocationProof<Header, AccountId32>}:
 * {@code offender [32] ‖ slot u64 ‖ first_header ‖ second_header}. Anyone can check it from the two
 * sealed headers alone ({@link #check()}); a runtime call carrying these bytes lets the chain
 * slash the offender (the runtime also checks the offender was the slot's author).
 *
 * @param offender the validator that sealed both headers
 * @param slot the slot both headers claim
 * @param first one sealed header
 * @param second another sealed header of the same slot
 */
public record AuthorshipEquivocation(AccountId32 offender, long slot, Header first, Header second) {
    /** SCALE codec. */
    public static final ScaleCodec<AuthorshipEquivocation> CODEC = ScaleRecord.of("EquivocationProof",
            ScaleRecord.field("offender", AccountId32.CODEC, AuthorshipEquivocation::offender),
            ScaleRecord.field("slot", ScaleCodecs.U64, AuthorshipEquivocation::slot),
            ScaleRecord.field("firstHeader", Header.CODEC, AuthorshipEquivocation::first),
            ScaleRecord.field("secondHeader", Header.CODEC, AuthorshipEquivocation::second),
            AuthorshipEquivocation::new);

    /** Checks presence. */
    public AuthorshipEquivocation {
        Objects.requireNonNull(offender, "offender");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
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
        if (first.hash().equals(second.hash())) {
            return Optional.of("authorship equivocation: both headers are the same block");
        }
        for (Header h : new Header[] {first, second}) {
            OptionalLong s = SlotDigests.slotOf(h);
            if (s.isEmpty() || s.getAsLong() != slot) {
                return Optional.of("authorship equivocation: header #" + h.number() + " is not of slot " + slot);
            }
            Optional<byte[]> seal = SlotDigests.sealOf(h);
            if (seal.isEmpty() || seal.get().length != Ed25519Signature.LENGTH
                    || !Ed25519PublicKey.of(offender.bytes()).verify(SlotDigests.withoutSeal(h).hash().bytes(),
                    Ed25519Signature.of(seal.get()))) {
                return Optional.of("authorship equivocation: header #" + h.number() + " is not sealed by " + offender);
            }
        }
        return Optional.empty();
    }
}
