package io.zklayer.runtime.api;

import static io.zklayer.runtime.api.RuntimeApiDescriptor.method;
import static io.zklayer.runtime.api.RuntimeApiDescriptor.param;

import io.zklayer.pallets.payment.FeeSchedule;
import io.zklayer.pallets.payment.TransactionPaymentPallet;
import io.zklayer.pallets.system.SystemStorage;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.codec.ScaleReader;
import io.zklayer.primitives.codec.ScaleWriter;
import io.zklayer.primitives.trie.TrieState;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import io.zklayer.primitives.types.OpaqueExtrinsic;
import io.zklayer.primitives.types.UncheckedExtrinsic;
import io.zklayer.runtime.ApplyOutcome;
import io.zklayer.runtime.BlockExecution;
import io.zklayer.runtime.DispatchInfo;
import io.zklayer.runtime.Executive;
import io.zklayer.runtime.InvalidBlockException;
import io.zklayer.runtime.RuntimeVersion;
import io.zklayer.runtime.TransactionValidity;
import io.zklayer.runtime.Weight;
import io.zklayer.runtime.metadata.MetadataBuilder;
import io.zklayer.runtime.metadata.MetadataCodec;
import io.zklayer.runtime.metadata.RuntimeMetadata;
import java.math.BigInteger;
import java.util.List;

/**
 * The runtime APIs of the ZKLayer runtime and their implementation, what Substrate's
 * {@code impl_runtime_apis!} provides: {@code state_call("AccountNonceApi_account_nonce", 0x<account>)}
 * returns the SCALE {@code u32} nonce. Every call runs on a block's state inside a storage
 * transaction that is rolled back, so calls never change state.
 *
 * <ul>
 *   <li>{@code Core} 5: {@code version}, {@code execute_block} (an unsealed block on its parent's
 *       state; fails unless roots and digest match), {@code initialize_block}</li>
 *   <li>{@code Metadata} 2: {@code metadata} (V14), {@code metadata_at_version} (14, 15),
 *       {@code metadata_versions}</li>
 *   <li>{@code TaggedTransactionQueue} 3: {@code validate_transaction}</li>
 *   <li>{@code AccountNonceApi} 1: {@code account_nonce}</li>
 *   <li>{@code TransactionPaymentApi} 4: {@code query_info}, {@code query_fee_details},
 *       {@code query_weight_to_fee}, {@code query_length_to_fee}</li>
 * </ul>
 */
public final class RuntimeApis {
    /** The runtime APIs, with the versions whose method sets are implemented here. */
    public static final List<RuntimeApiDescriptor> DESCRIPTORS = List.of(
            new RuntimeApiDescriptor("Core", 5, List.of(
                    method("version", "RuntimeVersion", "Returns the version of the runtime."),
                    method("execute_block", "()", "Execute the given block.", param("block", "Block")),
                    method("initialize_block", "ExtrinsicInclusionMode",
                            "Initialize a block with the given header and return the runtime executive mode.",
                            param("header", "Header"))),
                    "The `Core` runtime api that every Substrate runtime needs to implement."),
            new RuntimeApiDescriptor("Metadata", 2, List.of(
                    method("metadata", "OpaqueMetadata", "Returns the metadata of a runtime."),
                    method("metadata_at_version", "Option<OpaqueMetadata>",
                            "Returns the metadata at a given version, or None if the runtime does not support it.",
                            param("version", "u32")),
                    method("metadata_versions", "Vec<u32>", "Returns the supported metadata versions.")),
                    "The `Metadata` api trait that returns metadata for the runtime."),
            new RuntimeApiDescriptor("TaggedTransactionQueue", 3, List.of(
                    method("validate_transaction", "TransactionValidity",
                            "Validate the transaction as the pool would, on the state of `block_hash`.",
                            param("source", "TransactionSource"), param("tx", "UncheckedExtrinsic"),
                            param("block_hash", "H256"))),
                    "The `TaggedTransactionQueue` api trait for interfering with the transaction queue."),
            new RuntimeApiDescriptor("AccountNonceApi", 1, List.of(
                    method("account_nonce", "u32", "Get current account nonce of given `AccountId`.",
                            param("account", "AccountId32"))),
                    "The API to query account nonce."),
            new RuntimeApiDescriptor("TransactionPaymentApi", 4, List.of(
                    method("query_info", "RuntimeDispatchInfo", "The weight, class and fee (before tip) of an extrinsic.",
                            param("uxt", "UncheckedExtrinsic"), param("len", "u32")),
                    method("query_fee_details", "FeeDetails", "The parts of an extrinsic's fee.",
                            param("uxt", "UncheckedExtrinsic"), param("len", "u32")),
                    method("query_weight_to_fee", "u128", "The fee of a weight.", param("weight", "Weight")),
                    method("query_length_to_fee", "u128", "The fee of an encoded length.", param("length", "u32"))),
                    "The API to query the fees of extrinsics."));

    /** Returns the runtime version's API list: each API's id and version. */
    public static List<RuntimeVersion.Api> versions() {
        return DESCRIPTORS.stream().map(d -> new RuntimeVersion.Api(d.idHex(), d.version())).toList();
    }

    /**
     * The block a call runs at.
     *
     * @param state a state view after that block, which the call may change and rolls back
     * @param hash the block's hash
     * @param number the block's number
     */
    public record At(TrieState state, H256 hash, long number) {}

    private final Executive executive;
    private final RuntimeMetadata metadata;
    private final byte[] metadataV14;
    private final byte[] metadataV15;
    private final String metadataProblem;

    /**
     * Creates the APIs of {@code executive}'s runtime, building its metadata once. A runtime whose
     * metadata cannot be built (a pallet type it cannot describe) still answers every other API;
     * the metadata calls then fail with the reason ({@link #metadataProblem()}).
     */
    public RuntimeApis(Executive executive) {
        this.executive = executive;
        RuntimeMetadata built = null;
        String problem = null;
        try {
            built = MetadataBuilder.build(executive.runtime(), DESCRIPTORS);
        } catch (IllegalStateException e) {
            problem = e.getMessage();
        }
        this.metadata = built;
        this.metadataProblem = problem;
        this.metadataV14 = built == null ? null : MetadataCodec.encode(built, 14);
        this.metadataV15 = built == null ? null : MetadataCodec.encode(built, 15);
    }

    /** Returns why the metadata could not be built, or empty when it was. */
    public java.util.Optional<String> metadataProblem() {
        return java.util.Optional.ofNullable(metadataProblem);
    }

    /** Returns the runtime's metadata. */
    public RuntimeMetadata metadata() {
        checkMetadata();
        return metadata;
    }

    /** Returns the metadata as {@code state_getMetadata} serves it: {@code "meta" ‖ 14 ‖ RuntimeMetadataV14}. */
    public byte[] metadataBytes() {
        return metadataBytes(14);
    }

    /** Returns the metadata in {@code version} (14 or 15). */
    public byte[] metadataBytes(int version) {
        checkMetadata();
        return switch (version) {
            case 14 -> metadataV14.clone();
            case 15 -> metadataV15.clone();
            default -> throw new IllegalArgumentException("metadata version " + version + " is not supported");
        };
    }

    private void checkMetadata() {
        if (metadataProblem != null) {
            throw new RuntimeApiException("the runtime's metadata is unavailable: " + metadataProblem);
        }
    }

    /**
     * Calls {@code method} ({@code Trait_method}) with the SCALE-encoded {@code input} at block
     * {@code at} and returns the SCALE-encoded result.
     *
     * @throws RuntimeApiException for an unknown method, undecodable input or a failing call
     */
    public byte[] call(String method, byte[] input, At at) {
        TrieState s = at.state();
        s.startTransaction();
        try {
            ScaleReader in = new ScaleReader(input);
            byte[] out = dispatch(method, in, at);
            if (!in.isAtEnd()) {
                throw new RuntimeApiException("Could not decode `" + method + "` input: " + in.remaining()
                        + " bytes left over");
            }
            return out;
        } catch (ScaleDecodeException e) {
            throw new RuntimeApiException("Could not decode `" + method + "` input: " + e.getMessage(), e);
        } finally {
            while (s.transactionDepth() > 0) {
                s.rollbackTransaction();
            }
        }
    }

    private byte[] dispatch(String method, ScaleReader in, At at) {
        return switch (method) {
            case "Core_version" -> version(executive.runtime().version());
            case "Core_execute_block" -> executeBlock(Block.CODEC.decode(in), at);
            case "Core_initialize_block" -> initializeBlock(Header.CODEC.decode(in), at);
            case "Metadata_metadata" -> new ScaleWriter(16).bytes(metadataBytes(14)).toByteArray();
            case "Metadata_metadata_at_version" -> {
                long v = in.u32();
                checkMetadata();
                ScaleWriter w = new ScaleWriter(metadataV15.length + 6);
                if (v == 14 || v == 15) {
                    w.u8(1).bytes(v == 14 ? metadataV14 : metadataV15);
                } else {
                    w.u8(0);
                }
                yield w.toByteArray();
            }
            case "Metadata_metadata_versions" ->
                    ScaleCodecs.vec(ScaleCodecs.U32).encode(MetadataCodec.VERSIONS.stream().map(Integer::longValue).toList());
            case "TaggedTransactionQueue_validate_transaction" -> {
                int source = in.u8();
                if (source > 2) {
                    throw new ScaleDecodeException("TransactionSource", 0, "unknown variant index " + source);
                }
                byte[] xt = extrinsic(in);
                H256 blockHash = H256.CODEC.decode(in);
                if (!blockHash.equals(at.hash())) {
                    throw new RuntimeApiException("validate_transaction: block_hash " + blockHash
                            + " is not the block the call runs at (" + at.hash() + ")");
                }
                yield validity(executive.validate(at.state(), at.hash(), at.number(), xt));
            }
            case "AccountNonceApi_account_nonce" -> {
                AccountId32 who = AccountId32.CODEC.decode(in);
                yield ScaleCodecs.U32.encode(SystemStorage.ACCOUNT.get(at.state(), who).nonce());
            }
            case "TransactionPaymentApi_query_info" -> {
                Query q = query(in);
                ScaleWriter w = new ScaleWriter(32);
                Weight.CODEC.encode(w, q.info().weight());
                w.u8(q.info().dispatchClass().ordinal());
                BigInteger fee = q.signed() ? payment().partialFee(q.length(), q.info()) : BigInteger.ZERO;
                yield w.u128(fee).toByteArray();
            }
            case "TransactionPaymentApi_query_fee_details" -> {
                Query q = query(in);
                ScaleWriter w = new ScaleWriter(64);
                if (q.signed() && q.info().paysFee() == DispatchInfo.Pays.YES) {
                    FeeSchedule fees = payment().schedule();
                    w.u8(1).u128(fees.baseFee()).u128(lengthFee(q.length())).u128(weightFee(q.info().weight()));
                } else {
                    w.u8(0);
                }
                yield w.u128(BigInteger.ZERO).toByteArray();
            }
            case "TransactionPaymentApi_query_weight_to_fee" ->
                    ScaleCodecs.U128.encode(weightFee(Weight.CODEC.decode(in)));
            case "TransactionPaymentApi_query_length_to_fee" -> ScaleCodecs.U128.encode(lengthFee(in.u32()));
            default -> throw new RuntimeApiException("Exported method " + method + " is not found");
        };
    }

    private TransactionPaymentPallet payment() {
        return executive.runtime().pallet(TransactionPaymentPallet.class);
    }

    private BigInteger lengthFee(long length) {
        return payment().schedule().lengthFee().multiply(BigInteger.valueOf(length));
    }

    private BigInteger weightFee(Weight weight) {
        return BigInteger.valueOf(weight.refTime() / payment().schedule().refTimePerUnit());
    }

    private record Query(DispatchInfo info, boolean signed, int length) {}

    private Query query(ScaleReader in) {
        byte[] xt = extrinsic(in);
        long length = in.u32();
        UncheckedExtrinsic decoded = UncheckedExtrinsic.CODEC.decode(xt);
        DispatchInfo info;
        try {
            info = executive.runtime().decodeCall(decoded.call()).info();
        } catch (ScaleDecodeException e) {
            throw new RuntimeApiException("the extrinsic's call does not decode: " + e.getMessage(), e);
        }
        if (length > Integer.MAX_VALUE) {
            throw new RuntimeApiException("len " + length + " is out of range");
        }
        return new Query(info, decoded.signature().isPresent(), (int) length);
    }

    /** Reads an {@code UncheckedExtrinsic} parameter: its full encoding, length prefix included. */
    private static byte[] extrinsic(ScaleReader in) {
        int start = in.position();
        in.bytes();
        return in.consumedSince(start);
    }

    private static byte[] version(RuntimeVersion v) {
        ScaleWriter w = new ScaleWriter(128);
        w.string(v.specName()).string(v.implName()).u32(v.authoringVersion()).u32(v.specVersion()).u32(v.implVersion());
        w.compact(v.apis().size());
        for (RuntimeVersion.Api api : v.apis()) {
            w.raw(Hex.decode(api.idHex())).u32(api.version());
        }
        return w.u32(v.transactionVersion()).u8(v.stateVersion()).toByteArray();
    }

    private byte[] executeBlock(Block block, At at) {
        Header h = block.header();
        checkParent(h, at);
        try {
            BlockExecution exec = executive.begin(at.state(), h.parentHash(), h.number(), h.digest());
            int i = 0;
            for (OpaqueExtrinsic x : block.extrinsics()) {
                ApplyOutcome outcome = executive.apply(exec, x.encode());
                if (outcome instanceof ApplyOutcome.Rejected r) {
                    throw new RuntimeApiException("execute_block: extrinsic " + i + " is invalid: " + r.reason().message()
                            + " (" + r.detail() + ")");
                }
                i++;
            }
            Header computed = executive.finish(exec);
            if (!computed.stateRoot().equals(h.stateRoot())) {
                throw new RuntimeApiException("execute_block: state root " + computed.stateRoot() + " computed, header says "
                        + h.stateRoot());
            }
            if (!computed.extrinsicsRoot().equals(h.extrinsicsRoot())) {
                throw new RuntimeApiException("execute_block: extrinsics root " + computed.extrinsicsRoot()
                        + " computed, header says " + h.extrinsicsRoot());
            }
            if (!computed.digest().equals(h.digest())) {
                throw new RuntimeApiException("execute_block: the header's digest differs from the runtime's "
                        + "(pass the block without its seal)");
            }
        } catch (InvalidBlockException e) {
            throw new RuntimeApiException("execute_block: invalid block: " + e.getMessage(), e);
        }
        return new byte[0];
    }

    private byte[] initializeBlock(Header h, At at) {
        checkParent(h, at);
        executive.begin(at.state(), h.parentHash(), h.number(), h.digest());
        return new byte[] {0}; // ExtrinsicInclusionMode::AllExtrinsics
    }

    private static void checkParent(Header h, At at) {
        if (!h.parentHash().equals(at.hash()) || h.number() != at.number() + 1) {
            throw new RuntimeApiException("block #" + h.number() + " with parent " + h.parentHash()
                    + " does not follow the block the call runs at (#" + at.number() + ", " + at.hash() + ")");
        }
    }

    private static byte[] validity(TransactionValidity v) {
        ScaleWriter w = new ScaleWriter(96);
        if (v instanceof TransactionValidity.Valid ok) {
            w.u8(0).u64(ok.priority());
            writeTags(w, ok.requires());
            writeTags(w, ok.provides());
            w.u64(ok.longevity()).bool(ok.propagate());
        } else if (v instanceof TransactionValidity.Invalid bad) {
            w.u8(1).u8(0).u8(bad.reason().ordinal());
            if (bad.reason() == TransactionValidity.InvalidTransaction.CUSTOM) {
                w.u8(0);
            }
        } else {
            w.u8(1).u8(1).u8(0); // Unknown(CannotLookup)
        }
        return w.toByteArray();
    }

    private static void writeTags(ScaleWriter w, List<byte[]> tags) {
        w.compact(tags.size());
        tags.forEach(w::bytes);
    }
}
