package io.zklayer.runtime.metadata;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.codec.ScaleEnum;
import io.zklayer.primitives.codec.ScaleReader;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.primitives.codec.ScaleWriter;
import io.zklayer.primitives.hashing.StorageHasher;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes and reads {@link RuntimeMetadata} as frame-metadata's {@code RuntimeMetadataPrefixed}:
 * the magic {@code "meta"} ({@code 0x6d657461}), the version byte (14 or 15), then
 * {@code RuntimeMetadataV14} or {@code RuntimeMetadataV15}. Type ids are {@code Compact<u32>};
 * a {@code Vec<u8>} type whose element {@code u8} has id 2 is {@code 0x00 00 00 02 08 00} (id 0, no
 * path, no params, Sequence(2), no docs).
 *
 * <p>Decoding is strict and bounded like every SCALE decoder here, and checks the registry is well
 * formed; it is how tests read back what {@link #encode} wrote.
 */
public final class MetadataCodec {
    /** The magic number {@code "meta"} that starts every metadata blob. */
    public static final byte[] MAGIC = {0x6d, 0x65, 0x74, 0x61};
    /** The versions this codec writes and reads. */
    public static final List<Integer> VERSIONS = List.of(14, 15);

    private static final String UNCHECKED_EXTRINSIC = "sp_runtime::generic::unchecked_extrinsic::UncheckedExtrinsic";

    private MetadataCodec() {}

    static final ScaleCodec<Integer> TYPE_ID = ScaleCodecs.map("TypeId", ScaleCodecs.COMPACT_U32, v -> {
        if (v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("type id " + v + " is too large");
        }
        return v.intValue();
    }, Integer::longValue);
    private static final ScaleCodec<List<String>> DOCS = ScaleCodecs.vec(ScaleCodecs.STRING);
    private static final ScaleCodec<Optional<String>> OPT_STRING = ScaleCodecs.option(ScaleCodecs.STRING);
    private static final ScaleCodec<Integer> INDEX = ScaleCodecs.U8;

    static final ScaleCodec<TypeField> FIELD = ScaleRecord.of("Field",
            ScaleRecord.field("name", OPT_STRING, TypeField::name),
            ScaleRecord.field("type", TYPE_ID, TypeField::type),
            ScaleRecord.field("typeName", OPT_STRING, TypeField::typeName),
            ScaleRecord.field("docs", DOCS, TypeField::docs), TypeField::new);

    static final ScaleCodec<TypeVariant> VARIANT = ScaleRecord.of("Variant",
            ScaleRecord.field("name", ScaleCodecs.STRING, TypeVariant::name),
            ScaleRecord.field("fields", ScaleCodecs.vec(FIELD), TypeVariant::fields),
            ScaleRecord.field("index", INDEX, TypeVariant::index),
            ScaleRecord.field("docs", DOCS, TypeVariant::docs), TypeVariant::new);

    static final ScaleCodec<TypeParameter> PARAM = ScaleRecord.of("TypeParameter",
            ScaleRecord.field("name", ScaleCodecs.STRING, TypeParameter::name),
            ScaleRecord.field("type", ScaleCodecs.option(TYPE_ID), TypeParameter::type), TypeParameter::new);

    static final ScaleCodec<TypeDef> TYPE_DEF = ScaleEnum.<TypeDef>builder("TypeDef")
            .variant(0, "Composite", TypeDef.Composite.class, ScaleRecord.of("Composite",
                    ScaleRecord.field("fields", ScaleCodecs.vec(FIELD), TypeDef.Composite::fields), TypeDef.Composite::new))
            .variant(1, "Variant", TypeDef.Variant.class, ScaleRecord.of("Variant",
                    ScaleRecord.field("variants", ScaleCodecs.vec(VARIANT), TypeDef.Variant::variants), TypeDef.Variant::new))
            .variant(2, "Sequence", TypeDef.Sequence.class, ScaleRecord.of("Sequence",
                    ScaleRecord.field("type", TYPE_ID, TypeDef.Sequence::type), TypeDef.Sequence::new))
            .variant(3, "Array", TypeDef.Array.class, ScaleRecord.of("Array",
                    ScaleRecord.field("len", ScaleCodecs.U32, TypeDef.Array::length),
                    ScaleRecord.field("type", TYPE_ID, TypeDef.Array::type), TypeDef.Array::new))
            .variant(4, "Tuple", TypeDef.Tuple.class, ScaleCodecs.map("Tuple", ScaleCodecs.vec(TYPE_ID),
                    TypeDef.Tuple::new, TypeDef.Tuple::types))
            .variant(5, "Primitive", TypeDef.Primitive.class, ScaleCodecs.map("Primitive",
                    ScaleEnum.ofUnitEnum("TypeDefPrimitive", PrimitiveType.class, Enum::ordinal),
                    TypeDef.Primitive::new, TypeDef.Primitive::primitive))
            .variant(6, "Compact", TypeDef.Compact.class, ScaleRecord.of("Compact",
                    ScaleRecord.field("type", TYPE_ID, TypeDef.Compact::type), TypeDef.Compact::new))
            .variant(7, "BitSequence", TypeDef.BitSequence.class, ScaleRecord.of("BitSequence",
                    ScaleRecord.field("bitStoreType", TYPE_ID, TypeDef.BitSequence::storeType),
                    ScaleRecord.field("bitOrderType", TYPE_ID, TypeDef.BitSequence::orderType), TypeDef.BitSequence::new))
            .build();

    static final ScaleCodec<PortableType> PORTABLE_TYPE = ScaleRecord.of("PortableType",
            ScaleRecord.field("id", TYPE_ID, PortableType::id),
            ScaleRecord.field("path", ScaleCodecs.vec(ScaleCodecs.STRING), PortableType::path),
            ScaleRecord.field("params", ScaleCodecs.vec(PARAM), PortableType::params),
            ScaleRecord.field("def", TYPE_DEF, PortableType::def),
            ScaleRecord.field("docs", DOCS, PortableType::docs), PortableType::new);

    /** The codec of the portable type registry. */
    public static final ScaleCodec<PortableRegistry> REGISTRY = ScaleCodecs.map("PortableRegistry",
            ScaleCodecs.vec(PORTABLE_TYPE), PortableRegistry::new, PortableRegistry::types);

    private static final ScaleCodec<StorageHasher> HASHER = ScaleEnum.ofUnitEnum("StorageHasher", StorageHasher.class,
            StorageHasher::metadataIndex);
    private static final ScaleCodec<RuntimeMetadata.Modifier> MODIFIER = ScaleEnum.ofUnitEnum("StorageEntryModifier",
            RuntimeMetadata.Modifier.class, Enum::ordinal);

    private record EntryType(List<StorageHasher> hashers, Optional<Integer> key, int value) {}

    private static final ScaleCodec<List<StorageHasher>> HASHERS = ScaleCodecs.vec(HASHER);
    private static final ScaleCodec<EntryType> ENTRY_TYPE = ScaleCodecs.of("StorageEntryType", 2, (w, t) -> {
        if (t.key().isEmpty()) {
            w.u8(0);
            TYPE_ID.encode(w, t.value());
        } else {
            w.u8(1);
            HASHERS.encode(w, t.hashers());
            TYPE_ID.encode(w, t.key().get());
            TYPE_ID.encode(w, t.value());
        }
    }, r -> {
        int start = r.position();
        int tag = r.u8();
        if (tag == 0) {
            return new EntryType(List.of(), Optional.empty(), TYPE_ID.decode(r));
        }
        if (tag == 1) {
            List<StorageHasher> hashers = HASHERS.decode(r);
            int key = TYPE_ID.decode(r);
            return new EntryType(hashers, Optional.of(key), TYPE_ID.decode(r));
        }
        throw new ScaleDecodeException("StorageEntryType", start, "unknown variant index " + tag);
    });

    private static final ScaleCodec<RuntimeMetadata.StorageEntry> STORAGE_ENTRY = ScaleRecord.of("StorageEntry",
            ScaleRecord.field("name", ScaleCodecs.STRING, RuntimeMetadata.StorageEntry::name),
            ScaleRecord.field("modifier", MODIFIER, RuntimeMetadata.StorageEntry::modifier),
            ScaleRecord.field("type", ENTRY_TYPE, e -> new EntryType(e.hashers(), e.keyType(), e.valueType())),
            ScaleRecord.field("default", ScaleCodecs.BYTES, RuntimeMetadata.StorageEntry::defaultValue),
            ScaleRecord.field("docs", DOCS, RuntimeMetadata.StorageEntry::docs),
            (name, modifier, type, def, docs) -> new RuntimeMetadata.StorageEntry(name, modifier, type.hashers(),
                    type.key(), type.value(), def, docs));

    private static final ScaleCodec<RuntimeMetadata.Storage> STORAGE = ScaleRecord.of("PalletStorage",
            ScaleRecord.field("prefix", ScaleCodecs.STRING, RuntimeMetadata.Storage::prefix),
            ScaleRecord.field("entries", ScaleCodecs.vec(STORAGE_ENTRY), RuntimeMetadata.Storage::entries),
            RuntimeMetadata.Storage::new);

    private static final ScaleCodec<RuntimeMetadata.Constant> CONSTANT = ScaleRecord.of("PalletConstant",
            ScaleRecord.field("name", ScaleCodecs.STRING, RuntimeMetadata.Constant::name),
            ScaleRecord.field("type", TYPE_ID, RuntimeMetadata.Constant::type),
            ScaleRecord.field("value", ScaleCodecs.BYTES, RuntimeMetadata.Constant::value),
            ScaleRecord.field("docs", DOCS, RuntimeMetadata.Constant::docs), RuntimeMetadata.Constant::new);

    private static final ScaleCodec<Optional<RuntimeMetadata.Storage>> OPT_STORAGE = ScaleCodecs.option(STORAGE);
    private static final ScaleCodec<Optional<Integer>> OPT_TYPE = ScaleCodecs.option(TYPE_ID);
    private static final ScaleCodec<List<RuntimeMetadata.Constant>> CONSTANTS = ScaleCodecs.vec(CONSTANT);

    private static ScaleCodec<RuntimeMetadata.Pallet> pallet(boolean v15) {
        return ScaleCodecs.of(v15 ? "PalletMetadataV15" : "PalletMetadataV14", 4, (w, p) -> {
            ScaleCodecs.STRING.encode(w, p.name());
            OPT_STORAGE.encode(w, p.storage());
            OPT_TYPE.encode(w, p.calls());
            OPT_TYPE.encode(w, p.events());
            CONSTANTS.encode(w, p.constants());
            OPT_TYPE.encode(w, p.errors());
            w.u8(p.index());
            if (v15) {
                DOCS.encode(w, p.docs());
            }
        }, r -> {
            String name = ScaleCodecs.decodeWithin("Pallet.name", ScaleCodecs.STRING, r);
            String where = "Pallet " + name;
            Optional<RuntimeMetadata.Storage> storage = ScaleCodecs.decodeWithin(where + ".storage", OPT_STORAGE, r);
            Optional<Integer> calls = ScaleCodecs.decodeWithin(where + ".calls", OPT_TYPE, r);
            Optional<Integer> events = ScaleCodecs.decodeWithin(where + ".events", OPT_TYPE, r);
            List<RuntimeMetadata.Constant> constants = ScaleCodecs.decodeWithin(where + ".constants", CONSTANTS, r);
            Optional<Integer> errors = ScaleCodecs.decodeWithin(where + ".errors", OPT_TYPE, r);
            int index = ScaleCodecs.decodeWithin(where + ".index", INDEX, r);
            List<String> docs = v15 ? ScaleCodecs.decodeWithin(where + ".docs", DOCS, r) : List.of();
            return new RuntimeMetadata.Pallet(name, storage, calls, events, constants, errors, index, docs);
        });
    }

    private static final ScaleCodec<RuntimeMetadata.SignedExtension> SIGNED_EXTENSION = ScaleRecord.of("SignedExtension",
            ScaleRecord.field("identifier", ScaleCodecs.STRING, RuntimeMetadata.SignedExtension::identifier),
            ScaleRecord.field("type", TYPE_ID, RuntimeMetadata.SignedExtension::type),
            ScaleRecord.field("additionalSigned", TYPE_ID, RuntimeMetadata.SignedExtension::additionalSigned),
            RuntimeMetadata.SignedExtension::new);
    private static final ScaleCodec<List<RuntimeMetadata.SignedExtension>> SIGNED_EXTENSIONS =
            ScaleCodecs.vec(SIGNED_EXTENSION);

    private static final ScaleCodec<RuntimeMetadata.RuntimeApiParam> API_PARAM = ScaleRecord.of("RuntimeApiParam",
            ScaleRecord.field("name", ScaleCodecs.STRING, RuntimeMetadata.RuntimeApiParam::name),
            ScaleRecord.field("type", TYPE_ID, RuntimeMetadata.RuntimeApiParam::type), RuntimeMetadata.RuntimeApiParam::new);
    private static final ScaleCodec<RuntimeMetadata.RuntimeApiMethod> API_METHOD = ScaleRecord.of("RuntimeApiMethod",
            ScaleRecord.field("name", ScaleCodecs.STRING, RuntimeMetadata.RuntimeApiMethod::name),
            ScaleRecord.field("inputs", ScaleCodecs.vec(API_PARAM), RuntimeMetadata.RuntimeApiMethod::inputs),
            ScaleRecord.field("output", TYPE_ID, RuntimeMetadata.RuntimeApiMethod::output),
            ScaleRecord.field("docs", DOCS, RuntimeMetadata.RuntimeApiMethod::docs), RuntimeMetadata.RuntimeApiMethod::new);
    private static final ScaleCodec<List<RuntimeMetadata.RuntimeApi>> APIS = ScaleCodecs.vec(ScaleRecord.of("RuntimeApi",
            ScaleRecord.field("name", ScaleCodecs.STRING, RuntimeMetadata.RuntimeApi::name),
            ScaleRecord.field("methods", ScaleCodecs.vec(API_METHOD), RuntimeMetadata.RuntimeApi::methods),
            ScaleRecord.field("docs", DOCS, RuntimeMetadata.RuntimeApi::docs), RuntimeMetadata.RuntimeApi::new));
    private static final ScaleCodec<RuntimeMetadata.OuterEnums> OUTER_ENUMS = ScaleRecord.of("OuterEnums",
            ScaleRecord.field("callEnumType", TYPE_ID, RuntimeMetadata.OuterEnums::callType),
            ScaleRecord.field("eventEnumType", TYPE_ID, RuntimeMetadata.OuterEnums::eventType),
            ScaleRecord.field("errorEnumType", TYPE_ID, RuntimeMetadata.OuterEnums::errorType),
            RuntimeMetadata.OuterEnums::new);
    /** V15 custom metadata: a map we always leave empty, read as {@code BTreeMap<String, (type, bytes)>}. */
    private static final ScaleCodec<Map<String, io.zklayer.primitives.codec.Tuple2<Integer, byte[]>>> CUSTOM =
            ScaleCodecs.btreeMap(ScaleCodecs.STRING, ScaleCodecs.tuple(TYPE_ID, ScaleCodecs.BYTES), ScaleCodecs.UTF8_ORDER);

    /** Returns {@code "meta" ‖ version ‖ RuntimeMetadataV<version>}; {@code version} is 14 or 15. */
    public static byte[] encode(RuntimeMetadata m, int version) {
        checkVersion(version);
        boolean v15 = version == 15;
        ScaleWriter w = new ScaleWriter(64 * 1024);
        w.raw(MAGIC).u8(version);
        REGISTRY.encode(w, m.types());
        ScaleCodecs.vec(pallet(v15)).encode(w, m.pallets());
        RuntimeMetadata.Extrinsic x = m.extrinsic();
        if (v15) {
            w.u8(x.version());
            TYPE_ID.encode(w, x.addressType());
            TYPE_ID.encode(w, x.callType());
            TYPE_ID.encode(w, x.signatureType());
            TYPE_ID.encode(w, x.extraType());
            SIGNED_EXTENSIONS.encode(w, x.signedExtensions());
        } else {
            TYPE_ID.encode(w, x.type());
            w.u8(x.version());
            SIGNED_EXTENSIONS.encode(w, x.signedExtensions());
        }
        TYPE_ID.encode(w, m.runtimeType());
        if (v15) {
            APIS.encode(w, m.apis());
            OUTER_ENUMS.encode(w, m.outerEnums().orElseThrow(() ->
                    new IllegalArgumentException("V15 metadata needs the outer enums")));
            CUSTOM.encode(w, Map.of());
        }
        return w.toByteArray();
    }

    /**
     * Reads metadata written by {@link #encode} (or any V14/V15 {@code RuntimeMetadataPrefixed}).
     *
     * @throws ScaleDecodeException if the bytes are not such metadata, naming what and where
     */
    public static RuntimeMetadata decode(byte[] bytes) {
        ScaleReader r = new ScaleReader(bytes);
        byte[] magic = r.raw(4, "metadata magic");
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new ScaleDecodeException("RuntimeMetadataPrefixed", 0, "magic is not \"meta\"");
        }
        int version = r.u8();
        if (!VERSIONS.contains(version)) {
            throw new ScaleDecodeException("RuntimeMetadataPrefixed", 4, "unsupported metadata version " + version);
        }
        boolean v15 = version == 15;
        PortableRegistry types = ScaleCodecs.decodeWithin("types", REGISTRY, r);
        List<RuntimeMetadata.Pallet> pallets = ScaleCodecs.decodeWithin("pallets", ScaleCodecs.vec(pallet(v15)), r);
        int xtStart = r.position();
        RuntimeMetadata.Extrinsic extrinsic;
        if (v15) {
            int xtVersion = r.u8();
            int address = TYPE_ID.decode(r);
            int call = TYPE_ID.decode(r);
            int signature = TYPE_ID.decode(r);
            int extra = TYPE_ID.decode(r);
            List<RuntimeMetadata.SignedExtension> exts = ScaleCodecs.decodeWithin("extrinsic", SIGNED_EXTENSIONS, r);
            int type = findUncheckedExtrinsic(types, List.of(address, call, signature, extra))
                    .orElseThrow(() -> new ScaleDecodeException("ExtrinsicMetadataV15", xtStart,
                            "no " + UNCHECKED_EXTRINSIC + " type with these address, call, signature and extra types"));
            extrinsic = new RuntimeMetadata.Extrinsic(xtVersion, type, address, call, signature, extra, exts);
        } else {
            int type = TYPE_ID.decode(r);
            int xtVersion = r.u8();
            List<RuntimeMetadata.SignedExtension> exts = ScaleCodecs.decodeWithin("extrinsic", SIGNED_EXTENSIONS, r);
            List<Integer> params = checkedType(types, type, xtStart).params().stream()
                    .map(p -> p.type().orElse(-1)).toList();
            if (params.size() != 4 || params.contains(-1)) {
                throw new ScaleDecodeException("ExtrinsicMetadataV14", xtStart,
                        "the extrinsic type does not have the four parameters Address, Call, Signature, Extra");
            }
            extrinsic = new RuntimeMetadata.Extrinsic(xtVersion, type, params.get(0), params.get(1), params.get(2),
                    params.get(3), exts);
        }
        int runtimeType = TYPE_ID.decode(r);
        checkedType(types, runtimeType, r.position());
        List<RuntimeMetadata.RuntimeApi> apis = List.of();
        Optional<RuntimeMetadata.OuterEnums> outer = Optional.empty();
        if (v15) {
            apis = ScaleCodecs.decodeWithin("apis", APIS, r);
            outer = Optional.of(ScaleCodecs.decodeWithin("outerEnums", OUTER_ENUMS, r));
            ScaleCodecs.decodeWithin("custom", CUSTOM, r);
        }
        r.expectEnd("RuntimeMetadataV" + version);
        try {
            return new RuntimeMetadata(types, pallets, extrinsic, runtimeType, apis, outer);
        } catch (IllegalArgumentException e) {
            throw new ScaleDecodeException("RuntimeMetadataV" + version, 0, e.getMessage());
        }
    }

    private static PortableType checkedType(PortableRegistry types, int id, int offset) {
        if (id < 0 || id >= types.types().size()) {
            throw new ScaleDecodeException("RuntimeMetadata", offset, "type id " + id + " is not in the registry");
        }
        return types.type(id);
    }

    private static Optional<Integer> findUncheckedExtrinsic(PortableRegistry types, List<Integer> params) {
        for (PortableType t : types.types()) {
            if (t.pathName().equals(UNCHECKED_EXTRINSIC)
                    && t.params().stream().map(p -> p.type().orElse(-1)).toList().equals(params)) {
                return Optional.of(t.id());
            }
        }
        return Optional.empty();
    }

    private static void checkVersion(int version) {
        if (!VERSIONS.contains(version)) {
            throw new IllegalArgumentException("metadata version must be one of " + VERSIONS + ", got " + version);
        }
    }
}
