package io.zklayer.runtime.metadata;

import io.zklayer.primitives.hashing.StorageHasher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The runtime's metadata, the superset of frame-metadata V14 and V15: the type registry, the
 * pallets (storage, calls, events, constants, errors), the extrinsic format with its signed
 * extensions, the runtime type, and (V15) the runtime APIs and outer enums. {@link MetadataCodec}
 * writes it in either version; V14 leaves out what it has no place for (pallet docs, APIs, outer
 * enums, the extrinsic's separate address/call/signature/extra types).
 *
 * @param types the portable type registry every id below refers to
 * @param pallets the pallets in index order
 * @param extrinsic the extrinsic format
 * @param runtimeType the id of the runtime type ({@code zklayer_runtime::Runtime})
 * @param apis the runtime APIs (V15)
 * @param outerEnums the ids of {@code RuntimeCall}, {@code RuntimeEvent} and {@code RuntimeError}
 *     (V15; empty when decoded from V14, which does not carry them)
 */
public record RuntimeMetadata(PortableRegistry types, List<Pallet> pallets, Extrinsic extrinsic, int runtimeType,
                              List<RuntimeApi> apis, Optional<OuterEnums> outerEnums) {
    public RuntimeMetadata {
        pallets = List.copyOf(pallets);
        apis = List.copyOf(apis);
        for (int id : referencedTypeIds(pallets, extrinsic, runtimeType, apis, outerEnums)) {
            types.type(id);
        }
    }

    /** Returns every type id the metadata refers to outside the registry itself. */
    public List<Integer> referencedTypeIds() {
        return referencedTypeIds(pallets, extrinsic, runtimeType, apis, outerEnums);
    }

    private static List<Integer> referencedTypeIds(List<Pallet> pallets, Extrinsic x, int runtimeType,
                                                   List<RuntimeApi> apis, Optional<OuterEnums> outer) {
        List<Integer> ids = new ArrayList<>();
        for (Pallet p : pallets) {
            p.storage().ifPresent(s -> s.entries().forEach(e -> {
                e.keyType().ifPresent(ids::add);
                ids.add(e.valueType());
            }));
            p.calls().ifPresent(ids::add);
            p.events().ifPresent(ids::add);
            p.errors().ifPresent(ids::add);
            p.constants().forEach(c -> ids.add(c.type()));
        }
        ids.addAll(List.of(x.type(), x.addressType(), x.callType(), x.signatureType(), x.extraType(), runtimeType));
        x.signedExtensions().forEach(s -> {
            ids.add(s.type());
            ids.add(s.additionalSigned());
        });
        apis.forEach(a -> a.methods().forEach(m -> {
            m.inputs().forEach(i -> ids.add(i.type()));
            ids.add(m.output());
        }));
        outer.ifPresent(o -> ids.addAll(List.of(o.callType(), o.eventType(), o.errorType())));
        return ids;
    }

    /** Returns the pallet named {@code name}, if present. */
    public Optional<Pallet> pallet(String name) {
        return pallets.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * A pallet.
     *
     * @param name the pallet's name (its storage prefix)
     * @param storage its storage items, if any
     * @param calls the id of its {@code Call} enum, if it has calls
     * @param events the id of its {@code Event} enum, if it has events
     * @param constants its constants
     * @param errors the id of its {@code Error} enum, if it has errors
     * @param index its fixed index (the first byte of its calls and events)
     * @param docs documentation lines (V15)
     */
    public record Pallet(String name, Optional<Storage> storage, Optional<Integer> calls, Optional<Integer> events,
                         List<Constant> constants, Optional<Integer> errors, int index, List<String> docs) {
        public Pallet {
            constants = List.copyOf(constants);
            docs = List.copyOf(docs);
        }
    }

    /** A pallet's storage: the prefix hashed into every key and the items. */
    public record Storage(String prefix, List<StorageEntry> entries) {
        public Storage {
            entries = List.copyOf(entries);
        }
    }

    /** Whether an absent storage value reads as None ({@code OPTIONAL}) or as the default ({@code DEFAULT}). */
    public enum Modifier { OPTIONAL, DEFAULT }

    /**
     * One storage item. A plain value has no hashers and no key type; a map has one hasher per key
     * and a key type that is the key itself (one key) or the tuple of the keys.
     *
     * @param name the item's name
     * @param modifier optional or default
     * @param hashers the key hashers, empty for a plain value
     * @param keyType the id of the key type, empty for a plain value
     * @param valueType the id of the value type
     * @param defaultValue the bytes read for an absent value ({@code 0x00}, None, for optional items)
     * @param docs documentation lines
     */
    public record StorageEntry(String name, Modifier modifier, List<StorageHasher> hashers, Optional<Integer> keyType,
                               int valueType, byte[] defaultValue, List<String> docs) {
        public StorageEntry {
            hashers = List.copyOf(hashers);
            docs = List.copyOf(docs);
            defaultValue = defaultValue.clone();
            if (hashers.isEmpty() != keyType.isEmpty()) {
                throw new IllegalArgumentException("storage item " + name + ": a map needs hashers and a key type, "
                        + "a plain value neither");
            }
        }

        @Override
        public byte[] defaultValue() {
            return defaultValue.clone();
        }
    }

    /** A constant: its name, type, SCALE value and docs. */
    public record Constant(String name, int type, byte[] value, List<String> docs) {
        public Constant {
            value = value.clone();
            docs = List.copyOf(docs);
        }

        @Override
        public byte[] value() {
            return value.clone();
        }
    }

    /**
     * The extrinsic format.
     *
     * @param version the extrinsic version (4)
     * @param type the id of {@code UncheckedExtrinsic<Address, Call, Signature, Extra>}
     * @param addressType the id of the signer's address type
     * @param callType the id of {@code RuntimeCall}
     * @param signatureType the id of the signature type
     * @param extraType the id of the tuple of signed-extension types
     * @param signedExtensions the signed extensions, in the order their data is encoded and signed
     */
    public record Extrinsic(int version, int type, int addressType, int callType, int signatureType, int extraType,
                            List<SignedExtension> signedExtensions) {
        public Extrinsic {
            signedExtensions = List.copyOf(signedExtensions);
        }
    }

    /**
     * A signed extension: its identifier (e.g. {@code CheckNonce}), the type of the data it adds to
     * the extrinsic, and the type of the data it adds only to the signed payload.
     */
    public record SignedExtension(String identifier, int type, int additionalSigned) {}

    /** A runtime API (V15): its trait name, methods and docs. */
    public record RuntimeApi(String name, List<RuntimeApiMethod> methods, List<String> docs) {
        public RuntimeApi {
            methods = List.copyOf(methods);
            docs = List.copyOf(docs);
        }
    }

    /** A runtime API method: name, parameters, output type and docs. */
    public record RuntimeApiMethod(String name, List<RuntimeApiParam> inputs, int output, List<String> docs) {
        public RuntimeApiMethod {
            inputs = List.copyOf(inputs);
            docs = List.copyOf(docs);
        }
    }

    /** A runtime API method parameter. */
    public record RuntimeApiParam(String name, int type) {}

    /** The ids of the runtime's outer enums (V15). */
    public record OuterEnums(int callType, int eventType, int errorType) {}
}
