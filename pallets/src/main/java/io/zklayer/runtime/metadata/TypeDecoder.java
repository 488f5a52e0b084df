package io.zklayer.runtime.metadata;

import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.codec.ScaleReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes SCALE bytes of any type in a {@link PortableRegistry} into plain Java values, the way a
 * client that knows only the metadata would: structs with named fields become ordered maps, tuples,
 * arrays, sequences and unnamed structs lists, enums {@link Variant}s, integers {@link BigInteger},
 * {@code bool} {@link Boolean}, {@code str} {@link String}, and a {@code [u8; N]} or {@code Vec<u8>}
 * a {@code byte[]}. It is how tests check that the metadata describes the bytes the runtime really
 * writes: {@code decode(accountInfoId, storageValue)} →
 * {@code {nonce=0, consumers=0, providers=1, sufficients=0, data={free=…, …}}}.
 *
 * <p>Decoding is bounded: sequence lengths are checked against the remaining input before anything
 * is allocated, and nesting is limited to {@value #MAX_DEPTH} levels.
 */
public final class TypeDecoder {
    /** The deepest nesting of types decoded (a {@code RuntimeCall} inside a {@code RuntimeCall} …). */
    public static final int MAX_DEPTH = 128;

    /** A decoded enum value: the variant's name and index and its field values (a map, list or empty list). */
    public record Variant(String name, int index, Object value) {}

    private final PortableRegistry registry;
    private final int[] minSizes;

    /** Creates a decoder for the types of {@code registry}. */
    public TypeDecoder(PortableRegistry registry) {
        this.registry = registry;
        this.minSizes = new int[registry.types().size()];
        java.util.Arrays.fill(minSizes, -1);
    }

    /** Returns the value of type {@code typeId} that is exactly {@code bytes}. */
    public Object decode(int typeId, byte[] bytes) {
        ScaleReader r = new ScaleReader(bytes);
        Object v = decode(typeId, r);
        r.expectEnd(describe(typeId));
        return v;
    }

    /** Returns the value of type {@code typeId} read from {@code reader}. */
    public Object decode(int typeId, ScaleReader reader) {
        return decode(typeId, reader, 0);
    }

    private Object decode(int id, ScaleReader r, int depth) {
        if (depth > MAX_DEPTH) {
            throw new ScaleDecodeException(describe(id), r.position(), "nesting deeper than " + MAX_DEPTH);
        }
        PortableType t = registry.type(id);
        TypeDef def = t.def();
        if (def instanceof TypeDef.Primitive p) {
            return primitive(p.primitive(), r);
        }
        if (def instanceof TypeDef.Compact c) {
            return r.compact(describe(id));
        }
        if (def instanceof TypeDef.Sequence s) {
            if (isU8(s.type())) {
                return r.bytes();
            }
            int len = r.length(describe(id), Math.max(1, minSize(s.type())));
            return elements(s.type(), len, r, depth);
        }
        if (def instanceof TypeDef.Array a) {
            if (isU8(a.type())) {
                return r.raw((int) Math.min(a.length(), Integer.MAX_VALUE), describe(id));
            }
            long min = a.length() * (long) minSize(a.type());
            if (min > r.remaining()) {
                throw new ScaleDecodeException(describe(id), r.position(), "needs " + min + " bytes, " + r.remaining() + " remain");
            }
            return elements(a.type(), (int) a.length(), r, depth);
        }
        if (def instanceof TypeDef.Tuple tu) {
            List<Object> out = new ArrayList<>();
            for (int e : tu.types()) {
                out.add(decode(e, r, depth + 1));
            }
            return Collections.unmodifiableList(out);
        }
        if (def instanceof TypeDef.Composite c) {
            return fields(c.fields(), r, depth);
        }
        if (def instanceof TypeDef.Variant v) {
            int start = r.position();
            int index = r.u8();
            for (TypeVariant variant : v.variants()) {
                if (variant.index() == index) {
                    return new Variant(variant.name(), index, fields(variant.fields(), r, depth));
                }
            }
            throw new ScaleDecodeException(describe(id), start, "unknown variant index " + index);
        }
        throw new ScaleDecodeException(describe(id), r.position(), "bit sequences are not supported");
    }

    private Object fields(List<TypeField> fields, ScaleReader r, int depth) {
        boolean named = !fields.isEmpty() && fields.stream().allMatch(f -> f.name().isPresent());
        if (named) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (TypeField f : fields) {
                out.put(f.name().get(), decode(f.type(), r, depth + 1));
            }
            return Collections.unmodifiableMap(out);
        }
        if (fields.size() == 1) {
            return decode(fields.get(0).type(), r, depth + 1);
        }
        List<Object> out = new ArrayList<>();
        for (TypeField f : fields) {
            out.add(decode(f.type(), r, depth + 1));
        }
        return Collections.unmodifiableList(out);
    }

    private List<Object> elements(int type, int count, ScaleReader r, int depth) {
        List<Object> out = new ArrayList<>(Math.min(count, 64));
        for (int i = 0; i < count; i++) {
            out.add(decode(type, r, depth + 1));
        }
        return Collections.unmodifiableList(out);
    }

    private static Object primitive(PrimitiveType p, ScaleReader r) {
        return switch (p) {
            case BOOL -> r.bool();
            case STR -> r.string();
            case CHAR -> BigInteger.valueOf(r.u32());
            case U8 -> BigInteger.valueOf(r.u8());
            case U16 -> BigInteger.valueOf(r.u16());
            case U32 -> BigInteger.valueOf(r.u32());
            case U64 -> new BigInteger(1, reverse(r.raw(8, "u64")));
            case U128 -> r.u128();
            case U256 -> new BigInteger(1, reverse(r.raw(32, "u256")));
            case I8 -> BigInteger.valueOf(r.i8());
            case I16 -> BigInteger.valueOf(r.i16());
            case I32 -> BigInteger.valueOf(r.i32());
            case I64 -> BigInteger.valueOf(r.i64());
            case I128 -> r.i128();
            case I256 -> new BigInteger(reverse(r.raw(32, "i256")));
        };
    }

    private static byte[] reverse(byte[] le) {
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            be[i] = le[le.length - 1 - i];
        }
        return be;
    }

    private boolean isU8(int id) {
        return registry.type(id).def() instanceof TypeDef.Primitive p && p.primitive() == PrimitiveType.U8;
    }

    /** Returns the fewest bytes a value of type {@code id} encodes to (0 for {@code ()}). */
    int minSize(int id) {
        if (minSizes[id] >= 0) {
            return minSizes[id];
        }
        minSizes[id] = 0; // a recursive type is at least its non-recursive part; 0 stops the cycle
        TypeDef def = registry.type(id).def();
        long size;
        if (def instanceof TypeDef.Primitive p) {
            size = switch (p.primitive()) {
                case BOOL, U8, I8, STR -> 1;
                case U16, I16 -> 2;
                case U32, I32, CHAR -> 4;
                case U64, I64 -> 8;
                case U128, I128 -> 16;
                case U256, I256 -> 32;
            };
        } else if (def instanceof TypeDef.Compact || def instanceof TypeDef.Sequence || def instanceof TypeDef.BitSequence) {
            size = 1;
        } else if (def instanceof TypeDef.Array a) {
            size = a.length() * minSize(a.type());
        } else if (def instanceof TypeDef.Tuple t) {
            size = t.types().stream().mapToLong(this::minSize).sum();
        } else if (def instanceof TypeDef.Composite c) {
            size = c.fields().stream().mapToLong(f -> minSize(f.type())).sum();
        } else {
            size = 1 + ((TypeDef.Variant) def).variants().stream()
                    .mapToLong(v -> v.fields().stream().mapToLong(f -> minSize(f.type())).sum()).min().orElse(0);
        }
        minSizes[id] = (int) Math.min(Integer.MAX_VALUE, size);
        return minSizes[id];
    }

    private String describe(int id) {
        PortableType t = registry.type(id);
        return t.path().isEmpty() ? "type " + id : t.pathName();
    }
}
