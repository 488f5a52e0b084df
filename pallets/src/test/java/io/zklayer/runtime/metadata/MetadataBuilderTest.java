package io.zklayer.runtime.metadata;

import static io.zklayer.runtime.TestChain.UNIT;
import static io.zklayer.runtime.TestChain.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.pallets.balances.BalancesCall;
import io.zklayer.pallets.balances.BalancesPallet;
import io.zklayer.pallets.system.SystemStorage;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleReader;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.hashing.StorageHasher;
import io.zklayer.primitives.types.MultiAddress;
import io.zklayer.runtime.Pallet;
import io.zklayer.runtime.Runtime;
import io.zklayer.runtime.RuntimeParameters;
import io.zklayer.runtime.TestChain;
import io.zklayer.runtime.ZklayerRuntime;
import io.zklayer.runtime.api.RuntimeApis;
import io.zklayer.runtime.storage.StorageEntryDescriptor;
import io.zklayer.runtime.storage.StorageValue;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataBuilderTest {
    private final Runtime runtime = ZklayerRuntime.create(RuntimeParameters.defaults());
    private final RuntimeMetadata metadata = MetadataBuilder.build(runtime, RuntimeApis.DESCRIPTORS);
    private final PortableRegistry types = metadata.types();
    private final TypeDecoder decoder = new TypeDecoder(types);

    private PortableType byPath(String path) {
        return types.byPath(path).orElseThrow(() -> new AssertionError("no type " + path));
    }

    private static TypeDef.Variant variants(PortableType t) {
        return (TypeDef.Variant) t.def();
    }

    @Test
    void describesEveryPalletAtItsIndexWithItsCallsEventsErrorsStorageAndConstants() {
        assertThat(metadata.pallets()).extracting(RuntimeMetadata.Pallet::name)
                .containsExactlyElementsOf(runtime.pallets().stream().map(Pallet::name).toList());
        assertThat(metadata.pallets()).extracting(RuntimeMetadata.Pallet::index)
                .containsExactlyElementsOf(runtime.pallets().stream().map(Pallet::index).toList());
        RuntimeMetadata.Pallet balances = metadata.pallet("Balances").orElseThrow();
        assertThat(types.type(balances.calls().orElseThrow()).pathName()).isEqualTo("pallet_balances::pallet::Call");
        TypeVariant transfer = variants(types.type(balances.calls().get())).variants().stream()
                .filter(v -> v.name().equals("transfer_keep_alive")).findFirst().orElseThrow();
        assertThat(transfer.index()).isEqualTo(3);
        assertThat(transfer.fields()).extracting(f -> f.name().orElseThrow()).containsExactly("dest", "value");
        assertThat(types.type(transfer.fields().get(0).type()).pathName()).isEqualTo("sp_runtime::multiaddress::MultiAddress");
        assertThat(types.type(transfer.fields().get(1).type()).def()).isInstanceOf(TypeDef.Compact.class);
        assertThat(variants(types.type(balances.errors().orElseThrow())).variants())
                .extracting(TypeVariant::name).contains("InsufficientBalance", "ExistentialDeposit");
        assertThat(balances.constants()).extracting(RuntimeMetadata.Constant::name).containsExactly("ExistentialDeposit");
        assertThat(balances.storage().orElseThrow().entries()).extracting(RuntimeMetadata.StorageEntry::name)
                .containsExactly("TotalIssuance", "Locks", "Reserves");
        for (Pallet p : runtime.pallets()) {
            assertThat(metadata.pallet(p.name()).orElseThrow().calls().isPresent()).as(p.name() + " has calls")
                    .isEqualTo(p.calls().isPresent());
        }
        assertThat(metadata.pallet("Timestamp").orElseThrow().constants())
                .extracting(RuntimeMetadata.Constant::name).containsExactly("MinimumPeriod");
    }

    @Test
    void storageEntriesCarryHashersKeyTypesModifiersAndDefaults() {
        var entries = metadata.pallet("System").orElseThrow().storage().orElseThrow().entries();
        RuntimeMetadata.StorageEntry account = entries.stream().filter(e -> e.name().equals("Account")).findFirst().orElseThrow();
        assertThat(account.hashers()).containsExactly(StorageHasher.BLAKE2_128_CONCAT);
        assertThat(types.type(account.keyType().orElseThrow()).pathName()).isEqualTo("sp_core::crypto::AccountId32");
        assertThat(types.type(account.valueType()).pathName()).isEqualTo("frame_system::AccountInfo");
        assertThat(account.modifier()).isEqualTo(RuntimeMetadata.Modifier.DEFAULT);
        RuntimeMetadata.StorageEntry count = entries.stream().filter(e -> e.name().equals("ExtrinsicCount")).findFirst().orElseThrow();
        assertThat(count.modifier()).isEqualTo(RuntimeMetadata.Modifier.OPTIONAL);
        assertThat(count.defaultValue()).containsExactly(0);
        RuntimeMetadata.StorageEntry events = entries.stream().filter(e -> e.name().equals("Events")).findFirst().orElseThrow();
        PortableType eventVec = types.type(events.valueType());
        PortableType record = types.type(((TypeDef.Sequence) eventVec.def()).type());
        assertThat(record.pathName()).isEqualTo("frame_system::EventRecord");
        assertThat(record.params().get(0).type()).contains(metadata.outerEnums().orElseThrow().eventType());
    }

    @Test
    void aRecordReachableOnlyInsideAVecIsDescribedFieldByField() {
        RuntimeMetadata.StorageEntry reserves = metadata.pallet("Balances").orElseThrow().storage().orElseThrow().entries()
                .stream().filter(e -> e.name().equals("Reserves")).findFirst().orElseThrow();
        PortableType element = types.type(((TypeDef.Sequence) types.type(reserves.valueType()).def()).type());
        assertThat(element.pathName()).isEqualTo("pallet_balances::types::ReserveData");
        assertThat(((TypeDef.Composite) element.def()).fields()).extracting(f -> f.name().orElseThrow())
                .containsExactly("id", "amount");
    }

    @Test
    void outerEnumsHaveOneVariantPerPalletAtThePalletIndex() {
        RuntimeMetadata.OuterEnums outer = metadata.outerEnums().orElseThrow();
        assertThat(types.type(outer.callType()).pathName()).isEqualTo("zklayer_runtime::RuntimeCall");
        assertThat(types.type(outer.eventType()).pathName()).isEqualTo("zklayer_runtime::RuntimeEvent");
        assertThat(types.type(outer.errorType()).pathName()).isEqualTo("zklayer_runtime::RuntimeError");
        Map<String, Integer> calls = new HashMap<>();
        variants(types.type(outer.callType())).variants().forEach(v -> calls.put(v.name(), v.index()));
        assertThat(calls).containsEntry("System", 0).containsEntry("Timestamp", 1).containsEntry("Balances", 3)
                .containsEntry("Sudo", 5);
        for (Pallet p : runtime.pallets()) {
            assertThat(calls.containsKey(p.name())).as(p.name() + " in RuntimeCall").isEqualTo(p.calls().isPresent());
        }
        for (TypeVariant v : variants(types.type(outer.eventType())).variants()) {
            RuntimeMetadata.Pallet p = metadata.pallet(v.name()).orElseThrow();
            assertThat(v.index()).isEqualTo(p.index());
            assertThat(v.fields().get(0).type()).isEqualTo(p.events().orElseThrow());
        }
        // Sudo's calls nest the runtime's calls: the field refers back to the outer enum
        TypeVariant sudo = variants(types.type(metadata.pallet("Sudo").orElseThrow().calls().orElseThrow())).variants()
                .stream().filter(v -> v.name().equals("sudo")).findFirst().orElseThrow();
        assertThat(sudo.fields().get(0).type()).isEqualTo(outer.callType());
    }

    @Test
    void signedExtensionsFollowTheExecutiveOrderWithTheirDataAndAdditionalSignedTypes() {
        RuntimeMetadata.Extrinsic x = metadata.extrinsic();
        assertThat(x.version()).isEqualTo(4);
        assertThat(x.signedExtensions()).extracting(RuntimeMetadata.SignedExtension::identifier).containsExactly(
                "CheckNonZeroSender", "CheckSpecVersion", "CheckTxVersion", "CheckGenesis", "CheckMortality",
                "CheckNonce", "CheckWeight", "ChargeTransactionPayment");
        List<String> additional = x.signedExtensions().stream().map(e -> describe(e.additionalSigned())).toList();
        assertThat(additional).containsExactly("()", "u32", "u32", "primitive_types::H256", "primitive_types::H256",
                "()", "()", "()");
        PortableType unchecked = types.type(x.type());
        assertThat(unchecked.pathName()).isEqualTo("sp_runtime::generic::unchecked_extrinsic::UncheckedExtrinsic");
        assertThat(unchecked.params()).extracting(TypeParameter::name).containsExactly("Address", "Call", "Signature", "Extra");
        assertThat(unchecked.params()).extracting(p -> p.type().orElseThrow())
                .containsExactly(x.addressType(), x.callType(), x.signatureType(), x.extraType());
        assertThat(((TypeDef.Tuple) types.type(x.extraType()).def()).types())
                .containsExactlyElementsOf(x.signedExtensions().stream().map(RuntimeMetadata.SignedExtension::type).toList());
    }

    private String describe(int id) {
        PortableType t = types.type(id);
        if (!t.path().isEmpty()) {
            return t.pathName();
        }
        if (t.def() instanceof TypeDef.Primitive p) {
            return p.primitive().rustName();
        }
        if (t.def() instanceof TypeDef.Tuple tu && tu.types().isEmpty()) {
            return "()";
        }
        return t.def().toString();
    }

    @Test
    void wellKnownTypesCarryTheSubstratePathsClientsRecognize() {
        assertThat(byPath("sp_core::crypto::AccountId32").def()).isEqualTo(new TypeDef.Composite(List.of(
                TypeField.unnamed(types.types().stream().filter(t -> t.def().equals(new TypeDef.Array(32,
                        byPrimitive(PrimitiveType.U8)))).findFirst().orElseThrow().id(), "[u8; 32]"))));
        assertThat(variants(byPath("sp_runtime::multiaddress::MultiAddress")).variants()).extracting(TypeVariant::name)
                .containsExactly("Id", "Index", "Raw", "Address32", "Address20");
        assertThat(variants(byPath("sp_runtime::MultiSignature")).variants()).extracting(TypeVariant::index)
                .containsExactly(0, 1, 2);
        assertThat(variants(byPath("sp_runtime::generic::era::Era")).variants()).hasSize(256);
        assertThat(variants(byPath("sp_runtime::DispatchError")).variants().get(3).name()).isEqualTo("Module");
        assertThat(byPath("frame_support::dispatch::DispatchInfo").def()).isInstanceOf(TypeDef.Composite.class);
        assertThat(byPath("pallet_balances::types::AccountData").params()).extracting(TypeParameter::name)
                .containsExactly("Balance");
        assertThat(variants(byPath("frame_system::Phase")).variants()).extracting(TypeVariant::name)
                .containsExactly("ApplyExtrinsic", "Finalization", "Initialization");
        assertThat(byPath("sp_weights::weight_v2::Weight").def()).isInstanceOf(TypeDef.Composite.class);
    }

    private int byPrimitive(PrimitiveType p) {
        return types.types().stream().filter(t -> t.def().equals(new TypeDef.Primitive(p))).findFirst().orElseThrow().id();
    }

    @Test
    void theRegistryIsWellFormedAndHoldsOnlyReachableTypes() {
        List<PortableType> all = types.types();
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).id()).isEqualTo(i);
            for (int ref : all.get(i).def().referencedTypes()) {
                assertThat(ref).isBetween(0, all.size() - 1);
            }
        }
        Map<String, TypeDef> shapes = new HashMap<>();
        for (PortableType t : all) {
            if (!t.path().isEmpty()) {
                TypeDef other = shapes.putIfAbsent(t.pathName() + t.params(), t.def());
                assertThat(other == null || other.equals(t.def())).as("one shape per path: " + t.pathName()).isTrue();
            }
        }
        BitSet seen = new BitSet();
        Deque<Integer> todo = new ArrayDeque<>(metadata.referencedTypeIds());
        while (!todo.isEmpty()) {
            int id = todo.pop();
            if (!seen.get(id)) {
                seen.set(id);
                todo.addAll(types.type(id).def().referencedTypes());
                types.type(id).params().forEach(p -> p.type().ifPresent(todo::add));
            }
        }
        List<String> unreachable = new ArrayList<>();
        for (PortableType t : all) {
            if (!seen.get(t.id())) {
                unreachable.add(t.id() + " " + t.pathName() + " " + t.def());
            }
        }
        assertThat(unreachable).isEmpty();
    }

    @Test
    void constantsAndStorageDefaultsDecodeExactlyWithTheirDeclaredTypes() {
        for (RuntimeMetadata.Pallet p : metadata.pallets()) {
            for (RuntimeMetadata.Constant c : p.constants()) {
                assertThat(decoder.decode(c.type(), c.value())).as(p.name() + "." + c.name()).isNotNull();
            }
            for (RuntimeMetadata.StorageEntry e : p.storage().map(RuntimeMetadata.Storage::entries).orElse(List.of())) {
                if (e.modifier() == RuntimeMetadata.Modifier.DEFAULT) {
                    assertThat(decoder.decode(e.valueType(), e.defaultValue())).as(p.name() + "." + e.name()).isNotNull();
                }
            }
        }
        RuntimeMetadata.Constant ed = metadata.pallet("Balances").orElseThrow().constants().get(0);
        assertThat(decoder.decode(ed.type(), ed.value())).isEqualTo(RuntimeParameters.defaults().existentialDeposit());
    }

    @Test
    void storedAccountsEventsAndSignedExtrinsicsOfARealBlockDecodeWithTheMetadata() {
        TestChain chain = TestChain.builder().balance(DevAccounts.ALICE, UNIT.multiply(BigInteger.TEN)).build();
        byte[] xt = chain.signed(DevAccounts.ALICE, chain.call(BalancesPallet.INDEX,
                new BalancesCall.TransferKeepAlive(MultiAddress.id(account(DevAccounts.BOB)), UNIT)));
        chain.block(xt);

        RuntimeMetadata.StorageEntry accountEntry = entry("System", "Account");
        byte[] stored = chain.bestState().get(SystemStorage.ACCOUNT.key(account(DevAccounts.BOB))).orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> info = (Map<String, Object>) decoder.decode(accountEntry.valueType(), stored);
        assertThat(info).containsEntry("nonce", BigInteger.ZERO).containsEntry("providers", BigInteger.ONE);
        assertThat(((Map<?, ?>) info.get("data")).get("free")).isEqualTo(UNIT);

        byte[] events = chain.bestState().get(SystemStorage.EVENTS_KEY).orElseThrow();
        List<?> records = (List<?>) decoder.decode(entry("System", "Events").valueType(), events);
        List<String> names = new ArrayList<>();
        for (Object r : records) {
            TypeDecoder.Variant pallet = (TypeDecoder.Variant) ((Map<?, ?>) r).get("event");
            names.add(pallet.name() + "." + ((TypeDecoder.Variant) pallet.value()).name());
        }
        assertThat(names).isEqualTo(chain.eventNames());
        assertThat(names).contains("Balances.Transfer", "TransactionPayment.TransactionFeePaid", "System.ExtrinsicSuccess");

        // the extrinsic: length, version 0x84, then address, signature, extra and call by the metadata's types
        RuntimeMetadata.Extrinsic x = metadata.extrinsic();
        ScaleReader r = new ScaleReader(xt);
        assertThat(r.compactLong("length")).isEqualTo(r.remaining());
        assertThat(r.u8()).isEqualTo(0x84);
        TypeDecoder.Variant address = (TypeDecoder.Variant) decoder.decode(x.addressType(), r);
        assertThat(address.name()).isEqualTo("Id");
        assertThat((byte[]) address.value()).isEqualTo(account(DevAccounts.ALICE).bytes());
        assertThat(((TypeDecoder.Variant) decoder.decode(x.signatureType(), r)).name()).isEqualTo("Ed25519");
        List<?> extra = (List<?>) decoder.decode(x.extraType(), r);
        assertThat(extra).hasSize(8);
        assertThat(((TypeDecoder.Variant) extra.get(4)).name()).isEqualTo("Immortal");
        assertThat(extra.get(5)).isEqualTo(BigInteger.ZERO);
        TypeDecoder.Variant call = (TypeDecoder.Variant) decoder.decode(x.callType(), r);
        assertThat(r.isAtEnd()).isTrue();
        assertThat(call.name()).isEqualTo("Balances");
        TypeDecoder.Variant transfer = (TypeDecoder.Variant) call.value();
        assertThat(transfer.name()).isEqualTo("transfer_keep_alive");
        assertThat(((Map<?, ?>) transfer.value()).get("value")).isEqualTo(UNIT);

        // and every value the runtime stored, under every item the metadata lists
        assertThat(StorageDecodeCheck.decodeAll(metadata, chain.bestState())).isGreaterThan(10);
    }

    private RuntimeMetadata.StorageEntry entry(String pallet, String name) {
        return metadata.pallet(pallet).orElseThrow().storage().orElseThrow().entries().stream()
                .filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    private static Runtime runtimeWith(Pallet extra) {
        List<Pallet> pallets = new ArrayList<>(ZklayerRuntime.create(RuntimeParameters.defaults()).pallets());
        pallets.add(extra);
        return new Runtime(ZklayerRuntime.VERSION, pallets);
    }

    private record TestPallet(String name, int index, List<StorageEntryDescriptor> storage) implements Pallet {}

    @Test
    void aNewPalletAppearsWithItsOwnRecordTypes() {
        record Info(long count, BigInteger total) {}
        var codec = ScaleRecord.of("GadgetInfo", ScaleRecord.field("count", ScaleCodecs.U32, Info::count),
                ScaleRecord.field("total", ScaleCodecs.COMPACT_U128, Info::total), Info::new);
        StorageValue<Info> item = new StorageValue<>("Gadgets", "Info", codec, null, "Gadget info.");
        RuntimeMetadata m = MetadataBuilder.build(runtimeWith(new TestPallet("Gadgets", 200, List.of(item.descriptor()))),
                RuntimeApis.DESCRIPTORS);
        RuntimeMetadata.Pallet gadgets = m.pallet("Gadgets").orElseThrow();
        assertThat(gadgets.index()).isEqualTo(200);
        PortableType info = m.types().type(gadgets.storage().orElseThrow().entries().get(0).valueType());
        assertThat(info.pathName()).isEqualTo("pallet_gadgets::types::GadgetInfo");
        assertThat(((TypeDef.Composite) info.def()).fields()).extracting(f -> f.name().orElseThrow())
                .containsExactly("count", "total");
    }

    @Test
    void recordsOfTheSameNameInTwoPalletsStayTwoTypes() {
        record A(long x) {}
        record B(BigInteger y) {}
        var a = ScaleRecord.of("Info", ScaleRecord.field("x", ScaleCodecs.U32, A::x), A::new);
        var b = ScaleRecord.of("Info", ScaleRecord.field("y", ScaleCodecs.U128, B::y), B::new);
        List<Pallet> pallets = new ArrayList<>(ZklayerRuntime.create(RuntimeParameters.defaults()).pallets());
        pallets.add(new TestPallet("Alpha", 210, List.of(new StorageValue<>("Alpha", "Info", a, null, "?").descriptor())));
        pallets.add(new TestPallet("Beta", 211, List.of(new StorageValue<>("Beta", "Info", b, null, "?").descriptor())));
        RuntimeMetadata m = MetadataBuilder.build(new Runtime(ZklayerRuntime.VERSION, pallets), RuntimeApis.DESCRIPTORS);
        PortableType alpha = m.types().type(m.pallet("Alpha").orElseThrow().storage().orElseThrow().entries().get(0).valueType());
        PortableType beta = m.types().type(m.pallet("Beta").orElseThrow().storage().orElseThrow().entries().get(0).valueType());
        assertThat(alpha.pathName()).isEqualTo("pallet_alpha::types::Info");
        assertThat(beta.pathName()).isEqualTo("pallet_beta::types::Info");
        assertThat(alpha.def()).isNotEqualTo(beta.def());
    }

    enum Reason { DEADLINE_MISSED, NO_NODE }

    @Test
    void javaEnumCodecsAndStructsOfAnyFieldCountAreDescribedAndHandWrittenStructCodecsAreRefused() {
        record Spec(List<Long> shape, int min, int max) {}
        var spec = ScaleRecord.ofFields("GadgetSpec", v -> new Spec(listOfLongs(v[0]), (Integer) v[1], (Integer) v[2]),
                ScaleRecord.field("shape", ScaleCodecs.vec(ScaleCodecs.U32), Spec::shape),
                ScaleRecord.field("min", ScaleCodecs.I32, Spec::min),
                ScaleRecord.field("max", ScaleCodecs.I32, Spec::max));
        var reason = io.zklayer.primitives.codec.ScaleEnum.ofUnitEnum("RefundReason", Reason.class, Enum::ordinal);
        StorageValue<Spec> specItem = new StorageValue<>("Gadgets", "Spec", spec, null, "?");
        StorageValue<Reason> reasonItem = new StorageValue<>("Gadgets", "Reason", reason, null, "?");
        RuntimeMetadata m = MetadataBuilder.build(runtimeWith(new TestPallet("Gadgets", 200,
                List.of(specItem.descriptor(), reasonItem.descriptor()))), RuntimeApis.DESCRIPTORS);
        var entries = m.pallet("Gadgets").orElseThrow().storage().orElseThrow().entries();
        PortableType specType = m.types().type(entries.get(0).valueType());
        assertThat(specType.pathName()).endsWith("::types::GadgetSpec");
        Spec value = new Spec(List.of(1L, 28L, 28L), -128, 127);
        assertThat(new TypeDecoder(m.types()).decode(specType.id(), spec.encode(value))).isEqualTo(Map.of(
                "shape", List.of(BigInteger.ONE, BigInteger.valueOf(28), BigInteger.valueOf(28)),
                "min", BigInteger.valueOf(-128), "max", BigInteger.valueOf(127)));
        PortableType reasonType = m.types().type(entries.get(1).valueType());
        assertThat(((TypeDef.Variant) reasonType.def()).variants()).extracting(TypeVariant::name)
                .containsExactly("DeadlineMissed", "NoNode");
        assertThat(new TypeDecoder(m.types()).decode(reasonType.id(), reason.encode(Reason.NO_NODE)))
                .isEqualTo(new TypeDecoder.Variant("NoNode", 1, List.of()));

        // the same struct written by hand: its fields cannot be read, so the metadata refuses it by name
        io.zklayer.primitives.codec.ScaleCodec<Spec> byHand = ScaleCodecs.of("GadgetSpec", 9, spec::encode, spec::decode);
        StorageValue<Spec> byHandItem = new StorageValue<>("Widgets", "Spec", byHand, null, "?");
        assertThatThrownBy(() -> MetadataBuilder.build(runtimeWith(new TestPallet("Widgets", 203,
                List.of(byHandItem.descriptor()))), RuntimeApis.DESCRIPTORS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Widgets storage Spec").hasMessageContaining("unknown type GadgetSpec");
    }

    @SuppressWarnings("unchecked")
    private static List<Long> listOfLongs(Object decoded) {
        return (List<Long>) decoded;
    }

    @Test
    void aTypeTheMetadataCannotDescribeIsRefusedNamingPalletItemAndType() {
        var descriptor = new StorageEntryDescriptor("Mystery", "Thing", List.of(), List.of(), "Gizmo", null, "?");
        assertThatThrownBy(() -> MetadataBuilder.build(runtimeWith(new TestPallet("Mystery", 201, List.of(descriptor))),
                RuntimeApis.DESCRIPTORS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Mystery storage Thing").hasMessageContaining("unknown type Gizmo");
    }

    @Test
    void aPalletRecordWithAWellKnownNameButAnotherShapeIsRefused() {
        record Fake(long a) {}
        var codec = ScaleRecord.of("AccountInfo", ScaleRecord.field("a", ScaleCodecs.U32, Fake::a), Fake::new);
        StorageValue<Fake> item = new StorageValue<>("Shady", "Item", codec, null, "?");
        assertThatThrownBy(() -> MetadataBuilder.build(runtimeWith(new TestPallet("Shady", 202, List.of(item.descriptor()))),
                RuntimeApis.DESCRIPTORS))
                .hasMessageContaining("AccountInfo has the name of a well-known type but a different shape");
    }

    @Test
    void crateNamesFollowSubstrateConventions() {
        assertThat(MetadataBuilder.crateOf("System")).isEqualTo("frame_system");
        assertThat(MetadataBuilder.crateOf("TransactionPayment")).isEqualTo("pallet_transaction_payment");
        assertThat(MetadataBuilder.crateOf("Inference")).isEqualTo("pallet_inference");
    }
}
