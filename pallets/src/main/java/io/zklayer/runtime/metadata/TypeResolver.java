package io.zklayer.runtime.metadata;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleEnum;
import io.zklayer.primitives.codec.ScaleRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the runtime's codecs and SCALE type names into type ids of a {@link TypeRegistryBuilder}.
 *
 * <p>A codec built with {@link ScaleRecord} or {@link ScaleEnum} is read field by field and variant
 * by variant; any other codec is known by its {@link ScaleCodec#typeName() type name}, parsed with
 * {@link TypeName}: primitives ({@code u32}, {@code String}), {@code Vec<T>}, {@code Option<T>},
 * {@code Compact<T>}, {@code Result<T, E>}, {@code BTreeMap<K, V>}, tuples, arrays, the well-known
 * Substrate types of {@link SubstrateTypes}, names bound with {@link #bind}, and the names of records
 * and enums met anywhere in the runtime (see {@link #collect}). A record or enum of a pallet gets the
 * path {@code <crate>::types::<Name>} of the pallet being described ({@link #setCrate}).
 *
 * <p>A name it cannot resolve is an {@link IllegalArgumentException} naming it.
 */
public final class TypeResolver {
    private final TypeRegistryBuilder builder;
    /** Lookup only (never iterated into output). */
    private final Map<String, Integer> byName = new HashMap<>();
    private final Map<ScaleCodec<?>, Integer> byCodec = new IdentityHashMap<>();
    /** Record and enum codecs by type name, for names met inside containers ({@code Vec<Name>}). */
    private final Map<String, Set<ScaleCodec<?>>> declared = new HashMap<>();
    /** Names bound with {@link #bind}: a codec with such a name is that type. */
    private final Set<String> bound = new java.util.HashSet<>();
    private final Set<ScaleCodec<?>> collected = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private String crate = "zklayer_runtime";

    /** Creates a resolver adding types to {@code builder}. */
    public TypeResolver(TypeRegistryBuilder builder) {
        this.builder = builder;
    }

    /** Returns the builder. */
    public TypeRegistryBuilder builder() {
        return builder;
    }

    /** Sets the crate name used in the paths of pallet records and enums, e.g. {@code pallet_models}. */
    public void setCrate(String crateName) {
        this.crate = crateName;
    }

    /** Makes {@code name} resolve to {@code id} (the runtime's outer enums, the extrinsic type). */
    public void bind(String name, int id) {
        Integer old = byName.putIfAbsent(name, id);
        if (old != null && old != id) {
            throw new IllegalStateException("type name " + name + " is already bound to type " + old);
        }
        bound.add(name);
    }

    /**
     * Records every record and enum codec reachable from {@code codec} by its type name, so that a
     * name met later only as text (the element of a {@code Vec}) can be resolved.
     */
    public void collect(ScaleCodec<?> codec) {
        if (!collected.add(codec)) {
            return;
        }
        if (codec instanceof ScaleRecord<?> rec) {
            declared.computeIfAbsent(rec.typeName(), k -> new LinkedHashSet<>()).add(rec);
            rec.fields().forEach(f -> collect(f.codec()));
        } else if (codec instanceof ScaleEnum<?> en) {
            declared.computeIfAbsent(en.typeName(), k -> new LinkedHashSet<>()).add(en);
            en.variants().forEach(v -> collectVariant(v.codec()));
        } else if (codec instanceof ScaleEnum.UnitEnum<?> unit) {
            declared.computeIfAbsent(unit.typeName(), k -> new LinkedHashSet<>()).add(unit);
        }
        codec.components().forEach(this::collect);
    }

    private void collectVariant(ScaleCodec<?> variantCodec) {
        if (variantCodec instanceof ScaleRecord<?> rec) {
            collected.add(rec);
            rec.fields().forEach(f -> collect(f.codec()));
        } else {
            collect(variantCodec);
        }
    }

    /** Returns the type id of values encoded by {@code codec}. */
    public int resolve(ScaleCodec<?> codec) {
        Integer known = byCodec.get(codec);
        if (known != null) {
            return known;
        }
        String name = codec.typeName();
        boolean introspectable = codec instanceof ScaleRecord<?> || codec instanceof ScaleEnum<?>
                || codec instanceof ScaleEnum.UnitEnum<?>;
        if (bound.contains(name) || SubstrateTypes.NAMES.contains(name) || !introspectable && byName.containsKey(name)) {
            int id = resolve(name);
            if (introspectable) {
                checkSameShape(codec, id);
            }
            byCodec.put(codec, id);
            return id;
        }
        if (!introspectable) {
            int id = resolveOpaque(codec);
            byCodec.put(codec, id);
            return id;
        }
        int id = builder.reserve(name);
        byCodec.put(codec, id);
        List<String> path = List.of(crate, "types", rustIdentifier(name));
        if (codec instanceof ScaleRecord<?> rec) {
            builder.define(id, path, List.of(), new TypeDef.Composite(fieldsOf(rec)), List.of());
        } else if (codec instanceof ScaleEnum.UnitEnum<?> unit) {
            List<TypeVariant> variants = unit.variants().stream()
                    .map(v -> new TypeVariant(upperCamel(v.name()), List.of(), v.index(), List.of())).toList();
            builder.define(id, path, List.of(), new TypeDef.Variant(variants), List.of());
        } else {
            builder.define(id, path, List.of(), new TypeDef.Variant(variantsOf((ScaleEnum<?>) codec)), List.of());
        }
        return id;
    }

    /**
     * Resolves a codec that is neither record nor enum: a container through the codecs it is built
     * from ({@link ScaleCodec#components()}), else by name, else (a newtype made with
     * {@code ScaleCodecs.map}) as the one codec it wraps, which has the same bytes.
     */
    private int resolveOpaque(ScaleCodec<?> codec) {
        List<ScaleCodec<?>> parts = codec.components();
        TypeName t;
        try {
            t = TypeName.parse(codec.typeName());
        } catch (IllegalArgumentException e) {
            t = null;
        }
        if (t != null && !parts.isEmpty()) {
            int n = parts.size();
            switch (t.kind()) {
                case TUPLE -> {
                    if (n == t.args().size()) {
                        return builder.tuple(parts.stream().map(this::resolve).toList());
                    }
                }
                case ARRAY -> {
                    if (n == 1) {
                        return builder.array(t.length(), resolve(parts.get(0)));
                    }
                }
                case NAMED -> {
                    if (n == 1 && t.name().equals("Vec") && t.args().size() == 1) {
                        return builder.sequence(resolve(parts.get(0)));
                    }
                    if (n == 1 && t.name().equals("Option") && t.args().size() == 1) {
                        return optionOf(resolve(parts.get(0)));
                    }
                    if (n == 2 && t.name().equals("Result") && t.args().size() == 2) {
                        return resultOf(resolve(parts.get(0)), resolve(parts.get(1)));
                    }
                    if (n == 2 && t.name().equals("BTreeMap") && t.args().size() == 2) {
                        return btreeMapOf(resolve(parts.get(0)), resolve(parts.get(1)));
                    }
                }
            }
        }
        try {
            return resolve(codec.typeName());
        } catch (UnknownTypeException e) {
            if (parts.size() == 1) {
                return resolve(parts.get(0));
            }
            throw e;
        }
    }

    /** A type name that names no type the resolver knows. */
    static final class UnknownTypeException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UnknownTypeException(String message) {
            super(message);
        }
    }

    /** Returns the named fields of a record (a call's or event's arguments). */
    public List<TypeField> fieldsOf(ScaleRecord<?> rec) {
        List<TypeField> fields = new ArrayList<>();
        for (ScaleRecord.Field<?, ?> f : rec.fields()) {
            fields.add(TypeField.named(f.name(), resolve(f.codec()), f.codec().typeName()));
        }
        return fields;
    }

    /** Returns the fields of one enum variant: a record's named fields, none for a unit, else one unnamed field. */
    public List<TypeField> variantFields(ScaleCodec<?> variantCodec) {
        if (variantCodec instanceof ScaleRecord<?> rec) {
            return fieldsOf(rec);
        }
        if (variantCodec.minEncodedSize() == 0) {
            return List.of();
        }
        return List.of(TypeField.unnamed(resolve(variantCodec), variantCodec.typeName()));
    }

    /** Returns the variants of an enum codec. */
    public List<TypeVariant> variantsOf(ScaleEnum<?> en) {
        List<TypeVariant> out = new ArrayList<>();
        for (ScaleEnum.VariantInfo v : en.variants()) {
            out.add(new TypeVariant(v.name(), variantFields(v.codec()), v.index(), List.of()));
        }
        return out;
    }

    /** Returns the type id of the SCALE type named {@code typeName}. */
    public int resolve(String typeName) {
        Integer bound = byName.get(typeName);
        if (bound != null) {
            return bound;
        }
        TypeName t = TypeName.parse(typeName);
        int id = resolve(t);
        byName.put(typeName, id);
        return id;
    }

    private int resolve(TypeName t) {
        Integer bound = byName.get(t.text());
        if (bound != null) {
            return bound;
        }
        int id = switch (t.kind()) {
            case TUPLE -> builder.tuple(t.args().stream().map(this::resolve).toList());
            case ARRAY -> builder.array(t.length(), resolve(t.args().get(0)));
            case NAMED -> resolveNamed(t);
        };
        byName.put(t.text(), id);
        return id;
    }

    private int resolveNamed(TypeName t) {
        List<TypeName> args = t.args();
        String name = t.name();
        if (args.isEmpty()) {
            var primitive = PrimitiveType.byRustName(name);
            if (primitive.isPresent()) {
                return builder.primitive(primitive.get());
            }
        }
        if (args.size() == 1) {
            switch (name) {
                case "Vec", "BoundedVec", "WeakBoundedVec" -> {
                    return builder.sequence(resolve(args.get(0)));
                }
                case "Compact" -> {
                    return builder.compact(resolve(args.get(0)));
                }
                case "Option" -> {
                    return optionOf(resolve(args.get(0)));
                }
                case "BTreeSet" -> {
                    int inner = resolve(args.get(0));
                    return builder.add(List.of("BTreeSet"), List.of(TypeParameter.of("T", inner)),
                            new TypeDef.Composite(List.of(TypeField.unnamed(builder.sequence(inner), null))), List.of());
                }
                default -> { }
            }
        }
        if (args.size() == 2) {
            switch (name) {
                case "Result" -> {
                    return resultOf(resolve(args.get(0)), resolve(args.get(1)));
                }
                case "BTreeMap" -> {
                    return btreeMapOf(resolve(args.get(0)), resolve(args.get(1)));
                }
                default -> { }
            }
        }
        var known = SubstrateTypes.define(t.text(), this);
        if (known.isPresent()) {
            return known.get();
        }
        Set<ScaleCodec<?>> codecs = declared.get(t.text());
        if (codecs != null && codecs.size() == 1) {
            return resolve(codecs.iterator().next());
        }
        if (codecs != null) {
            throw new IllegalArgumentException("type name " + t.text() + " names " + codecs.size()
                    + " different codecs; give them distinct names");
        }
        throw new UnknownTypeException("unknown type " + t.text() + ": not a primitive, container, well-known "
                + "Substrate type, or record or enum codec of the runtime");
    }

    private int optionOf(int inner) {
        return builder.add(List.of("Option"), List.of(TypeParameter.of("T", inner)), new TypeDef.Variant(List.of(
                new TypeVariant("None", List.of(), 0, List.of()),
                new TypeVariant("Some", List.of(TypeField.unnamed(inner, null)), 1, List.of()))), List.of());
    }

    private int resultOf(int ok, int err) {
        return builder.add(List.of("Result"), List.of(TypeParameter.of("T", ok), TypeParameter.of("E", err)),
                new TypeDef.Variant(List.of(
                        new TypeVariant("Ok", List.of(TypeField.unnamed(ok, null)), 0, List.of()),
                        new TypeVariant("Err", List.of(TypeField.unnamed(err, null)), 1, List.of()))), List.of());
    }

    private int btreeMapOf(int k, int v) {
        int entries = builder.sequence(builder.tuple(List.of(k, v)));
        return builder.add(List.of("BTreeMap"), List.of(TypeParameter.of("K", k), TypeParameter.of("V", v)),
                new TypeDef.Composite(List.of(TypeField.unnamed(entries, null))), List.of());
    }

    private void checkSameShape(ScaleCodec<?> codec, int id) {
        TypeDef def = builder.type(id).def();
        boolean same;
        if (codec instanceof ScaleRecord<?> rec) {
            same = def instanceof TypeDef.Composite c && c.fields().size() == rec.fields().size();
        } else {
            List<ScaleEnum.VariantInfo> variants = codec instanceof ScaleEnum.UnitEnum<?> unit ? unit.variants()
                    : ((ScaleEnum<?>) codec).variants();
            List<Integer> indexes = variants.stream().map(ScaleEnum.VariantInfo::index).toList();
            same = def instanceof TypeDef.Variant v
                    && v.variants().stream().map(TypeVariant::index).toList().containsAll(indexes);
        }
        if (!same) {
            throw new IllegalArgumentException("codec " + codec.typeName() + " has the name of a well-known type but "
                    + "a different shape; give it another name");
        }
    }

    /** Returns a Java constant name in UpperCamelCase as Rust names variants: {@code NO_NODE} → {@code NoNode}. */
    static String upperCamel(String constant) {
        if (!constant.equals(constant.toUpperCase(java.util.Locale.ROOT))) {
            return constant;
        }
        StringBuilder out = new StringBuilder();
        for (String part : constant.toLowerCase(java.util.Locale.ROOT).split("_")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    /** Returns {@code name} reduced to a Rust identifier: {@code PerDispatchClass<Weight>} → {@code PerDispatchClass}. */
    static String rustIdentifier(String name) {
        int lt = name.indexOf('<');
        String base = lt < 0 ? name : name.substring(0, lt);
        StringBuilder out = new StringBuilder();
        for (char c : base.toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '_') {
                out.append(c);
            }
        }
        return out.length() == 0 ? "Anonymous" : out.toString();
    }
}
