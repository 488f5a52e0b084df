package io.zklayer.runtime;

import java.util.List;

/**
 * The runtime description: what each pallet offers, with SCALE type names. It feeds the
 * {@code zklayer_runtimeDescription} RPC and the metadata.
 */
public final class Descriptors {
    private Descriptors() {}

    /** One named, typed field (a call argument or an event field). */
    public record Field(String name, String type) {}

    /** A call: its fixed index, name, arguments and one line of docs. */
    public record CallDescriptor(int index, String name, List<Field> args, String docs) {
        public CallDescriptor {
            args = List.copyOf(args);
        }
    }

    /** An event: its fixed index, name, fields and docs. */
    public record EventDescriptor(int index, String name, List<Field> fields, String docs) {
        public EventDescriptor {
            fields = List.copyOf(fields);
        }
    }

    /** An error: its fixed index, name and docs. */
    public record ErrorDescriptor(int index, String name, String docs) {}

    /** A constant: name, type, SCALE value and docs. */
    public record ConstantDescriptor(String name, String type, byte[] value, String docs) {}

    /** Returns the calls described by a pallet's call enum, with one docs line per call name. */
    public static List<CallDescriptor> calls(io.zklayer.primitives.codec.ScaleEnum<?> codec,
                                             java.util.function.Function<String, String> docs) {
        return codec.variants().stream()
                .map(v -> new CallDescriptor(v.index(), v.name(), fieldsOf(v.codec()), docs.apply(v.name())))
                .toList();
    }

    /** Returns the events described by a pallet's event enum, with one docs line per event name. */
    public static List<EventDescriptor> events(io.zklayer.primitives.codec.ScaleEnum<?> codec,
                                               java.util.function.Function<String, String> docs) {
        return codec.variants().stream()
                .map(v -> new EventDescriptor(v.index(), v.name(), fieldsOf(v.codec()), docs.apply(v.name())))
                .toList();
    }

    /** Returns the named fields of a record codec; a unit codec has none, any other codec is one unnamed field. */
    public static List<Field> fieldsOf(io.zklayer.primitives.codec.ScaleCodec<?> codec) {
        if (codec instanceof io.zklayer.primitives.codec.ScaleRecord<?> record) {
            return record.fields().stream().map(f -> new Field(f.name(), f.codec().typeName())).toList();
        }
        if (codec.minEncodedSize() == 0) {
            return List.of();
        }
        return List.of(new Field("", codec.typeName()));
    }

    /** Returns a field. */
    public static Field field(String name, String type) {
        return new Field(name, type);
    }
}
