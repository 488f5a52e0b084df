package io.zklayer.pallets.sudo;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleEnum;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.runtime.DispatchError;
import io.zklayer.runtime.PalletEvent;
import java.util.Optional;

/** The events of the Sudo pallet, at Substrate's event indexes. */
public sealed interface SudoEvent extends PalletEvent {
    /** A root call was dispatched; empty result means success (index 0). */
    record Sudid(Optional<DispatchError> error) implements SudoEvent {}

    /** The sudo key changed (index 1). */
    record KeyChanged(Optional<AccountId32> old, AccountId32 newKey) implements SudoEvent {}

    /** The sudo key was removed (index 2). */
    record KeyRemoved() implements SudoEvent {}

    /** A call was dispatched as another account (index 3). */
    record SudoAsDone(Optional<DispatchError> error) implements SudoEvent {}

    /** {@code DispatchResult} = {@code Result<(), DispatchError>}: 0x00 ok, 0x01 ‖ error. */
    ScaleCodec<Optional<DispatchError>> DISPATCH_RESULT = ScaleCodecs.of("DispatchResult", 1, (w, r) -> {
        if (r.isEmpty()) {
            w.u8(0);
        } else {
            w.u8(1);
            DispatchError.CODEC.encode(w, r.get());
        }
    }, r -> {
        int start = r.position();
        int tag = r.u8();
        if (tag == 0) {
            return Optional.empty();
        }
        if (tag != 1) {
            throw new io.zklayer.primitives.codec.ScaleDecodeException("DispatchResult", start, "invalid Result tag " + tag);
        }
        return Optional.of(DispatchError.CODEC.decode(r));
    });

    /** SCALE codec. */
    ScaleEnum<SudoEvent> CODEC = ScaleEnum.<SudoEvent>builder("SudoEvent")
            .variant(0, "Sudid", Sudid.class, ScaleRecord.of("Sudid",
                    ScaleRecord.field("sudo_result", DISPATCH_RESULT, Sudid::error), Sudid::new))
            .variant(1, "KeyChanged", KeyChanged.class, ScaleRecord.of("KeyChanged",
                    ScaleRecord.field("old", ScaleCodecs.option(AccountId32.CODEC), KeyChanged::old),
                    ScaleRecord.field("new", AccountId32.CODEC, KeyChanged::newKey), KeyChanged::new))
            .variant(2, "KeyRemoved", KeyRemoved.class, ScaleCodecs.unit("KeyRemoved", new KeyRemoved()))
            .variant(3, "SudoAsDone", SudoAsDone.class, ScaleRecord.of("SudoAsDone",
                    ScaleRecord.field("sudo_result", DISPATCH_RESULT, SudoAsDone::error), SudoAsDone::new))
            .build();

    @Override
    default int palletIndex() {
        return SudoPallet.INDEX;
    }

    @Override
    default byte[] encode() {
        return CODEC.encode(this);
    }
}
