package io.zklayer.pallets.offences;

import io.zklayer.primitives.codec.ScaleReader;
import io.zklayer.primitives.codec.ScaleWriter;
import io.zklayer.primitives.types.ConsensusEngineId;
import io.zklayer.primitives.types.Digest;
import io.zklayer.primitives.types.DigestItem;
import io.zklayer.primitives.types.Header;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The slot and seal items of a header's digest in Aura's format, shared by consensus (which writes
 * and checks them at import) and by this pallet (which reads them from equivocation evidence): the
 * slot as {@code PreRuntime("aura", u64 LE)} and the author's ed25519 signature over the hash of
 * the header without it as the last item, {@code Seal("aura", 64 bytes)}.
 *
 * <p>Slot 7 → {@code PreRuntime(0x61757261, 0x0700000000000000)}.
 */
public final class AuraDigests {
    /** The engine id of slot and seal items. */
    public static final ConsensusEngineId ENGINE = ConsensusEngineId.AURA;

    private AuraDigests() {}

    /** Returns the pre-runtime item announcing {@code slot}. */
    public static DigestItem slot(long slot) {
        return new DigestItem.PreRuntime(ENGINE, new ScaleWriter(8).u64(slot).toByteArray());
    }

    /** Returns the slot announced in {@code header}'s digest, if exactly one well-formed item is there. */
    public static OptionalLong slotOf(Header header) {
        OptionalLong found = OptionalLong.empty();
        for (DigestItem item : header.digest().logs()) {
            if (item instanceof DigestItem.PreRuntime p && p.engine().equals(ENGINE)) {
                if (found.isPresent() || p.data().length != 8) {
                    return OptionalLong.empty();
                }
                found = OptionalLong.of(new ScaleReader(p.data()).u64());
            }
        }
        return found;
    }

    /** Returns the seal item holding {@code signature}. */
    public static DigestItem seal(byte[] signature) {
        return new DigestItem.Seal(ENGINE, signature);
    }

    /** Returns the seal's signature if the last digest item is an Aura seal. */
    public static Optional<byte[]> sealOf(Header header) {
        List<DigestItem> logs = header.digest().logs();
        if (logs.isEmpty() || !(logs.get(logs.size() - 1) instanceof DigestItem.Seal s) || !s.engine().equals(ENGINE)) {
            return Optional.empty();
        }
        return Optional.of(s.data());
    }

    /** Returns {@code header} without its final seal item (the header the author signed). */
    public static Header withoutSeal(Header header) {
        List<DigestItem> logs = new ArrayList<>(header.digest().logs());
        if (!logs.isEmpty() && logs.get(logs.size() - 1) instanceof DigestItem.Seal) {
            logs.remove(logs.size() - 1);
        }
        return header.withDigest(new Digest(logs));
    }

    /** Returns {@code header} with {@code seal} appended. */
    public static Header sealed(Header unsealed, DigestItem seal) {
        List<DigestItem> logs = new ArrayList<>(unsealed.digest().logs());
        logs.add(seal);
        return unsealed.withDigest(new Digest(logs));
    }
}
