package io.zklayer.primitives.types;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleRecord;
import java.util.List;
import java.util.Objects;

/**
 * One entry of {@code System.Events}, as {@code frame_system::EventRecord}:
 * {@code phase ‖ event ‖ topics Vec<H256>}. An event {@code (5, 2)} with no fields emitted during
 * extrinsic 1 with no topics → {@code 0x00 01000000 0502 00}.
 *
 * <p>There is no single codec constant: where an event's fields end depends on the runtime's
 * events, so the codec is made from an {@link EventLayout} with {@link #codec(EventLayout)}.
 *
 * @param phase when in the block the event happened
 * @param event the event
 * @param topics hashes the event is indexed under
 */
public record EventRecord(Phase phase, RuntimeEvent event, List<H256> topics) {

    /** Encodes records; its decoder knows no event, so it is used only for encoding. */
    private static final ScaleCodec<EventRecord> ENCODER = codec((pallet, event) -> java.util.Optional.empty());
    private static final ScaleCodec<List<EventRecord>> LIST_ENCODER = ScaleCodecs.vec(ENCODER);

    /** Checks the parts and copies the topics. */
    public EventRecord {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(event, "event");
        topics = List.copyOf(topics);
    }

    /** Returns the codec of event records whose events {@code layout} describes. */
    public static ScaleCodec<EventRecord> codec(EventLayout layout) {
        return ScaleRecord.of("EventRecord",
                ScaleRecord.field("phase", Phase.CODEC, EventRecord::phase),
                ScaleRecord.field("event", RuntimeEvent.codec(layout), EventRecord::event),
                ScaleRecord.field("topics", ScaleCodecs.vec(H256.CODEC), EventRecord::topics),
                EventRecord::new);
    }

    /** Returns the encoding of this record (encoding needs no layout: the fields are already bytes). */
    public byte[] encode() {
        return ENCODER.encode(this);
    }

    /** Returns the encoding of {@code Vec<EventRecord>}, the value the runtime stores in {@code System.Events}. */
    public static byte[] encodeAll(List<EventRecord> records) {
        return LIST_ENCODER.encode(records);
    }

    /** Returns the codec of {@code Vec<EventRecord>}, the value of {@code System.Events}. */
    public static ScaleCodec<List<EventRecord>> listCodec(EventLayout layout) {
        return ScaleCodecs.vec(codec(layout));
    }
}
