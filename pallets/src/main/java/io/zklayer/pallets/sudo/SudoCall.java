package io.zklayer.pallets.sudo;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleEnum;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.primitives.types.MultiAddress;
import io.zklayer.runtime.RuntimeCall;
import io.zklayer.runtime.Weight;

/** The calls of the Sudo pallet, at Substrate's call indexes. */
public sealed interface SudoCall {
    /** Dispatches {@code call} as root (index 0). */
    record Sudo(RuntimeCall call) implements SudoCall {}

    /** Dispatches {@code call} as root with a declared weight (index 1). */
    record SudoUncheckedWeight(RuntimeCall call, Weight weight) implements SudoCall {}

    /** Hands the sudo key to {@code newKey} (index 2). */
    record SetKey(MultiAddress newKey) implements SudoCall {}

    /** Dispatches {@code call} signed as {@code who} (index 3). */
    record SudoAs(MultiAddress who, RuntimeCall call) implements SudoCall {}

    /** Removes the sudo key for good (index 4). */
    record RemoveKey() implements SudoCall {}

    /** Returns the codec; calls nest, so it needs the runtime's call codec. */
    static ScaleEnum<SudoCall> codec(ScaleCodec<RuntimeCall> callCodec) {
        return ScaleEnum.<SudoCall>builder("SudoCall")
                .variant(0, "sudo", Sudo.class, ScaleRecord.of("sudo",
                        ScaleRecord.field("call", callCodec, Sudo::call), Sudo::new))
                .variant(1, "sudo_unchecked_weight", SudoUncheckedWeight.class, ScaleRecord.of("sudo_unchecked_weight",
                        ScaleRecord.field("call", callCodec, SudoUncheckedWeight::call),
                        ScaleRecord.field("weight", Weight.CODEC, SudoUncheckedWeight::weight), SudoUncheckedWeight::new))
                .variant(2, "set_key", SetKey.class, ScaleRecord.of("set_key",
                        ScaleRecord.field("new", MultiAddress.CODEC, SetKey::newKey), SetKey::new))
                .variant(3, "sudo_as", SudoAs.class, ScaleRecord.of("sudo_as",
                        ScaleRecord.field("who", MultiAddress.CODEC, SudoAs::who),
                        ScaleRecord.field("call", callCodec, SudoAs::call), SudoAs::new))
                .variant(4, "remove_key", RemoveKey.class, io.zklayer.primitives.codec.ScaleCodecs.unit("remove_key",
                        new RemoveKey()))
                .build();
    }
}
