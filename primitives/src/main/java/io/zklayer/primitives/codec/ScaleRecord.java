package io.zklayer.primitives.codec;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Codecs for Rust structs, declared field by field: the fields' encodings one after the other, in
 * declaration order, with no prefix.
 *
 * <pre>{@code
 * ScaleCodec<Transfer> CODEC = ScaleRecord.of("Transfer",
 *     ScaleRecord.field("dest", AccountId32.CODEC, Transfer::dest),
 *     ScaleRecord.field("value", ScaleCodecs.COMPACT_U128, Transfer::value),
 *     Transfer::new);
 * }</pre>
 * A failure inside a field names the path: {@code "Header.digest/Vec<DigestItem>[0]/DigestItem at
 * offset 100: unknown variant index 7"}. A constructor that refuses the decoded fields with an
 * {@link IllegalArgumentException} becomes a {@link ScaleDecodeException} at the record's offset.
 */
public final class ScaleRecord<T> implements ScaleCodec<T> {
    private final String typeName;
    private final List<Field<T, ?>> fields;
    private final Function<Object[], T> constructor;
    private final int minEncodedSize;

    private ScaleRecord(String typeName, List<Field<T, ?>> fields, Function<Object[], T> constructor) {
        this.typeName = Objects.requireNonNull(typeName);
        this.fields = List.copyOf(fields);
        this.constructor = constructor;
        long min = 0;
        for (Field<T, ?> f : fields) {
            min += f.codec.minEncodedSize();
        }
        this.minEncodedSize = (int) Math.min(Integer.MAX_VALUE, min);
    }

    /** Returns the fields in declaration order. */
    public List<Field<T, ?>> fields() {
        return fields;
    }

    /**
     * Returns a field description: its name (for error messages), its codec and how to read it
     * from a value.
     */
    public static <T, F> Field<T, F> field(String name, ScaleCodec<F> codec, Function<T, F> getter) {
        return new Field<>(name, codec, getter);
    }

    /** Returns the codec of a one-field struct. */
    @SuppressWarnings("unchecked")
    public static <T, A> ScaleRecord<T> of(String typeName, Field<T, A> a, Function<A, T> ctor) {
        return new ScaleRecord<>(typeName, List.of(a), v -> ctor.apply((A) v[0]));
    }

    /** Returns the codec of a two-field struct. */
    @SuppressWarnings("unchecked")
    public static <T, A, B> ScaleRecord<T> of(String typeName, Field<T, A> a, Field<T, B> b, BiFunction<A, B, T> ctor) {
        return new ScaleRecord<>(typeName, List.of(a, b), v -> ctor.apply((A) v[0], (B) v[1]));
    }

    /** Returns the codec of a three-field struct. */
    @SuppressWarnings("unchecked")
    public static <T, A, B, C> ScaleRecord<T> of(String typeName, Field<T, A> a, Field<T, B> b, Field<T, C> c,
            Constructor3<A, B, C, T> ctor) {
        return new ScaleRecord<>(typeName, List.of(a, b, c), v -> ctor.create((A) v[0], (B) v[1], (C) v[2]));
    }

    /** Returns the codec of a four-field struct. */
    @SuppressWarnings("unchecked")
    public static <T, A, B, C, D> ScaleRecord<T> of(String typeName, Field<T, A> a, Field<T, B> b, Field<T, C> c,
            Field<T, D> d, Constructor4<A, B, C, D, T> ctor) {
        return new ScaleRecord<>(typeName, List.of(a, b, c, d),
                v -> ctor.create((A) v[0], (B) v[1], (C) v[2], (D) v[3]));
    }

    /** Returns the codec of a five-field struct. */
    @SuppressWarnings("unchecked")
    public static <T, A, B, C, D, E> ScaleRecord<T> of(String typeName, Field<T, A> a, Field<T, B> b, Field<T, C> c,
            Field<T, D> d, Field<T, E> e, Constructor5<A, B, C, D, E, T> ctor) {
        return new ScaleRecord<>(typeName, List.of(a, b, c, d, e),
                v -> ctor.create((A) v[0], (B) v[1], (C) v[2], (D) v[3], (E) v[4]));
    }

    /** Returns the codec of a six-field struct. */
    @SuppressWarnings("unchecked")
    public static <T, A, B, C, D, E, F> ScaleRecord<T> of(String typeName, Field<T, A> a, Field<T, B> b,
            Field<T, C> c, Field<T, D> d, Field<T, E> e, Field<T, F> f, Constructor6<A, B, C, D, E, F, T> ctor) {
        return new ScaleRecord<>(typeName, List.of(a, b, c, d, e, f),
                v -> ctor.create((A) v[0], (B) v[1], (C) v[2], (D) v[3], (E) v[4], (F) v[5]));
    }

    /**
     * Returns the codec of a struct with any number of fields; {@code ctor} receives the decoded
     * field values in declaration order (for structs with more fields than the typed factories take).
     */
    @SafeVarargs
    public static <T> ScaleRecord<T> ofFields(String typeName, Function<Object[], T> ctor, Field<T, ?>... fields) {
        return new ScaleRecord<>(typeName, List.of(fields), ctor);
    }

    @Override
    public String typeName() {
        return typeName;
    }

    @Override
    public int minEncodedSize() {
        return minEncodedSize;
    }

    @Override
    public void encode(ScaleWriter writer, T value) {
        Objects.requireNonNull(value, () -> typeName + ": null value");
        for (Field<T, ?> f : fields) {
            f.encodeFrom(writer, value);
        }
    }

    @Override
    public T decode(ScaleReader reader) {
        int start = reader.position();
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            Field<T, ?> f = fields.get(i);
            values[i] = ScaleCodecs.decodeWithin(typeName + "." + f.name, f.codec, reader);
        }
        try {
            return constructor.apply(values);
        } catch (IllegalArgumentException e) {
            throw new ScaleDecodeException(typeName, start, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "ScaleRecord[" + typeName + "]";
    }

    /** One named field of a struct with its codec and getter. */
    public static final class Field<T, F> {
        private final String name;
        private final ScaleCodec<F> codec;
        private final Function<T, F> getter;

        private Field(String name, ScaleCodec<F> codec, Function<T, F> getter) {
            this.name = Objects.requireNonNull(name);
            this.codec = Objects.requireNonNull(codec);
            this.getter = Objects.requireNonNull(getter);
        }

        /** Returns the field's name. */
        public String name() {
            return name;
        }

        /** Returns the field's codec. */
        public ScaleCodec<F> codec() {
            return codec;
        }

        void encodeFrom(ScaleWriter writer, T value) {
            codec.encode(writer, getter.apply(value));
        }
    }

    /** Builds a value from three decoded fields. */
    @FunctionalInterface
    public interface Constructor3<A, B, C, T> {
        /** Returns the value made of the fields. */
        T create(A a, B b, C c);
    }

    /** Builds a value from four decoded fields. */
    @FunctionalInterface
    public interface Constructor4<A, B, C, D, T> {
        /** Returns the value made of the fields. */
        T create(A a, B b, C c, D d);
    }

    /** Builds a value from five decoded fields. */
    @FunctionalInterface
    public interface Constructor5<A, B, C, D, E, T> {
        /** Returns the value made of the fields. */
        T create(A a, B b, C c, D d, E e);
    }

    /** Builds a value from six decoded fields. */
    @FunctionalInterface
    public interface Constructor6<A, B, C, D, E, F, T> {
        /** Returns the value made of the fields. */
        T create(A a, B b, C c, D d, E e, F f);
    }
}
