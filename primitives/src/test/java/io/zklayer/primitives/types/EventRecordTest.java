package io.zklayer.primitives.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.TestData;
import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.codec.Tuple3;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventRecordTest {
    private static final ScaleCodec<Tuple3<AccountId32, AccountId32, BigInteger>> TRANSFER =
            ScaleCodecs.tuple(AccountId32.CODEC, AccountId32.CODEC, ScaleCodecs.U128);

    private static final EventLayout LAYOUT = (pallet, event) ->
            pallet == 5 && event == 2 ? Optional.of(TRANSFER)
                    : pallet == 0 && event == 0 ? Optional.of(ScaleCodecs.unit("()", Boolean.TRUE))
                    : Optional.empty();

    @Test
    void recordEncodesPhaseEventAndTopics() {
        EventRecord record = new EventRecord(Phase.applyExtrinsic(1), new RuntimeEvent(0, 0, new byte[0]), List.of());
        assertThat(Hex.encode(EventRecord.codec(LAYOUT).encode(record))).isEqualTo("0x00010000000000" + "00");
    }

    @Test
    void eventsListDecodesUsingTheRuntimeLayout() {
        TestData data = new TestData(11);
        AccountId32 from = data.accountId();
        AccountId32 to = data.accountId();
        byte[] fields = TRANSFER.encode(new Tuple3<>(from, to, BigInteger.valueOf(500)));
        List<EventRecord> events = List.of(
                new EventRecord(Phase.INITIALIZATION, new RuntimeEvent(0, 0, new byte[0]), List.of()),
                new EventRecord(Phase.applyExtrinsic(0), new RuntimeEvent(5, 2, fields), List.of(data.h256(), data.h256())),
                new EventRecord(Phase.FINALIZATION, new RuntimeEvent(0, 0, new byte[0]), List.of()));
        ScaleCodec<List<EventRecord>> codec = EventRecord.listCodec(LAYOUT);
        byte[] encoded = codec.encode(events);
        assertThat(EventRecord.encodeAll(events)).isEqualTo(encoded);
        assertThat(events.get(1).encode()).isEqualTo(EventRecord.codec(LAYOUT).encode(events.get(1)));
        List<EventRecord> decoded = codec.decode(encoded);
        assertThat(decoded).isEqualTo(events);
        assertThat(TRANSFER.decode(decoded.get(1).event().fields()).third()).isEqualTo(BigInteger.valueOf(500));
    }

    @Test
    void unknownEventIsRejectedWithItsIndexes() {
        assertThatThrownBy(() -> EventRecord.codec(LAYOUT).decode(Hex.decode("0x01" + "0903" + "00")))
                .isInstanceOf(ScaleDecodeException.class)
                .hasMessage("EventRecord.event/RuntimeEvent at offset 1: unknown event (pallet 9, event 3)");
    }

    @Test
    void truncatedEventFieldsAreRejected() {
        assertThatThrownBy(() -> EventRecord.codec(LAYOUT).decode(Hex.decode("0x01" + "0502" + "00".repeat(40))))
                .isInstanceOf(ScaleDecodeException.class)
                .hasMessageContaining("RuntimeEvent(5, 2)");
    }
}
