package io.zklayer.pallets.offences;

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
 * Evidence that a validator sealed two different blocks in one slot, in Substrate's
 * {@code sp_consensus_slots::EquivocationProof<Header, AccountId32>} encoding:
 * {@code offender [32] ‖ slot u64 ‖ first_header ‖ second_header}. Consensus builds it when it
 * imports the second header; the runtime decodes the same bytes in {@code Offences.report_equivocation}.
 *
 * <p>{@link #checkSeals()} is what anyone can check from the headers alone: they differ, both
 * announce {@link #slot} ({@link AuraDigests}), and both seals are the offender's ed25519 signatures
 * of the unsealed header hash. Whether the offender was a validator when it sealed them is for the
 * runtime to judge from its history of sets.
 *
 * @param offender the key that sealed both headers
 * @param slot the slot both headers announce
 * @param first one sealed header
 * @param second another sealed header of the same slot
 */
public record SlotEquivocationProof(AccountId32 offender, long slot, Header first, Header second) {
    /** SCALE codec. */
    public static final ScaleRecord<SlotEquivocationProof> CODEC = ScaleRecord.of("SlotEquivocationProof",
            ScaleRecord.field("offender", AccountId32.CODEC, SlotEquivocationProof::offender),
            ScaleRecord.field("slot", ScaleCodecs.U64, SlotEquivocationProof::slot),
            ScaleRecord.field("first_header", Header.CODEC, SlotEquivocationProof::first),
            ScaleRecord.field("second_header", Header.CODEC, SlotEquivocationProof::second),
            SlotEquivocationProof::new);

    /** Checks presence. */
    public SlotEquivocationProof {
        Objects.requireNonNull(offender, "offender");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
    }

    /** Returns the SCALE encoding. */
    public byte[] encode() {
        return CODEC.encode(this);
    }

    /** Why a proof fails {@link #checkSeals()}. */
    public enum Flaw {
        /** Both headers are the same block. */
        SAME_BLOCK,
        /** A header does not announce the proof's slot (or announces none, or two). */
        SLOT_MISMATCH,
        /** A header's seal is missing or is not the offender's signature. */
        BAD_SEAL
    }

    /** A failed check: what is wrong, in words naming the header. */
    public record Failure(Flaw flaw, String detail) {}

    /**
     * Returns why this is not evidence of an equivocation, or empty when the headers differ, both
     * announce {@link #slot} and both seals verify under the offender's key.
     */
    public Optional<Failure> checkSeals() {
        if (first.hash().equals(second.hash())) {
            return Optional.of(new Failure(Flaw.SAME_BLOCK, "authorship equivocation: both headers are the same block"));
        }
        for (Header h : new Header[] {first, second}) {
            OptionalLong s = AuraDigests.slotOf(h);
            if (s.isEmpty() || s.getAsLong() != slot) {
                return Optional.of(new Failure(Flaw.SLOT_MISMATCH,
                        "authorship equivocation: header #" + h.number() + " is not of slot " + slot));
            }
        }
        for (Header h : new Header[] {first, second}) {
            Optional<byte[]> seal = AuraDigests.sealOf(h);
            if (seal.isEmpty() || seal.get().length != Ed25519Signature.LENGTH
                    || !Ed25519PublicKey.of(offender.bytes()).verify(AuraDigests.withoutSeal(h).hash().bytes(),
                    Ed25519Signature.of(seal.get()))) {
                return Optional.of(new Failure(Flaw.BAD_SEAL,
                        "authorship equivocation: header #" + h.number() + " is not sealed by " + offender));
            }
        }
        return Optional.empty();
    }
}
