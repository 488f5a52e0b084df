package io.zklayer.consensus;

import io.zklayer.pallets.offences.AuraDigests;
import io.zklayer.primitives.types.ConsensusEngineId;
import io.zklayer.primitives.types.DigestItem;
import io.zklayer.primitives.types.Header;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The consensus items of a header's digest, in Aura's format so Substrate tools read them: the slot
 * as {@code PreRuntime("aura", u64 LE)} and the author's signature over the hash of the header
 * without it as the last item, {@code Seal("aura", 64 bytes)}. The format lives in the runtime's
 * {@link AuraDigests}, which reads the same items from equivocation evidence.
 */
public final class SlotDigests {
    /** The engine id of slot and seal items. */
    public static final ConsensusEngineId ENGINE = AuraDigests.ENGINE;

    private SlotDigests() {}

    /** Returns the pre-runtime item announcing {@code slot}. */
    public static DigestItem slot(long slot) {
        return AuraDigests.slot(slot);
    }

    /** Returns the slot announced in {@code header}'s digest, if exactly one well-formed item is there. */
    public static OptionalLong slotOf(Header header) {
        return AuraDigests.slotOf(header);
    }

    /** Returns the seal item holding {@code signature}. */
    public static DigestItem seal(byte[] signature) {
        return AuraDigests.seal(signature);
    }

    /** Returns the seal's signature if the last digest item is an Aura seal. */
    public static Optional<byte[]> sealOf(Header header) {
        return AuraDigests.sealOf(header);
    }

    /** Returns {@code header} without its final seal item (the header the author signed). */
    public static Header withoutSeal(Header header) {
        return AuraDigests.withoutSeal(header);
    }

    /** Returns {@code header} with {@code seal} appended. */
    public static Header sealed(Header unsealed, DigestItem seal) {
        return AuraDigests.sealed(unsealed, seal);
    }
}
