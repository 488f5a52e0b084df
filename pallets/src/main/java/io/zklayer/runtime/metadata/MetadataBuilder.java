package io.zklayer.runtime.metadata;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleEnum;
import io.zklayer.runtime.Descriptors;
import io.zklayer.runtime.Pallet;
import io.zklayer.runtime.Runtime;
import io.zklayer.runtime.api.RuntimeApiDescriptor;
import io.zklayer.runtime.storage.StorageEntryDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Builds the {@link RuntimeMetadata} of a {@link Runtime} from its own description: every pallet's
 * call, event and error enums (read from their codecs), storage items, constants; the extrinsic
 * format with the signed extensions the executive enforces, in its order; the runtime APIs; and the
 * outer enums {@code RuntimeCall}, {@code RuntimeEvent} and {@code RuntimeError} over the pallets.
 * A pallet added to the runtime appears here with nothing else to change.
 *
 * <p>A pallet type the metadata cannot describe is an {@link IllegalStateException} naming the
 * pallet, the item and the type.
 */
public final class MetadataBuilder {
    /** The runtime crate name in type paths ({@code zklayer_runtime::RuntimeCall}). */
    public static final String RUNTIME_CRATE = "zklayer_runtime";
    /** The extrinsic version (signed {@code 0x84}, unsigned {@code 0x04}). */
    public static final int EXTRINSIC_VERSION = 4;

    /**
     * A signed extension: identifier, the path of its type, the data it adds to the extrinsic
     * (a type name, or null for none) and to the signed payload (a type name).
     */
    private record Extension(String identifier, String path, String extra, String extraHint, String additionalSigned) {}

    /** The signed extensions, in the order the executive checks them and the extrinsic encodes them. */
    private static final List<Extension> SIGNED_EXTENSIONS = List.of(
            new Extension("CheckNonZeroSender", "frame_system::extensions::check_non_zero_sender::CheckNonZeroSender",
                    null, null, "()"),
            new Extension("CheckSpecVersion", "frame_system::extensions::check_spec_version::CheckSpecVersion",
                    null, null, "u32"),
            new Extension("CheckTxVersion", "frame_system::extensions::check_tx_version::CheckTxVersion", null, null, "u32"),
            new Extension("CheckGenesis", "frame_system::extensions::check_genesis::CheckGenesis", null, null, "H256"),
            new Extension("CheckMortality", "frame_system::extensions::check_mortality::CheckMortality",
                    "Era", "Era", "H256"),
            new Extension("CheckNonce", "frame_system::extensions::check_nonce::CheckNonce",
                    "Compact<u32>", "T::Nonce", "()"),
            new Extension("CheckWeight", "frame_system::extensions::check_weight::CheckWeight", null, null, "()"),
            new Extension("ChargeTransactionPayment", "pallet_transaction_payment::ChargeTransactionPayment",
                    "Compact<u128>", "BalanceOf<T>", "()"));

    private final Runtime runtime;
    private final List<RuntimeApiDescriptor> apis;
    private final TypeRegistryBuilder builder = new TypeRegistryBuilder();
    private final TypeResolver resolver = new TypeResolver(builder);

    private MetadataBuilder(Runtime runtime, List<RuntimeApiDescriptor> apis) {
        this.runtime = runtime;
        this.apis = List.copyOf(apis);
    }

    /** Returns the metadata of {@code runtime}, whose runtime APIs are {@code apis}. */
    public static RuntimeMetadata build(Runtime runtime, List<RuntimeApiDescriptor> apis) {
        return new MetadataBuilder(runtime, apis).build();
    }

    /** Returns the Rust crate name of a pallet: {@code System} → {@code frame_system}, {@code TransactionPayment} → {@code pallet_transaction_payment}. */
    public static String crateOf(String palletName) {
        if (palletName.equals("System")) {
            return "frame_system";
        }
        StringBuilder out = new StringBuilder("pallet_");
        for (int i = 0; i < palletName.length(); i++) {
            char c = palletName.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                out.append('_');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }

    private RuntimeMetadata build() {
        List<Pallet> pallets = runtime.pallets();
        for (Pallet p : pallets) {
            p.calls().ifPresent(h -> resolver.collect(h.codec()));
            p.eventCodec().ifPresent(resolver::collect);
            for (StorageEntryDescriptor s : p.storage()) {
                s.keyCodecs().forEach(resolver::collect);
                if (s.valueCodec() != null) {
                    resolver.collect(s.valueCodec());
                }
            }
        }
        for (Pallet p : pallets) {
            PackageCodecs.of(p.getClass()).forEach(resolver::collect);
        }
        int callEnum = builder.reserve("RuntimeCall");
        int eventEnum = builder.reserve("RuntimeEvent");
        int errorEnum = builder.reserve("RuntimeError");
        resolver.bind("RuntimeCall", callEnum);
        resolver.bind("RuntimeEvent", eventEnum);
        resolver.bind("RuntimeError", errorEnum);

        RuntimeMetadata.Extrinsic extrinsic = extrinsic(callEnum);

        List<RuntimeMetadata.Pallet> out = new ArrayList<>();
        List<TypeVariant> calls = new ArrayList<>();
        List<TypeVariant> events = new ArrayList<>();
        List<TypeVariant> errors = new ArrayList<>();
        for (Pallet p : pallets) {
            resolver.setCrate(crateOf(p.name()));
            RuntimeMetadata.Pallet meta = pallet(p);
            out.add(meta);
            meta.calls().ifPresent(id -> calls.add(outerVariant(p, id, "CallableCallFor<" + p.name() + ", Runtime>")));
            meta.events().ifPresent(id -> events.add(outerVariant(p, id, crateOf(p.name()) + "::Event<Runtime>")));
            meta.errors().ifPresent(id -> errors.add(outerVariant(p, id, crateOf(p.name()) + "::Error<Runtime>")));
        }
        resolver.setCrate(RUNTIME_CRATE);
        builder.define(callEnum, List.of(RUNTIME_CRATE, "RuntimeCall"), List.of(), new TypeDef.Variant(calls), List.of());
        builder.define(eventEnum, List.of(RUNTIME_CRATE, "RuntimeEvent"), List.of(), new TypeDef.Variant(events), List.of());
        builder.define(errorEnum, List.of(RUNTIME_CRATE, "RuntimeError"), List.of(), new TypeDef.Variant(errors), List.of());
        int runtimeType = builder.add(List.of(RUNTIME_CRATE, "Runtime"), List.of(), new TypeDef.Composite(List.of()), List.of());
        List<RuntimeMetadata.RuntimeApi> apiMeta = new ArrayList<>();
        for (RuntimeApiDescriptor api : apis) {
            List<RuntimeMetadata.RuntimeApiMethod> methods = new ArrayList<>();
            for (RuntimeApiDescriptor.Method m : api.methods()) {
                String where = "runtime API " + api.name() + "_" + m.name();
                List<RuntimeMetadata.RuntimeApiParam> inputs = new ArrayList<>();
                for (RuntimeApiDescriptor.Param in : m.inputs()) {
                    inputs.add(new RuntimeMetadata.RuntimeApiParam(in.name(), within(where, () -> resolver.resolve(in.type()))));
                }
                methods.add(new RuntimeMetadata.RuntimeApiMethod(m.name(), inputs,
                        within(where, () -> resolver.resolve(m.output())), docs(m.docs())));
            }
            apiMeta.add(new RuntimeMetadata.RuntimeApi(api.name(), methods, docs(api.docs())));
        }
        return new RuntimeMetadata(builder.build(), out, extrinsic, runtimeType, apiMeta,
                Optional.of(new RuntimeMetadata.OuterEnums(callEnum, eventEnum, errorEnum)));
    }

    private RuntimeMetadata.Extrinsic extrinsic(int callEnum) {
        int address = resolver.resolve("MultiAddress");
        int signature = resolver.resolve("MultiSignature");
        List<RuntimeMetadata.SignedExtension> extensions = new ArrayList<>();
        List<Integer> extraTypes = new ArrayList<>();
        for (Extension e : SIGNED_EXTENSIONS) {
            List<TypeField> fields = e.extra() == null ? List.of()
                    : List.of(TypeField.unnamed(resolver.resolve(e.extra()), e.extraHint()));
            int type = builder.add(SubstrateTypes.path(e.path()), List.of(TypeParameter.marker("T")),
                    new TypeDef.Composite(fields), List.of());
            extraTypes.add(type);
            extensions.add(new RuntimeMetadata.SignedExtension(e.identifier(), type, resolver.resolve(e.additionalSigned())));
        }
        int extra = builder.tuple(extraTypes);
        int unchecked = builder.add(SubstrateTypes.path("sp_runtime::generic::unchecked_extrinsic::UncheckedExtrinsic"),
                List.of(TypeParameter.of("Address", address), TypeParameter.of("Call", callEnum),
                        TypeParameter.of("Signature", signature), TypeParameter.of("Extra", extra)),
                new TypeDef.Composite(List.of(TypeField.unnamed(resolver.resolve("Vec<u8>"), null))), List.of());
        resolver.bind("UncheckedExtrinsic", unchecked);
        return new RuntimeMetadata.Extrinsic(EXTRINSIC_VERSION, unchecked, address, callEnum, signature, extra, extensions);
    }

    private RuntimeMetadata.Pallet pallet(Pallet p) {
        String crate = crateOf(p.name());
        List<TypeParameter> marker = List.of(TypeParameter.marker("T"));
        Optional<Integer> calls = p.calls().map(h -> within(p.name() + " calls", () -> {
            Map<String, String> docs = h.describe().stream().collect(Collectors.toMap(
                    Descriptors.CallDescriptor::name, d -> d.docs() == null ? "" : d.docs(), (a, b) -> a));
            List<TypeVariant> variants = h.codec() instanceof ScaleEnum<?> en
                    ? withDocs(resolver.variantsOf(en), docs::get)
                    : h.describe().stream().map(d -> new TypeVariant(d.name(), byName(d.args()), d.index(),
                            docs(d.docs()))).toList();
            return builder.add(List.of(crate, "pallet", "Call"), marker, new TypeDef.Variant(variants),
                    List.of("Contains a variant per dispatchable extrinsic that this pallet has."));
        }));
        Optional<Integer> events = Optional.empty();
        if (!p.events().isEmpty() || p.eventCodec().isPresent()) {
            events = Optional.of(within(p.name() + " events", () -> {
                Map<String, String> docs = p.events().stream().collect(Collectors.toMap(
                        Descriptors.EventDescriptor::name, d -> d.docs() == null ? "" : d.docs(), (a, b) -> a));
                Optional<ScaleCodec<?>> codec = p.eventCodec().map(c -> c);
                List<TypeVariant> variants = codec.isPresent() && codec.get() instanceof ScaleEnum<?> en
                        ? withDocs(resolver.variantsOf(en), docs::get)
                        : p.events().stream().map(d -> new TypeVariant(d.name(), byName(d.fields()), d.index(),
                                docs(d.docs()))).toList();
                return builder.add(List.of(crate, "pallet", "Event"), marker, new TypeDef.Variant(variants),
                        List.of("The `Event` enum of this pallet"));
            }));
        }
        Optional<Integer> errors = Optional.empty();
        if (!p.errors().isEmpty()) {
            List<TypeVariant> variants = p.errors().stream()
                    .map(e -> new TypeVariant(e.name(), List.of(), e.index(), docs(e.docs()))).toList();
            errors = Optional.of(builder.add(List.of(crate, "pallet", "Error"), marker, new TypeDef.Variant(variants),
                    List.of("The `Error` enum of this pallet.")));
        }
        Optional<RuntimeMetadata.Storage> storage = Optional.empty();
        if (!p.storage().isEmpty()) {
            List<RuntimeMetadata.StorageEntry> entries = new ArrayList<>();
            for (StorageEntryDescriptor s : p.storage()) {
                entries.add(within(p.name() + " storage " + s.name(), () -> storageEntry(s)));
            }
            storage = Optional.of(new RuntimeMetadata.Storage(p.name(), entries));
        }
        List<RuntimeMetadata.Constant> constants = new ArrayList<>();
        for (Descriptors.ConstantDescriptor c : p.constants()) {
            int type = within(p.name() + " constant " + c.name(), () -> resolver.resolve(c.type()));
            constants.add(new RuntimeMetadata.Constant(c.name(), type, c.value(), docs(c.docs())));
        }
        return new RuntimeMetadata.Pallet(p.name(), storage, calls, events, constants, errors, p.index(), List.of());
    }

    private RuntimeMetadata.StorageEntry storageEntry(StorageEntryDescriptor s) {
        int value = s.valueCodec() != null ? resolver.resolve(s.valueCodec()) : resolver.resolve(s.valueType());
        Optional<Integer> key = Optional.empty();
        if (!s.hashers().isEmpty()) {
            List<Integer> keys = new ArrayList<>();
            for (int i = 0; i < s.hashers().size(); i++) {
                keys.add(s.keyCodecs().isEmpty() ? resolver.resolve(s.keyTypes().get(i))
                        : resolver.resolve(s.keyCodecs().get(i)));
            }
            key = Optional.of(keys.size() == 1 ? keys.get(0) : builder.tuple(keys));
        }
        boolean optional = s.defaultValue() == null;
        return new RuntimeMetadata.StorageEntry(s.name(), optional ? RuntimeMetadata.Modifier.OPTIONAL
                : RuntimeMetadata.Modifier.DEFAULT, s.hashers(), key, value,
                optional ? new byte[] {0} : s.defaultValue(), docs(s.docs()));
    }

    private List<TypeField> byName(List<Descriptors.Field> fields) {
        List<TypeField> out = new ArrayList<>();
        for (Descriptors.Field f : fields) {
            int type = resolver.resolve(f.type());
            out.add(f.name().isEmpty() ? TypeField.unnamed(type, f.type()) : TypeField.named(f.name(), type, f.type()));
        }
        return out;
    }

    private static List<TypeVariant> withDocs(List<TypeVariant> variants, Function<String, String> docs) {
        return variants.stream().map(v -> new TypeVariant(v.name(), v.fields(), v.index(), docs(docs.apply(v.name()))))
                .toList();
    }

    private static TypeVariant outerVariant(Pallet p, int type, String typeName) {
        return new TypeVariant(p.name(), List.of(TypeField.unnamed(type, typeName)), p.index(), List.of());
    }

    private static List<String> docs(String line) {
        return line == null || line.isEmpty() ? List.of() : List.of(line);
    }

    private static <T> T within(String where, Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalStateException("metadata of " + where + ": " + e.getMessage(), e);
        }
    }
}
