package io.zklayer.node.network.protocol;

import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.codec.ScaleReader;
import io.zklayer.primitives.codec.ScaleWriter;
import io.zklayer.primitives.types.Header;

/**
 * A new block, announced by gossip on the chain's block-announce topic: its header and whether the
 * announcer made it its best block. Receivers that lack the block ask the announcer for its body
 * with a {@link BlockRequest}; a header whose parent they lack makes them sync.
 *
 * <p>Encoding, as Substrate's block announcement without the optional data: {@code Header ‖ bool}.
 * A header of block #1 with an empty digest (98 bytes) announced as best is 99 bytes ending in
 * {@code 01}.
 *
 * @param header the announced block's header (sealed)
 * @param best whether the block is the announcer's new best block
 */
public record BlockAnnounce(Header header, boolean best) {
    /** The largest announcement accepted: a header with a generous digest. */
    public static final int MAX_BYTES = 64 * 1024;

    /** Returns the SCALE encoding. */
    public byte[] encode() {
        ScaleWriter w = new ScaleWriter(128);
        Header.CODEC.encode(w, header);
        w.bool(best);
        return w.toByteArray();
    }

    /**
     * Decodes an announcement.
     *
     * @throws ScaleDecodeException when it is larger than {@link #MAX_BYTES}, malformed, or has
     *     trailing bytes
     */
    public static BlockAnnounce decode(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new ScaleDecodeException("BlockAnnounce", 0, bytes.length + " bytes exceed the limit of " + MAX_BYTES);
        }
        ScaleReader r = new ScaleReader(bytes);
        Header header = Header.CODEC.decode(r);
        boolean best = r.bool();
        r.expectEnd("BlockAnnounce");
        return new BlockAnnounce(header, best);
    }
}
