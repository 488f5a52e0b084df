package io.zklayer.runtime.api;

import static io.zklayer.runtime.TestChain.UNIT;
import static io.zklayer.runtime.TestChain.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.pallets.balances.BalancesCall;
import io.zklayer.pallets.balances.BalancesPallet;
import io.zklayer.pallets.payment.TransactionPaymentEvent;
import io.zklayer.pallets.payment.TransactionPaymentPallet;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleWriter;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.Call;
import io.zklayer.primitives.types.Header;
import io.zklayer.primitives.types.MultiAddress;
import io.zklayer.primitives.types.OpaqueExtrinsic;
import io.zklayer.runtime.BlockExecution;
import io.zklayer.runtime.RuntimeParameters;
import io.zklayer.runtime.TestChain;
import io.zklayer.runtime.Weight;
import io.zklayer.runtime.ZklayerRuntime;
import io.zklayer.runtime.metadata.MetadataCodec;
import io.zklayer.runtime.metadata.RuntimeMetadata;
import io.zklayer.runtime.metadata.TypeDecoder;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimeApisTest {
    private final TestChain chain = newChain();
    private final RuntimeApis apis = new RuntimeApis(chain.executive());
    private final RuntimeMetadata metadata = apis.metadata();
    private final TypeDecoder decoder = new TypeDecoder(metadata.types());

    private static TestChain newChain() {
        return TestChain.builder()
                .balance(DevAccounts.ALICE, UNIT.multiply(BigInteger.valueOf(100)))
                .balance(DevAccounts.BOB, UNIT)
                .build();
    }

    private RuntimeApis.At best() {
        return new RuntimeApis.At(chain.bestState(), chain.bestHash(), chain.bestNumber());
    }

    private byte[] call(String method, byte[] input) {
        return apis.call(method, input, best());
    }

    /** Decodes an API method's result with the V15 metadata's declared output type. */
    private Object output(String api, String method, byte[] bytes) {
        int type = metadata.apis().stream().filter(a -> a.name().equals(api)).findFirst().orElseThrow()
                .methods().stream().filter(m -> m.name().equals(method)).findFirst().orElseThrow().output();
        return decoder.decode(type, bytes);
    }

    private Call transfer(BigInteger amount) {
        return chain.call(BalancesPallet.INDEX, new BalancesCall.TransferKeepAlive(MultiAddress.id(account(DevAccounts.BOB)), amount));
    }

    @Test
    void apiIdsAreBlake2b64OfTheTraitNamesAsSubstrateComputesThem() {
        assertThat(RuntimeApiDescriptor.idOf("Core")).isEqualTo("0xdf6acb689907609b");
        assertThat(RuntimeApiDescriptor.idOf("Metadata")).isEqualTo("0x37e397fc7c91f5e4");
        assertThat(RuntimeApiDescriptor.idOf("TaggedTransactionQueue")).isEqualTo("0xd2bc9897eed08f15");
        assertThat(RuntimeApiDescriptor.idOf("AccountNonceApi")).isEqualTo("0xbc9d89904f5b923f");
        assertThat(RuntimeApiDescriptor.idOf("TransactionPaymentApi")).isEqualTo("0x37c8bb1350a9a2a8");
        assertThat(ZklayerRuntime.VERSION.apis()).extracting(io.zklayer.runtime.RuntimeVersion.Api::idHex)
                .containsExactly("0xdf6acb689907609b", "0x37e397fc7c91f5e4", "0xd2bc9897eed08f15", "0xbc9d89904f5b923f",
                        "0x37c8bb1350a9a2a8");
    }

    @Test
    void coreVersionEncodesTheRuntimeVersionWithItsApis() {
        @SuppressWarnings("unchecked")
        Map<String, Object> v = (Map<String, Object>) output("Core", "version", call("Core_version", new byte[0]));
        assertThat(v).containsEntry("spec_name", "zklayer").containsEntry("spec_version", BigInteger.ONE)
                .containsEntry("transaction_version", BigInteger.ONE).containsEntry("system_version", BigInteger.ONE);
        List<?> apiList = (List<?>) v.get("apis");
        assertThat(apiList).hasSize(5);
        List<?> core = (List<?>) apiList.get(0);
        assertThat(Hex.encode((byte[]) core.get(0))).isEqualTo("0xdf6acb689907609b");
        assertThat(core.get(1)).isEqualTo(BigInteger.valueOf(5));
    }

    @Test
    void metadataIsServedInEachSupportedVersionAndNoneForOthers() {
        byte[] opaque = call("Metadata_metadata", new byte[0]);
        assertThat(ScaleCodecs.BYTES.decode(opaque)).isEqualTo(apis.metadataBytes(14));
        assertThat(ScaleCodecs.vec(ScaleCodecs.U32).decode(call("Metadata_metadata_versions", new byte[0])))
                .containsExactly(14L, 15L);
        byte[] v15 = call("Metadata_metadata_at_version", ScaleCodecs.U32.encode(15L));
        assertThat(ScaleCodecs.option(ScaleCodecs.BYTES).decode(v15)).get().isEqualTo(apis.metadataBytes(15));
        assertThat(MetadataCodec.decode(apis.metadataBytes(15)).apis()).isNotEmpty();
        assertThat(call("Metadata_metadata_at_version", ScaleCodecs.U32.encode(16L))).containsExactly(0);
        assertThat(apis.metadataBytes()).isEqualTo(apis.metadataBytes(14));
    }

    @Test
    void accountNonceIsTheStoredNonce() {
        chain.block(chain.signed(DevAccounts.ALICE, transfer(UNIT)));
        byte[] alice = account(DevAccounts.ALICE).bytes();
        assertThat(ScaleCodecs.U32.decode(call("AccountNonceApi_account_nonce", alice))).isEqualTo(1L);
        assertThat(ScaleCodecs.U32.decode(call("AccountNonceApi_account_nonce", new byte[32]))).isZero();
    }

    @Test
    void queryInfoAndFeeDetailsAgreeWithTheFeeTheBlockCharges() {
        byte[] xt = chain.signed(DevAccounts.ALICE, transfer(UNIT));
        byte[] input = new ScaleWriter().raw(xt).u32(xt.length).toByteArray();
        @SuppressWarnings("unchecked")
        Map<String, Object> info = (Map<String, Object>) output("TransactionPaymentApi", "query_info",
                call("TransactionPaymentApi_query_info", input));
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) output("TransactionPaymentApi", "query_fee_details",
                call("TransactionPaymentApi_query_fee_details", input));
        chain.block(xt);
        BigInteger charged = chain.events(TransactionPaymentEvent.CODEC, TransactionPaymentPallet.INDEX).stream()
                .map(e -> ((TransactionPaymentEvent.TransactionFeePaid) e).actualFee()).findFirst().orElseThrow();
        assertThat(info.get("partial_fee")).isEqualTo(charged);
        assertThat(((TypeDecoder.Variant) info.get("class")).name()).isEqualTo("Normal");
        TypeDecoder.Variant inclusion = (TypeDecoder.Variant) details.get("inclusion_fee");
        assertThat(inclusion.name()).isEqualTo("Some");
        Map<?, ?> fee = (Map<?, ?>) inclusion.value();
        BigInteger sum = ((BigInteger) fee.get("base_fee")).add((BigInteger) fee.get("len_fee"))
                .add((BigInteger) fee.get("adjusted_weight_fee"));
        assertThat(sum).isEqualTo(charged);
        assertThat(details.get("tip")).isEqualTo(BigInteger.ZERO);

        Weight weight = new Weight(((BigInteger) ((Map<?, ?>) info.get("weight")).get("ref_time")).longValueExact(), 0);
        BigInteger weightFee = ScaleCodecs.U128.decode(call("TransactionPaymentApi_query_weight_to_fee",
                Weight.CODEC.encode(weight)));
        BigInteger lengthFee = ScaleCodecs.U128.decode(call("TransactionPaymentApi_query_length_to_fee",
                ScaleCodecs.U32.encode((long) xt.length)));
        assertThat(weightFee).isEqualTo(fee.get("adjusted_weight_fee"));
        assertThat(lengthFee).isEqualTo(fee.get("len_fee"));
    }

    @Test
    void anUnsignedExtrinsicHasNoFee() {
        byte[] inherent = chain.timestampInherent(1_800_000_000_000L);
        byte[] input = new ScaleWriter().raw(inherent).u32(inherent.length).toByteArray();
        assertThat(((Map<?, ?>) output("TransactionPaymentApi", "query_info", call("TransactionPaymentApi_query_info", input)))
                .get("partial_fee")).isEqualTo(BigInteger.ZERO);
        assertThat(((TypeDecoder.Variant) ((Map<?, ?>) output("TransactionPaymentApi", "query_fee_details",
                call("TransactionPaymentApi_query_fee_details", input))).get("inclusion_fee")).name()).isEqualTo("None");
    }

    @Test
    void validateTransactionAnswersAsThePoolChecks() {
        byte[] xt = chain.signed(DevAccounts.ALICE, transfer(UNIT));
        byte[] input = new ScaleWriter().u8(2).raw(xt).raw(chain.bestHash().bytes()).toByteArray();
        TypeDecoder.Variant ok = (TypeDecoder.Variant) output("TaggedTransactionQueue", "validate_transaction",
                call("TaggedTransactionQueue_validate_transaction", input));
        assertThat(ok.name()).isEqualTo("Ok");
        List<?> provides = (List<?>) ((Map<?, ?>) ok.value()).get("provides");
        assertThat((byte[]) provides.get(0)).isEqualTo(io.zklayer.runtime.Executive.nonceTag(account(DevAccounts.ALICE), 0));

        chain.block(xt);
        byte[] stale = new ScaleWriter().u8(2).raw(xt).raw(chain.bestHash().bytes()).toByteArray();
        TypeDecoder.Variant err = (TypeDecoder.Variant) output("TaggedTransactionQueue", "validate_transaction",
                call("TaggedTransactionQueue_validate_transaction", stale));
        assertThat(err.name()).isEqualTo("Err");
        TypeDecoder.Variant invalid = (TypeDecoder.Variant) err.value();
        assertThat(invalid.name()).isEqualTo("Invalid");
        assertThat(((TypeDecoder.Variant) invalid.value()).name()).isEqualTo("Stale");
    }

    @Test
    void executeBlockAcceptsTheBlockAsBuiltAndRefusesAnAlteredOne() {
        // a second, identical chain keeps the parent state that this one prunes when it imports the block
        TestChain twin = newChain();
        RuntimeApis.At parent = new RuntimeApis.At(twin.bestState(), twin.bestHash(), twin.bestNumber());
        byte[] parentRoot = parent.state().storageRoot();
        BlockExecution exec = chain.beginBlock();
        chain.apply(chain.signed(DevAccounts.ALICE, transfer(UNIT)));
        List<OpaqueExtrinsic> body = exec.applied().stream().map(OpaqueExtrinsic.CODEC::decode).toList();
        Header header = chain.finishBlock();
        Block block = new Block(header, body);

        assertThat(apis.call("Core_execute_block", Block.CODEC.encode(block), parent)).isEmpty();
        assertThat(parent.state().storageRoot()).as("calls change nothing").isEqualTo(parentRoot);

        Header wrongRoot = new Header(header.parentHash(), header.number(), header.extrinsicsRoot(), header.extrinsicsRoot(),
                header.digest());
        assertThatThrownBy(() -> apis.call("Core_execute_block", Block.CODEC.encode(new Block(wrongRoot, body)), parent))
                .isInstanceOf(RuntimeApiException.class).hasMessageContaining("state root");
        assertThatThrownBy(() -> apis.call("Core_execute_block", Block.CODEC.encode(block), best()))
                .hasMessageContaining("does not follow the block the call runs at");
        assertThat(apis.call("Core_initialize_block", Header.CODEC.encode(header), parent)).containsExactly(0);
    }

    @Test
    void unknownMethodsAndMalformedInputAreRefusedWithAReason() {
        assertThatThrownBy(() -> call("Foo_bar", new byte[0])).isInstanceOf(RuntimeApiException.class)
                .hasMessage("Exported method Foo_bar is not found");
        assertThatThrownBy(() -> call("AccountNonceApi_account_nonce", new byte[31]))
                .hasMessageContaining("Could not decode `AccountNonceApi_account_nonce` input");
        assertThatThrownBy(() -> call("AccountNonceApi_account_nonce", new byte[33]))
                .hasMessageContaining("1 bytes left over");
        assertThatThrownBy(() -> call("TransactionPaymentApi_query_info", new byte[] {0x08, 0x04, 0x7f, 0, 0, 0, 0}))
                .isInstanceOf(RuntimeApiException.class);
    }

    private record Opaque(String name, int index) implements io.zklayer.runtime.Pallet {
        @Override
        public List<io.zklayer.runtime.storage.StorageEntryDescriptor> storage() {
            return List.of(new io.zklayer.runtime.storage.StorageEntryDescriptor(name, "Thing", List.of(), List.of(),
                    "Gizmo", null, "?"));
        }
    }

    @Test
    void aRuntimeWhoseMetadataCannotBeBuiltStillAnswersItsOtherApis() {
        List<io.zklayer.runtime.Pallet> pallets = new java.util.ArrayList<>(chain.runtime().pallets());
        pallets.add(new Opaque("Opaque", 203));
        var runtime = new io.zklayer.runtime.Runtime(ZklayerRuntime.VERSION, pallets);
        RuntimeApis partial = new RuntimeApis(new io.zklayer.runtime.Executive(runtime,
                RuntimeParameters.defaults().limits()));
        assertThat(partial.metadataProblem()).get().asString().contains("Opaque storage Thing", "unknown type Gizmo");
        assertThatThrownBy(() -> partial.call("Metadata_metadata", new byte[0], best()))
                .isInstanceOf(RuntimeApiException.class).hasMessageContaining("metadata is unavailable");
        assertThatThrownBy(() -> partial.call("Metadata_metadata_at_version", ScaleCodecs.U32.encode(15L), best()))
                .hasMessageContaining("unknown type Gizmo");
        assertThat(ScaleCodecs.U32.decode(partial.call("AccountNonceApi_account_nonce", account(DevAccounts.ALICE).bytes(),
                best()))).isZero();
    }
}
