package io.zklayer.primitives.codec;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The codec of a Rust enum: one index byte naming the variant, then that variant's fields.
 *
 * <p>Each variant is a Java class (usually a record implementing a sealed interface) with a fixed
 * index and its own codec for the fields:
 * <pre>{@code
 * ScaleEnum.<Phase>builder("Phase")
 *     .variant(0, "ApplyExtrinsic", Phase.ApplyExtrinsic.class, APPLY_EXTRINSIC_FIELDS)
 *     .variant(1, "Finalization", Phase.Finalization.class, ScaleCodecs.unit("Finalization", FINALIZATION))
 *     .build();
 * }</pre>
 * {@code ApplyExtrinsic(2)} → {@code 0x0002000000}. Decoding an index with no variant fails with
 * {@code "Phase at offset 0: unknown variant index 9"}.
 *
 * @param <T> the common supertype of the variants
 */
public final class ScaleEnum<T> implements ScaleCodec<T> {
    private final String typeName;
    private final Variant<?>[] byIndex;
    private final Map<Class<?>, Variant<?>> byClass;
    private final int minEncodedSize;

    private ScaleEnum(String typeName, Variant<?>[] byIndex, Map<Class<?>, Variant<?>> byClass) {
        this.typeName = typeName;
        this.byIndex = byIndex;
        this.byClass = byClass;
        int min = Integer.MAX_VALUE;
        for (Variant<?> v : byClass.values()) {
            min = Math.min(min, v.codec.minEncodedSize());
        }
        this.minEncodedSize = 1 + (byClass.isEmpty() ? 0 : min);
    }

    /** Returns a builder for the enum named {@code typeName}. */
    public static <T> Builder<T> builder(String typeName) {
        return new Builder<>(typeName);
    }

    /**
     * Returns the codec of a Rust enum whose variants carry no fields, as a Java enum: one byte,
     * the index {@code indexOf} gives each constant (indexes must be distinct, 0…255). With
     * {@code Enum::ordinal} as the index, {@code Pays.NO} (second constant) → {@code 0x01}.
     */
    public static <E extends Enum<E>> ScaleCodec<E> ofUnitEnum(String typeName, Class<E> type,
            java.util.function.ToIntFunction<E> indexOf) {
        return new UnitEnum<>(typeName, type, indexOf);
    }

    /**
     * The codec {@link #ofUnitEnum} returns: one index byte per Java enum constant. Its
     * {@link #variants()} name the constants (for runtime descriptions and metadata).
     *
     * @param <E> the Java enum
     */
    public static final class UnitEnum<E extends Enum<E>> implements ScaleCodec<E> {
        private final String typeName;
        private final E[] byIndex;
        private final java.util.function.ToIntFunction<E> indexOf;

        @SuppressWarnings("unchecked")
        private UnitEnum(String typeName, Class<E> type, java.util.function.ToIntFunction<E> indexOf) {
            this.typeName = Objects.requireNonNull(typeName);
            this.indexOf = indexOf;
            this.byIndex = (E[]) java.lang.reflect.Array.newInstance(type, 256);
            for (E e : type.getEnumConstants()) {
                int index = indexOf.applyAsInt(e);
                if (index < 0 || index > 255) {
                    throw new IllegalArgumentException(typeName + ": variant index must be 0..255, got " + index + " for " + e);
                }
                if (byIndex[index] != null) {
                    throw new IllegalArgumentException(typeName + ": variant index " + index + " used twice");
                }
                byIndex[index] = e;
            }
        }

        @Override
        public String typeName() {
            return typeName;
        }

        @Override
        public int minEncodedSize() {
            return 1;
        }

        @Override
        public void encode(ScaleWriter writer, E value) {
            Objects.requireNonNull(value, () -> typeName + ": null value");
            writer.rawByte(indexOf.applyAsInt(value));
        }

        @Override
        public E decode(ScaleReader reader) {
            int start = reader.position();
            int index = reader.rawByte(typeName);
            E value = byIndex[index];
            if (value == null) {
                throw new ScaleDecodeException(typeName, start, "unknown variant index " + index);
            }
            return value;
        }

        /** Returns the constants in index order, each named by its Java name ({@code FUNDS_UNAVAILABLE}). */
        public java.util.List<VariantInfo> variants() {
            java.util.List<VariantInfo> out = new java.util.ArrayList<>();
            for (int i = 0; i < byIndex.length; i++) {
                if (byIndex[i] != null) {
                    out.add(new VariantInfo(i, byIndex[i].name(), ScaleCodecs.unit(byIndex[i].name(), byIndex[i])));
                }
            }
            return out;
        }

        @Override
        public String toString() {
            return "ScaleEnum.UnitEnum[" + typeName + "]";
        }
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
        Variant<?> variant = byClass.get(value.getClass());
        if (variant == null) {
            throw new IllegalArgumentException(typeName + ": no variant registered for " + value.getClass().getName());
        }
        writer.rawByte(variant.index);
        variant.encodeFields(writer, value);
    }

    @Override
    public T decode(ScaleReader reader) {
        int start = reader.position();
        int index = reader.rawByte(typeName);
        Variant<?> variant = byIndex[index];
        if (variant == null) {
            throw new ScaleDecodeException(typeName, start, "unknown variant index " + index);
        }
        @SuppressWarnings("unchecked")
        T value = (T) ScaleCodecs.decodeWithin(typeName + "::" + variant.name, variant.codec, reader);
        return value;
    }

    @Override
    public String toString() {
        return "ScaleEnum[" + typeName + "]";
    }

    /** One variant as described for runtime descriptions and metadata. */
    public record VariantInfo(int index, String name, ScaleCodec<?> codec) {}

    /** Returns the variants in index order. */
    public java.util.List<VariantInfo> variants() {
        java.util.List<VariantInfo> out = new java.util.ArrayList<>();
        for (Variant<?> v : byIndex) {
            if (v != null) {
                out.add(new VariantInfo(v.index, v.name, v.codec));
            }
        }
        return out;
    }

    private static final class Variant<V> {
        final int index;
        final String name;
        final Class<V> type;
        final ScaleCodec<V> codec;

        Variant(int index, String name, Class<V> type, ScaleCodec<V> codec) {
            this.index = index;
            this.name = name;
            this.type = type;
            this.codec = codec;
        }

        void encodeFields(ScaleWriter writer, Object value) {
            codec.encode(writer, type.cast(value));
        }
    }

    /** Collects the variants of an enum; indexes and classes must be unique. */
    public static final class Builder<T> {
        private final String typeName;
        private final Variant<?>[] byIndex = new Variant<?>[256];
        private final Map<Class<?>, Variant<?>> byClass = new HashMap<>();

        private Builder(String typeName) {
            this.typeName = Objects.requireNonNull(typeName);
        }

        /**
         * Adds the variant {@code name} at {@code index} (0…255), represented by exactly the class
         * {@code type} and encoded after its index byte by {@code codec}.
         */
        public <V extends T> Builder<T> variant(int index, String name, Class<V> type, ScaleCodec<V> codec) {
            if (index < 0 || index > 255) {
                throw new IllegalArgumentException(typeName + ": variant index must be 0..255, got " + index);
            }
            if (byIndex[index] != null) {
                throw new IllegalArgumentException(typeName + ": variant index " + index + " used twice");
            }
            if (byClass.containsKey(type)) {
                throw new IllegalArgumentException(typeName + ": class " + type.getName() + " used twice");
            }
            Variant<V> v = new Variant<>(index, name, type, codec);
            byIndex[index] = v;
            byClass.put(type, v);
            return this;
        }

        /** Returns the codec. */
        public ScaleEnum<T> build() {
            return new ScaleEnum<>(typeName, byIndex.clone(), Map.copyOf(byClass));
        }
    }
}
