package io.zklayer.pallets.system;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleEnum;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.primitives.codec.Tuple2;
import java.util.List;

/** The calls of the System pallet, at Substrate's call indexes. */
public sealed interface SystemCall {
    /** Does nothing but cost a fee: puts bytes on chain (index 0). */
    record Remark(byte[] remark) implements SystemCall {}

    /** Root only: sets raw storage entries (index 4). */
    record SetStorage(List<Tuple2<byte[], byte[]>> items) implements SystemCall {}

    /** Root only: removes raw storage entries (index 5). */
    record KillStorage(List<byte[]> keys) implements SystemCall {}

    /** Like remark, and emits {@code Remarked} with the remark's hash (index 7). */
    record RemarkWithEvent(byte[] remark) implements SystemCall {}

    /** SCALE codec: call index, then the arguments. */
    ScaleEnum<SystemCall> CODEC = ScaleEnum.<SystemCall>builder("SystemCall")
            .variant(0, "remark", Remark.class, ScaleRecord.of("remark",
                    ScaleRecord.field("remark", ScaleCodecs.BYTES, Remark::remark), Remark::new))
            .variant(4, "set_storage", SetStorage.class, ScaleRecord.of("set_storage",
                    ScaleRecord.field("items", ScaleCodecs.vec(ScaleCodecs.tuple(ScaleCodecs.BYTES, ScaleCodecs.BYTES)),
                            SetStorage::items), SetStorage::new))
            .variant(5, "kill_storage", KillStorage.class, ScaleRecord.of("kill_storage",
                    ScaleRecord.field("keys", ScaleCodecs.vec(ScaleCodecs.BYTES), KillStorage::keys), KillStorage::new))
            .variant(7, "remark_with_event", RemarkWithEvent.class, ScaleRecord.of("remark_with_event",
                    ScaleRecord.field("remark", ScaleCodecs.BYTES, RemarkWithEvent::remark), RemarkWithEvent::new))
            .build();

    /** Returns the codec, for callers that need a plain {@link ScaleCodec}. */
    static ScaleCodec<SystemCall> codec() {
        return CODEC;
    }
}
