package io.zklayer.runtime;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.codec.ScaleReader;
import io.zklayer.primitives.codec.ScaleWriter;
import io.zklayer.primitives.types.Call;
import io.zklayer.primitives.types.EventLayout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A composed runtime: pallets at fixed indexes and the runtime version. It decodes calls and
 * events and describes itself; the {@link Executive} executes blocks with it.
 */
public final class Runtime {
    private final RuntimeVersion version;
    private final TreeMap<Integer, Pallet> pallets = new TreeMap<>();

    /** Creates a runtime; pallet indexes and names must be unique. */
    public Runtime(RuntimeVersion version, List<Pallet> pallets) {
        this.version = version;
        for (Pallet p : pallets) {
            if (this.pallets.containsKey(p.index())) {
                throw new IllegalArgumentException("pallet index " + p.index() + " used by " + this.pallets.get(p.index()).name()
                        + " and " + p.name());
            }
            if (pallets.stream().filter(o -> o.name().equals(p.name())).count() > 1) {
                throw new IllegalArgumentException("pallet name " + p.name() + " used twice");
            }
            this.pallets.put(p.index(), p);
        }
    }

    /** Returns the runtime version. */
    public RuntimeVersion version() {
        return version;
    }

    /** Returns the pallets in index order. */
    public List<Pallet> pallets() {
        return Collections.unmodifiableList(new ArrayList<>(pallets.values()));
    }

    /** Returns the pallet of type {@code type}. */
    public <P extends Pallet> P pallet(Class<P> type) {
        return pallets.values().stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("runtime has no " + type.getSimpleName()));
    }

    /**
     * Decodes a call. A call the runtime does not know (pallet, call index or arguments) is a
     * {@link ScaleDecodeException} naming what was wrong.
     */
    public RuntimeCall decodeCall(Call call) {
        byte[] args = call.args();
        byte[] indexAndArgs = new byte[args.length + 1];
        indexAndArgs[0] = (byte) call.callIndex();
        System.arraycopy(args, 0, indexAndArgs, 1, args.length);
        ScaleReader r = new ScaleReader(indexAndArgs);
        RuntimeCall decoded = decodeCall(call.palletIndex(), r);
        r.expectEnd("RuntimeCall");
        return decoded;
    }

    private RuntimeCall decodeCall(int palletIndex, ScaleReader r) {
        Pallet p = pallets.get(palletIndex);
        if (p == null) {
            throw new ScaleDecodeException("RuntimeCall", 0, "no pallet at index " + palletIndex);
        }
        CallHandler<?> handler = p.calls().orElseThrow(() ->
                new ScaleDecodeException("RuntimeCall", 0, "pallet " + p.name() + " has no calls"));
        Object call = ScaleCodecs.decodeWithin(p.name() + " call", handler.codec(), r);
        return new RuntimeCall(p, handler, call);
    }

    /** Returns the codec of {@code RuntimeCall}: pallet index, call index, arguments (used by sudo). */
    public ScaleCodec<RuntimeCall> callCodec() {
        return ScaleCodecs.of("RuntimeCall", 2, this::encodeCall, r -> decodeCall(r.u8(), r));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void encodeCall(ScaleWriter w, RuntimeCall call) {
        w.u8(call.pallet().index());
        ((ScaleCodec) call.handler().codec()).encode(w, call.call());
    }

    /** Returns the encoded {@link Call} of a decoded one. */
    public Call encode(RuntimeCall call) {
        byte[] bytes = callCodec().encode(call);
        return new Call(bytes[0] & 0xFF, bytes[1] & 0xFF, java.util.Arrays.copyOfRange(bytes, 2, bytes.length));
    }

    /** Returns how to read the fields of each event, for decoding {@code System.Events}. */
    public EventLayout eventLayout() {
        return (palletIndex, eventIndex) -> {
            Pallet p = pallets.get(palletIndex);
            if (p == null || p.eventCodec().isEmpty()) {
                return Optional.empty();
            }
            ScaleCodec<?> codec = p.eventCodec().get();
            if (codec instanceof io.zklayer.primitives.codec.ScaleEnum<?> e) {
                return e.variants().stream().filter(v -> v.index() == eventIndex)
                        .<ScaleCodec<?>>map(io.zklayer.primitives.codec.ScaleEnum.VariantInfo::codec).findFirst();
            }
            return Optional.empty();
        };
    }
}
