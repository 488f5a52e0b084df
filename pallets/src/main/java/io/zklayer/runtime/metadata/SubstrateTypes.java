package io.zklayer.runtime.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The well-known Substrate types the runtime's codecs name, defined with the paths and shapes of
 * polkadot-sdk so that clients recognize them: {@code AccountId32} is
 * {@code sp_core::crypto::AccountId32([u8; 32])}, {@code DispatchError} is
 * {@code sp_runtime::DispatchError} with Substrate's variant indexes, {@code Era} is
 * {@code sp_runtime::generic::era::Era} (Immortal and Mortal1…Mortal255), and so on. Our codecs
 * encode exactly these shapes (the codec tests check the bytes against {@code @polkadot/types}).
 */
final class SubstrateTypes {
    /** The names defined here (a pallet type with one of these names must have the same shape). */
    static final Set<String> NAMES = Set.of("AccountId32", "H256", "H160", "MultiAddress", "MultiSignature", "Era",
            "Weight", "DispatchClass", "Pays", "DispatchInfo", "ModuleError", "TokenError", "ArithmeticError",
            "TransactionalError", "DispatchError", "DispatchResult", "PerDispatchClass<Weight>", "ExtraFlags",
            "AccountData", "AccountInfo", "Phase", "EventRecord", "ConsensusEngineId", "DigestItem", "Digest",
            "BlakeTwo256", "Header", "Block", "OpaqueMetadata", "RuntimeVersion", "ExtrinsicInclusionMode",
            "RuntimeDispatchInfo", "InclusionFee", "FeeDetails", "TransactionSource", "ValidTransaction",
            "InvalidTransaction", "UnknownTransaction", "TransactionValidityError", "TransactionValidity",
            "Perbill", "Permill", "Percent", "Perquintill", "Bytes");

    private SubstrateTypes() {}

    /** Returns the id of the well-known type {@code name}, defining it on first use; empty if not well known. */
    static Optional<Integer> define(String name, TypeResolver r) {
        TypeRegistryBuilder b = r.builder();
        int id;
        switch (name) {
            case "AccountId32" -> id = wrapper(b, "sp_core::crypto::AccountId32", r.resolve("[u8; 32]"), "[u8; 32]");
            case "H256" -> id = wrapper(b, "primitive_types::H256", r.resolve("[u8; 32]"), "[u8; 32]");
            case "H160" -> id = wrapper(b, "primitive_types::H160", r.resolve("[u8; 20]"), "[u8; 20]");
            case "Bytes" -> id = r.resolve("Vec<u8>");
            case "ConsensusEngineId" -> id = r.resolve("[u8; 4]");
            case "MultiAddress" -> {
                int account = r.resolve("AccountId32");
                int index = r.resolve("u32");
                id = b.add(path("sp_runtime::multiaddress::MultiAddress"),
                        List.of(TypeParameter.of("AccountId", account), TypeParameter.of("AccountIndex", index)),
                        new TypeDef.Variant(List.of(
                                variant("Id", 0, TypeField.unnamed(account, "AccountId")),
                                variant("Index", 1, TypeField.unnamed(r.resolve("Compact<u32>"), "AccountIndex")),
                                variant("Raw", 2, TypeField.unnamed(r.resolve("Vec<u8>"), "Vec<u8>")),
                                variant("Address32", 3, TypeField.unnamed(r.resolve("[u8; 32]"), "[u8; 32]")),
                                variant("Address20", 4, TypeField.unnamed(r.resolve("[u8; 20]"), "[u8; 20]")))),
                        List.of());
            }
            case "MultiSignature" -> {
                int ed = wrapper(b, "sp_core::ed25519::Signature", r.resolve("[u8; 64]"), "[u8; 64]");
                int sr = wrapper(b, "sp_core::sr25519::Signature", r.resolve("[u8; 64]"), "[u8; 64]");
                int ec = wrapper(b, "sp_core::ecdsa::Signature", r.resolve("[u8; 65]"), "[u8; 65]");
                id = enumType(b, "sp_runtime::MultiSignature", List.of(
                        variant("Ed25519", 0, TypeField.unnamed(ed, "ed25519::Signature")),
                        variant("Sr25519", 1, TypeField.unnamed(sr, "sr25519::Signature")),
                        variant("Ecdsa", 2, TypeField.unnamed(ec, "ecdsa::Signature"))));
            }
            case "Era" -> {
                int u8 = r.resolve("u8");
                List<TypeVariant> variants = new ArrayList<>();
                variants.add(variant("Immortal", 0));
                for (int i = 1; i < 256; i++) {
                    variants.add(variant("Mortal" + i, i, TypeField.unnamed(u8, null)));
                }
                id = enumType(b, "sp_runtime::generic::era::Era", variants);
            }
            case "Weight" -> {
                int c = r.resolve("Compact<u64>");
                id = struct(b, "sp_weights::weight_v2::Weight", List.of(),
                        TypeField.named("ref_time", c, "u64"), TypeField.named("proof_size", c, "u64"));
            }
            case "DispatchClass" -> id = unitEnum(b, "frame_support::dispatch::DispatchClass", "Normal", "Operational", "Mandatory");
            case "Pays" -> id = unitEnum(b, "frame_support::dispatch::Pays", "Yes", "No");
            case "DispatchInfo" -> id = struct(b, "frame_support::dispatch::DispatchInfo", List.of(),
                    TypeField.named("weight", r.resolve("Weight"), "Weight"),
                    TypeField.named("class", r.resolve("DispatchClass"), "DispatchClass"),
                    TypeField.named("pays_fee", r.resolve("Pays"), "Pays"));
            case "ModuleError" -> id = struct(b, "sp_runtime::ModuleError", List.of(),
                    TypeField.named("index", r.resolve("u8"), "u8"),
                    TypeField.named("error", r.resolve("[u8; 4]"), "[u8; MAX_MODULE_ERROR_ENCODED_SIZE]"));
            case "TokenError" -> id = unitEnum(b, "sp_runtime::TokenError", "FundsUnavailable", "OnlyProvider",
                    "BelowMinimum", "CannotCreate", "UnknownAsset", "Frozen", "Unsupported", "CannotCreateHold",
                    "NotExpendable", "Blocked");
            case "ArithmeticError" -> id = unitEnum(b, "sp_arithmetic::ArithmeticError", "Underflow", "Overflow",
                    "DivisionByZero");
            case "TransactionalError" -> id = unitEnum(b, "sp_runtime::TransactionalError", "LimitReached", "NoLayer");
            case "DispatchError" -> id = enumType(b, "sp_runtime::DispatchError", List.of(
                    variant("Other", 0), variant("CannotLookup", 1), variant("BadOrigin", 2),
                    variant("Module", 3, TypeField.unnamed(r.resolve("ModuleError"), "ModuleError")),
                    variant("ConsumerRemaining", 4), variant("NoProviders", 5), variant("TooManyConsumers", 6),
                    variant("Token", 7, TypeField.unnamed(r.resolve("TokenError"), "TokenError")),
                    variant("Arithmetic", 8, TypeField.unnamed(r.resolve("ArithmeticError"), "ArithmeticError")),
                    variant("Transactional", 9, TypeField.unnamed(r.resolve("TransactionalError"), "TransactionalError")),
                    variant("Exhausted", 10), variant("Corruption", 11), variant("Unavailable", 12),
                    variant("RootNotAllowed", 13)));
            case "DispatchResult" -> id = r.resolve("Result<(), DispatchError>");
            case "PerDispatchClass<Weight>" -> {
                int w = r.resolve("Weight");
                id = struct(b, "frame_support::dispatch::PerDispatchClass", List.of(TypeParameter.of("T", w)),
                        TypeField.named("normal", w, "T"), TypeField.named("operational", w, "T"),
                        TypeField.named("mandatory", w, "T"));
            }
            case "ExtraFlags" -> id = wrapper(b, "pallet_balances::types::ExtraFlags", r.resolve("u128"), "u128");
            case "AccountData" -> {
                int u128 = r.resolve("u128");
                id = struct(b, "pallet_balances::types::AccountData", List.of(TypeParameter.of("Balance", u128)),
                        TypeField.named("free", u128, "Balance"), TypeField.named("reserved", u128, "Balance"),
                        TypeField.named("frozen", u128, "Balance"),
                        TypeField.named("flags", r.resolve("ExtraFlags"), "ExtraFlags"));
            }
            case "AccountInfo" -> {
                int u32 = r.resolve("u32");
                int data = r.resolve("AccountData");
                id = struct(b, "frame_system::AccountInfo",
                        List.of(TypeParameter.of("Nonce", u32), TypeParameter.of("AccountData", data)),
                        TypeField.named("nonce", u32, "Nonce"), TypeField.named("consumers", u32, "RefCount"),
                        TypeField.named("providers", u32, "RefCount"), TypeField.named("sufficients", u32, "RefCount"),
                        TypeField.named("data", data, "AccountData"));
            }
            case "Phase" -> id = enumType(b, "frame_system::Phase", List.of(
                    variant("ApplyExtrinsic", 0, TypeField.unnamed(r.resolve("u32"), "u32")),
                    variant("Finalization", 1), variant("Initialization", 2)));
            case "EventRecord" -> {
                int event = r.resolve("RuntimeEvent");
                int hash = r.resolve("H256");
                id = struct(b, "frame_system::EventRecord",
                        List.of(TypeParameter.of("E", event), TypeParameter.of("T", hash)),
                        TypeField.named("phase", r.resolve("Phase"), "Phase"), TypeField.named("event", event, "E"),
                        TypeField.named("topics", r.resolve("Vec<H256>"), "Vec<T>"));
            }
            case "DigestItem" -> {
                int engine = r.resolve("[u8; 4]");
                int bytes = r.resolve("Vec<u8>");
                id = enumType(b, "sp_runtime::generic::digest::DigestItem", List.of(
                        variant("PreRuntime", 6, TypeField.unnamed(engine, "ConsensusEngineId"), TypeField.unnamed(bytes, "Vec<u8>")),
                        variant("Consensus", 4, TypeField.unnamed(engine, "ConsensusEngineId"), TypeField.unnamed(bytes, "Vec<u8>")),
                        variant("Seal", 5, TypeField.unnamed(engine, "ConsensusEngineId"), TypeField.unnamed(bytes, "Vec<u8>")),
                        variant("Other", 0, TypeField.unnamed(bytes, "Vec<u8>")),
                        variant("RuntimeEnvironmentUpdated", 8)));
            }
            case "Digest" -> id = struct(b, "sp_runtime::generic::digest::Digest", List.of(),
                    TypeField.named("logs", r.resolve("Vec<DigestItem>"), "Vec<DigestItem>"));
            case "BlakeTwo256" -> id = struct(b, "sp_runtime::traits::BlakeTwo256", List.of());
            case "Header" -> {
                int u32 = r.resolve("u32");
                int hash = r.resolve("H256");
                id = struct(b, "sp_runtime::generic::header::Header",
                        List.of(TypeParameter.of("Number", u32), TypeParameter.of("Hash", r.resolve("BlakeTwo256"))),
                        TypeField.named("parent_hash", hash, "Hash::Output"),
                        TypeField.named("number", r.resolve("Compact<u32>"), "Number"),
                        TypeField.named("state_root", hash, "Hash::Output"),
                        TypeField.named("extrinsics_root", hash, "Hash::Output"),
                        TypeField.named("digest", r.resolve("Digest"), "Digest"));
            }
            case "Block" -> {
                int header = r.resolve("Header");
                int xt = r.resolve("UncheckedExtrinsic");
                id = struct(b, "sp_runtime::generic::block::Block",
                        List.of(TypeParameter.of("Header", header), TypeParameter.of("Extrinsic", xt)),
                        TypeField.named("header", header, "Header"),
                        TypeField.named("extrinsics", b.sequence(xt), "Vec<Extrinsic>"));
            }
            case "OpaqueMetadata" -> id = wrapper(b, "sp_core::OpaqueMetadata", r.resolve("Vec<u8>"), "Vec<u8>");
            case "RuntimeVersion" -> {
                int str = r.resolve("String");
                int u32 = r.resolve("u32");
                id = struct(b, "sp_version::RuntimeVersion", List.of(),
                        TypeField.named("spec_name", str, "Cow<'static, str>"),
                        TypeField.named("impl_name", str, "Cow<'static, str>"),
                        TypeField.named("authoring_version", u32, "u32"), TypeField.named("spec_version", u32, "u32"),
                        TypeField.named("impl_version", u32, "u32"),
                        TypeField.named("apis", r.resolve("Vec<([u8; 8], u32)>"), "ApisVec"),
                        TypeField.named("transaction_version", u32, "u32"),
                        TypeField.named("system_version", r.resolve("u8"), "u8"));
            }
            case "ExtrinsicInclusionMode" -> id = unitEnum(b, "sp_runtime::ExtrinsicInclusionMode", "AllExtrinsics",
                    "OnlyInherents");
            case "RuntimeDispatchInfo" -> {
                int u128 = r.resolve("u128");
                int w = r.resolve("Weight");
                id = struct(b, "pallet_transaction_payment::types::RuntimeDispatchInfo",
                        List.of(TypeParameter.of("Balance", u128), TypeParameter.of("Weight", w)),
                        TypeField.named("weight", w, "Weight"),
                        TypeField.named("class", r.resolve("DispatchClass"), "DispatchClass"),
                        TypeField.named("partial_fee", u128, "Balance"));
            }
            case "InclusionFee" -> {
                int u128 = r.resolve("u128");
                id = struct(b, "pallet_transaction_payment::types::InclusionFee", List.of(TypeParameter.of("Balance", u128)),
                        TypeField.named("base_fee", u128, "Balance"), TypeField.named("len_fee", u128, "Balance"),
                        TypeField.named("adjusted_weight_fee", u128, "Balance"));
            }
            case "FeeDetails" -> {
                int u128 = r.resolve("u128");
                id = struct(b, "pallet_transaction_payment::types::FeeDetails", List.of(TypeParameter.of("Balance", u128)),
                        TypeField.named("inclusion_fee", r.resolve("Option<InclusionFee>"), "Option<InclusionFee<Balance>>"),
                        TypeField.named("tip", u128, "Balance"));
            }
            case "TransactionSource" -> id = unitEnum(b, "sp_runtime::transaction_validity::TransactionSource",
                    "InBlock", "Local", "External");
            case "ValidTransaction" -> {
                int u64 = r.resolve("u64");
                int tags = r.resolve("Vec<Vec<u8>>");
                id = struct(b, "sp_runtime::transaction_validity::ValidTransaction", List.of(),
                        TypeField.named("priority", u64, "TransactionPriority"),
                        TypeField.named("requires", tags, "Vec<TransactionTag>"),
                        TypeField.named("provides", tags, "Vec<TransactionTag>"),
                        TypeField.named("longevity", u64, "TransactionLongevity"),
                        TypeField.named("propagate", r.resolve("bool"), "bool"));
            }
            case "InvalidTransaction" -> id = enumType(b, "sp_runtime::transaction_validity::InvalidTransaction", List.of(
                    variant("Call", 0), variant("Payment", 1), variant("Future", 2), variant("Stale", 3),
                    variant("BadProof", 4), variant("AncientBirthBlock", 5), variant("ExhaustsResources", 6),
                    variant("Custom", 7, TypeField.unnamed(r.resolve("u8"), "u8")), variant("BadMandatory", 8),
                    variant("MandatoryValidation", 9), variant("BadSigner", 10)));
            case "UnknownTransaction" -> id = enumType(b, "sp_runtime::transaction_validity::UnknownTransaction", List.of(
                    variant("CannotLookup", 0), variant("NoUnsignedValidator", 1),
                    variant("Custom", 2, TypeField.unnamed(r.resolve("u8"), "u8"))));
            case "TransactionValidityError" -> id = enumType(b,
                    "sp_runtime::transaction_validity::TransactionValidityError", List.of(
                    variant("Invalid", 0, TypeField.unnamed(r.resolve("InvalidTransaction"), "InvalidTransaction")),
                    variant("Unknown", 1, TypeField.unnamed(r.resolve("UnknownTransaction"), "UnknownTransaction"))));
            case "TransactionValidity" -> id = r.resolve("Result<ValidTransaction, TransactionValidityError>");
            case "Perbill" -> id = wrapper(b, "sp_arithmetic::per_things::Perbill", r.resolve("u32"), "u32");
            case "Permill" -> id = wrapper(b, "sp_arithmetic::per_things::Permill", r.resolve("u32"), "u32");
            case "Percent" -> id = wrapper(b, "sp_arithmetic::per_things::Percent", r.resolve("u8"), "u8");
            case "Perquintill" -> id = wrapper(b, "sp_arithmetic::per_things::Perquintill", r.resolve("u64"), "u64");
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(id);
    }

    static List<String> path(String rustPath) {
        return List.of(rustPath.split("::"));
    }

    static TypeVariant variant(String name, int index, TypeField... fields) {
        return new TypeVariant(name, List.of(fields), index, List.of());
    }

    static int wrapper(TypeRegistryBuilder b, String rustPath, int inner, String innerName) {
        return b.add(path(rustPath), List.of(), new TypeDef.Composite(List.of(TypeField.unnamed(inner, innerName))), List.of());
    }

    static int struct(TypeRegistryBuilder b, String rustPath, List<TypeParameter> params, TypeField... fields) {
        return b.add(path(rustPath), params, new TypeDef.Composite(List.of(fields)), List.of());
    }

    static int enumType(TypeRegistryBuilder b, String rustPath, List<TypeVariant> variants) {
        return b.add(path(rustPath), List.of(), new TypeDef.Variant(variants), List.of());
    }

    static int unitEnum(TypeRegistryBuilder b, String rustPath, String... names) {
        List<TypeVariant> variants = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            variants.add(variant(names[i], i));
        }
        return enumType(b, rustPath, variants);
    }
}
