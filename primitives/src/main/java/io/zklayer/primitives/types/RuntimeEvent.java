package io.zklayer.primitives.types;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleDecodeException;
import java.util.Arrays;

/**
 * An event as the runtime stores it: {@code pallet index u8 ‖ event index u8 ‖ SCALE fields}, the
 * fields kept as bytes. {@code (5, 2, fields)} → {@code 0x0502 ‖ fields}.
 *
 * @param palletIndex the emitting pallet's index, 0…255
 * @param eventIndex the event's index in the pallet, 0…255
 * @param fields the SCALE-encoded fields
 */
public record RuntimeEvent(int palletIndex, int eventIndex, byte[] fields) {

    /** Checks the indexes and copies the fields. */
    public RuntimeEvent {
        if (palletIndex < 0 || palletIndex > 255 || eventIndex < 0 || eventIndex > 255) {
            throw new IllegalArgumentException("event indexes must be u8, got (" + palletIndex + ", " + eventIndex + ")");
        }
        fields = fields.clone();
    }

    /**
     * Returns the codec of events whose field encodings {@code layout} describes. Decoding an event
     * the layout does not know fails with "unknown event (pallet p, event e)"; the fields are
     * decoded with the layout's codec (so malformed fields are rejected) and kept as their bytes.
     */
    public static ScaleCodec<RuntimeEvent> codec(EventLayout layout) {
        return ScaleCodecs.of("RuntimeEvent", 2,
                (w, e) -> w.u8(e.palletIndex).u8(e.eventIndex).raw(e.fields),
                r -> {
                    int start = r.position();
                    int pallet = r.u8();
                    int event = r.u8();
                    ScaleCodec<?> fieldsCodec = layout.fields(pallet, event).orElseThrow(() ->
                            new ScaleDecodeException("RuntimeEvent", start,
                                    "unknown event (pallet " + pallet + ", event " + event + ")"));
                    int fieldsStart = r.position();
                    ScaleCodecs.decodeWithin("RuntimeEvent(" + pallet + ", " + event + ")", fieldsCodec, r);
                    return new RuntimeEvent(pallet, event, r.consumedSince(fieldsStart));
                });
    }

    /** Returns a copy of the encoded fields. */
    @Override
    public byte[] fields() {
        return fields.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuntimeEvent e && palletIndex == e.palletIndex && eventIndex == e.eventIndex
                && Arrays.equals(fields, e.fields);
    }

    @Override
    public int hashCode() {
        return (palletIndex * 256 + eventIndex) * 31 + Arrays.hashCode(fields);
    }

    @Override
    public String toString() {
        return "RuntimeEvent(" + palletIndex + ", " + eventIndex + ", " + Hex.encode(fields) + ")";
    }
}
