package io.zklayer.runtime.metadata;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a type, scale-info's {@code TypeDef}: composite (struct), variant (enum), sequence
 * ({@code Vec<T>}), fixed array, tuple, primitive, compact or bit sequence. The variant index of
 * each shape is its position here: a {@code Vec<u8>} where {@code u8} has id 2 encodes as
 * {@code 0x02 0x08} (Sequence, Compact(2)).
 */
public sealed interface TypeDef {
    /** Returns the ids of every type this shape refers to. */
    List<Integer> referencedTypes();

    /** A struct: its fields in encoding order (none for a unit struct). */
    record Composite(List<TypeField> fields) implements TypeDef {
        public Composite {
            fields = List.copyOf(fields);
        }

        @Override
        public List<Integer> referencedTypes() {
            return fields.stream().map(TypeField::type).toList();
        }
    }

    /** An enum: its variants, each with its own index byte. */
    record Variant(List<TypeVariant> variants) implements TypeDef {
        public Variant {
            variants = List.copyOf(variants);
            if (variants.stream().map(TypeVariant::index).distinct().count() != variants.size()) {
                throw new IllegalArgumentException("variant indexes must be distinct: " + variants.stream()
                        .map(v -> v.name() + "=" + v.index()).toList());
            }
        }

        @Override
        public List<Integer> referencedTypes() {
            List<Integer> out = new ArrayList<>();
            variants.forEach(v -> v.fields().forEach(f -> out.add(f.type())));
            return out;
        }
    }

    /** {@code Vec<T>}: a compact length, then the elements. */
    record Sequence(int type) implements TypeDef {
        @Override
        public List<Integer> referencedTypes() {
            return List.of(type);
        }
    }

    /** {@code [T; N]}: exactly {@code length} elements, no prefix. */
    record Array(long length, int type) implements TypeDef {
        public Array {
            if (length < 0 || length > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("array length must be a u32, got " + length);
            }
        }

        @Override
        public List<Integer> referencedTypes() {
            return List.of(type);
        }
    }

    /** {@code (A, B, …)}: the elements one after the other; {@code ()} has none. */
    record Tuple(List<Integer> types) implements TypeDef {
        public Tuple {
            types = List.copyOf(types);
        }

        @Override
        public List<Integer> referencedTypes() {
            return types;
        }
    }

    /** A primitive such as {@code u32} or {@code str}. */
    record Primitive(PrimitiveType primitive) implements TypeDef {
        @Override
        public List<Integer> referencedTypes() {
            return List.of();
        }
    }

    /** {@code Compact<T>}: T in SCALE's compact integer encoding. */
    record Compact(int type) implements TypeDef {
        @Override
        public List<Integer> referencedTypes() {
            return List.of(type);
        }
    }

    /** A {@code BitVec<Store, Order>}. */
    record BitSequence(int storeType, int orderType) implements TypeDef {
        @Override
        public List<Integer> referencedTypes() {
            return List.of(storeType, orderType);
        }
    }
}
