package io.zklayer.primitives.types;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import java.util.List;

/**
 * A header's digest: the list of {@link DigestItem}s, encoded as {@code Vec<DigestItem>}. The
 * empty digest encodes to {@code 0x00}.
 *
 * @param logs the items in order
 */
public record Digest(List<DigestItem> logs) {
    /** The digest with no items. */
    public static final Digest EMPTY = new Digest(List.of());
    /** SCALE codec: {@code Vec<DigestItem>}. */
    public static final ScaleCodec<Digest> CODEC =
            ScaleCodecs.map("Digest", ScaleCodecs.vec(DigestItem.CODEC), Digest::new, Digest::logs);

    /** Copies the list. */
    public Digest {
        logs = List.copyOf(logs);
    }

    /** Returns the digest of these items. */
    public static Digest of(DigestItem... items) {
        return new Digest(List.of(items));
    }
}
