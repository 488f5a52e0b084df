package io.zklayer.consensus;

import io.zklayer.consensus.epoch.AuthorOrder;
import io.zklayer.consensus.epoch.EpochData;
import io.zklayer.consensus.epoch.EpochDigest;
import io.zklayer.consensus.epoch.EpochSource;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.crypto.Ed25519PublicKey;
import io.zklayer.primitives.crypto.Ed25519Signature;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Header;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The header validity rules (ARCHITECTURE §4.3), checked before a block is executed, each with its
 * own rejection reason:
 * <ol>
 *   <li>{@link ImportResult.Reason#UNKNOWN_PARENT}: the parent is stored;</li>
 *   <li>{@link ImportResult.Reason#BAD_NUMBER}: the number is the parent's plus one;</li>
 *   <li>{@link ImportResult.Reason#BELOW_FINALIZED}: the block is above the finalized block and
 *       its parent descends from it;</li>
 *   <li>{@link ImportResult.Reason#MISSING_SLOT}: exactly one well-formed slot pre-digest;</li>
 *   <li>{@link ImportResult.Reason#SLOT_NOT_AFTER_PARENT}: the slot is after the parent's;</li>
 *   <li>{@link ImportResult.Reason#SLOT_IN_FUTURE}: the slot is at most {@code maxDriftSlots}
 *       ahead of the local clock;</li>
 *   <li>{@link ImportResult.Reason#BAD_EPOCH_DIGEST}: the first block of an epoch (after epoch 0)
 *       announces exactly that epoch's set ({@link EpochDigest}), and no other block announces one;</li>
 *   <li>{@link ImportResult.Reason#WRONG_AUTHOR}: the seal is by the slot's author in the epoch's
 *       order ({@link AuthorOrder}), not another validator;</li>
 *   <li>{@link ImportResult.Reason#BAD_SEAL}: the seal is present and verifies.</li>
 * </ol>
 */
public final class HeaderVerifier {
    /** The outcome of checking a header. */
    public sealed interface Verdict {
        /** All rules hold; the block's slot, author and epoch. */
        record Valid(long slot, AccountId32 author, EpochData epoch) implements Verdict {}

        /** A rule is broken; {@code detail} names it. */
        record Invalid(ImportResult.Reason rule, String detail) implements Verdict {}
    }

    private final ChainBackend backend;
    private final BlockAncestry ancestry;
    private final EpochSource epochs;
    private final SlotClock clock;
    private final long maxDriftSlots;

    /**
     * Creates a verifier.
     *
     * @param maxDriftSlots how many slots ahead of the local clock a block may be (clock drift)
     */
    public HeaderVerifier(ChainBackend backend, EpochSource epochs, SlotClock clock, long maxDriftSlots) {
        this(backend, new BlockAncestry(backend), epochs, clock, maxDriftSlots);
    }

    /**
     * Creates a verifier that answers "does the parent descend from the finalized block?" from
     * {@code ancestry} (which may be shared with {@link ForkChoice}), in logarithmic time rather than
     * by reading every header down to the finalized block.
     *
     * @param maxDriftSlots how many slots ahead of the local clock a block may be (clock drift)
     */
    public HeaderVerifier(ChainBackend backend, BlockAncestry ancestry, EpochSource epochs, SlotClock clock,
                          long maxDriftSlots) {
        if (maxDriftSlots < 0) {
            throw new IllegalArgumentException("max drift must not be negative, got " + maxDriftSlots);
        }
        this.backend = backend;
        this.ancestry = ancestry;
        this.epochs = epochs;
        this.clock = clock;
        this.maxDriftSlots = maxDriftSlots;
    }

    /** Returns the epoch source the rules read. */
    public EpochSource epochs() {
        return epochs;
    }

    /** Checks {@code header} against every rule, in the order listed above. */
    public Verdict verify(Header header) {
        Optional<Header> parent = backend.header(header.parentHash());
        if (parent.isEmpty()) {
            return invalid(ImportResult.Reason.UNKNOWN_PARENT, "parent " + Hex.shortForm(header.parentHash().bytes()) + " is unknown");
        }
        if (header.number() != parent.get().number() + 1) {
            return invalid(ImportResult.Reason.BAD_NUMBER, "number " + header.number() + " does not follow parent #" + parent.get().number());
        }
        ChainHead fin = backend.finalized();
        if (header.number() <= fin.number()) {
            return invalid(ImportResult.Reason.BELOW_FINALIZED, "#" + header.number() + " is not above the finalized block " + fin);
        }
        ChainHead parentHead = new ChainHead(header.parentHash(), parent.get().number());
        ancestry.forgetBelow(fin.number());
        ancestry.add(parent.get());
        if (!ancestry.isAncestorOrSelf(fin, parentHead)) {
            return invalid(ImportResult.Reason.BELOW_FINALIZED, "parent " + parentHead + " is on a fork that does not contain the finalized block " + fin);
        }
        OptionalLong slot = SlotDigests.slotOf(header);
        if (slot.isEmpty()) {
            return invalid(ImportResult.Reason.MISSING_SLOT, "no single well-formed slot pre-runtime digest");
        }
        long s = slot.getAsLong();
        long now = clock.currentSlot();
        if (s < 0) {
            return invalid(ImportResult.Reason.SLOT_IN_FUTURE, "slot " + Long.toUnsignedString(s) + " is beyond any clock");
        }
        OptionalLong parentSlot = parent.get().number() == 0 ? OptionalLong.of(-1) : SlotDigests.slotOf(parent.get());
        if (parentSlot.isEmpty() || s <= parentSlot.getAsLong()) {
            return invalid(ImportResult.Reason.SLOT_NOT_AFTER_PARENT, "slot " + s + " is not after parent slot "
                    + (parentSlot.isEmpty() ? "?" : parentSlot.getAsLong()));
        }
        if (s > now + maxDriftSlots) {
            return invalid(ImportResult.Reason.SLOT_IN_FUTURE, "slot " + s + " is more than " + maxDriftSlots
                    + " slots after the current slot " + now);
        }
        EpochData epoch;
        try {
            epoch = epochs.epochAfter(header.parentHash());
        } catch (RuntimeException e) {
            return invalid(ImportResult.Reason.STATE_UNAVAILABLE, "epoch of parent " + parentHead + " unavailable: " + e.getMessage());
        }
        Verdict digest = checkEpochDigest(header, epoch);
        if (digest != null) {
            return digest;
        }
        AccountId32 author = AuthorOrder.authorOf(slot.getAsLong(), epoch);
        Optional<byte[]> seal = SlotDigests.sealOf(header);
        if (seal.isEmpty() || seal.get().length != Ed25519Signature.LENGTH) {
            return invalid(ImportResult.Reason.BAD_SEAL, "the last digest item is not a 64-byte slot seal");
        }
        byte[] signed = SlotDigests.withoutSeal(header).hash().bytes();
        Ed25519Signature signature = Ed25519Signature.of(seal.get());
        if (Ed25519PublicKey.of(author.bytes()).verify(signed, signature)) {
            return new Verdict.Valid(slot.getAsLong(), author, epoch);
        }
        for (AccountId32 other : epoch.validators()) {
            if (!other.equals(author) && Ed25519PublicKey.of(other.bytes()).verify(signed, signature)) {
                return invalid(ImportResult.Reason.WRONG_AUTHOR, "sealed by " + other + " but slot " + slot.getAsLong()
                        + " of epoch " + epoch.epoch() + " belongs to " + author);
            }
        }
        return invalid(ImportResult.Reason.BAD_SEAL, "the seal does not verify under the slot author " + author);
    }

    private Verdict checkEpochDigest(Header header, EpochData epoch) {
        List<EpochDigest.Announcement> found;
        try {
            found = EpochDigest.find(header);
        } catch (RuntimeException e) {
            return invalid(ImportResult.Reason.BAD_EPOCH_DIGEST, "epoch announcement does not decode: " + e.getMessage());
        }
        boolean firstOfEpoch = header.number() > 1 && (header.number() - 1) % epochs.epochLength() == 0;
        if (!firstOfEpoch) {
            return found.isEmpty() ? null : invalid(ImportResult.Reason.BAD_EPOCH_DIGEST,
                    "#" + header.number() + " is not the first block of an epoch but announces one");
        }
        EpochDigest.Announcement expected = new EpochDigest.Announcement(epoch.epoch(), epoch.validators());
        if (found.size() != 1 || !found.get(0).equals(expected)) {
            return invalid(ImportResult.Reason.BAD_EPOCH_DIGEST, "#" + header.number() + " starts epoch " + epoch.epoch()
                    + " and must announce its " + epoch.validators().size() + " validators exactly once");
        }
        return null;
    }

    private static Verdict invalid(ImportResult.Reason rule, String detail) {
        return new Verdict.Invalid(rule, detail);
    }
}
