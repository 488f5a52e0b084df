package io.zklayer.pallets.models;

import io.zklayer.pallets.balances.BalancesPallet;
import io.zklayer.pallets.verifier.ProofClaim;
import io.zklayer.pallets.verifier.ProofSource;
import io.zklayer.pallets.verifier.VerifierPallet;
import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.H256;
import io.zklayer.runtime.CallHandler;
import io.zklayer.runtime.Descriptors;
import io.zklayer.runtime.DispatchException;
import io.zklayer.runtime.DispatchInfo;
import io.zklayer.runtime.Origin;
import io.zklayer.runtime.PalletId;
import io.zklayer.runtime.Pallet;
import io.zklayer.runtime.PalletEvent;
import io.zklayer.runtime.RuntimeContext;
import io.zklayer.runtime.storage.StorageEntryDescriptor;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Models pallet: the registry of quantized ML models whose inferences the network serves and proves.
 *
 * <h2>Registration</h2>
 * {@code register_model(name, description, io, circuit, wasm_code, pricing)} stores a model version: its
 * input and output format, the Poseidon commitment to its (private) weights, the verifying key of its
 * circuit (registered in the verifier pallet, deposit-free), optional public Wasm code (checked against the
 * contract rules; public models may run on chain), its price per inference and compute units per inference.
 * It pays a non-zero registration fee ({@code RegistrationFee}, anti-spam) to the treasury account
 * ({@link PalletId#TREASURY}), where the pools pallet sends slashed bonds too; a fee below the existential
 * deposit while the treasury account does not exist yet is burned instead. Each registration gets a new id;
 * a name's first registration is version 1 and makes the signer its owner, who alone adds versions 2, 3, ….
 * {@code deprecate(model_id)} (owner only) stops new workloads and backtests; the record stays readable.
 *
 * <h2>Usage and proven accuracy</h2>
 * The inference pallet counts each verified inference through {@link #recordInference} (inferences,
 * distinct users, repeat users, last used block). {@code submit_backtest(model_id, cases)} takes up to
 * {@code MaxBacktestCases} labelled cases, each an input commitment, the claimed output and a Groth16
 * proof that the registered model (weight commitment, verifying key) computes that output on that input.
 * All proofs must verify (else {@code InvalidProof} and nothing changes but the fee); then each case counts
 * as correct when its output names the label's class, and {@code ProvenAccuracy} grows by (correct, cases).
 * Each input commitment counts once per model. What is proven is the model's output; the label is the
 * submitter's claim, recorded with the submitter in {@code Backtests} and the {@code BacktestRecorded}
 * event so that clients can judge the data set. The proofs are as sound as the key's setup: whoever knows
 * the circuit's phase-2 secret (the developer who made the keys) could forge them.
 */
public final class ModelsPallet implements Pallet, CallHandler<ModelsCall>, ProofSource<ModelsCall>, ModelLookup {
    /** Fixed pallet index. */
    public static final int INDEX = 6;
    /** Pallet name and storage prefix. */
    public static final String NAME = "Models";

    private static final Map<String, String> CALL_DOCS = Map.of(
            "register_model", "Register a model version (io, weight commitment, verifying key, optional public Wasm code, "
                    + "price, compute units); pays RegistrationFee to the treasury.",
            "deprecate", "Deprecate a model (owner only): no new workloads or backtests.",
            "submit_backtest", "Submit labelled cases with proofs of the model's outputs; updates its proven accuracy.");

    private final BalancesPallet balances;
    private final VerifierPallet verifier;
    private final ModelsParameters params;
    private final WasmCodeCheck codeCheck;
    private final Backtests backtests;

    /** Creates the pallet. */
    public ModelsPallet(BalancesPallet balances, VerifierPallet verifier, ModelsParameters params, WasmCodeCheck codeCheck) {
        this.balances = balances;
        this.verifier = verifier;
        this.params = params;
        this.codeCheck = codeCheck;
        this.backtests = new Backtests(verifier, params);
    }

    /** Returns the parameters. */
    public ModelsParameters parameters() {
        return params;
    }

    // ---- ModelLookup ----

    @Override
    public Optional<ModelInfo> model(RuntimeContext ctx, long modelId) {
        return ModelsStorage.MODELS.getOptional(ctx.storage(), modelId);
    }

    @Override
    public Optional<Long> modelId(RuntimeContext ctx, String name, Optional<Long> version) {
        if (version.isPresent()) {
            return ModelsStorage.VERSIONS.getOptional(ctx.storage(), name, version.get());
        }
        return ModelsStorage.NAMES.getOptional(ctx.storage(), name).map(ModelsStorage.NameInfo::latestId);
    }

    @Override
    public Optional<byte[]> wasmCode(RuntimeContext ctx, long modelId) {
        return ModelsStorage.MODEL_CODE.getOptional(ctx.storage(), modelId);
    }

    @Override
    public void recordInference(RuntimeContext ctx, long modelId, AccountId32 user) {
        if (!ModelsStorage.MODELS.contains(ctx.storage(), modelId)) {
            throw ModelsError.UNKNOWN_MODEL.fail();
        }
        long before = ModelsStorage.USER_INFERENCES.get(ctx.storage(), modelId, user);
        long after = u32(Math.addExact(before, 1));
        ModelsStorage.UsageStats u = ModelsStorage.USAGE.get(ctx.storage(), modelId);
        ModelsStorage.UsageStats next = new ModelsStorage.UsageStats(Math.addExact(u.inferences(), 1),
                u32(u.distinctUsers() + (before == 0 ? 1 : 0)), u32(u.repeatUsers() + (before == 1 ? 1 : 0)),
                Optional.of(ctx.blockNumber()));
        ModelsStorage.USER_INFERENCES.put(ctx.storage(), modelId, user, after);
        ModelsStorage.USAGE.put(ctx.storage(), modelId, next);
    }

    /** Returns the usage statistics of model {@code modelId} (zeros when unused or unknown). */
    public ModelsStorage.UsageStats usage(RuntimeContext ctx, long modelId) {
        return ModelsStorage.USAGE.get(ctx.storage(), modelId);
    }

    /** Returns the proven accuracy of model {@code modelId} (0 / 0 before any backtest). */
    public ModelsStorage.Accuracy accuracy(RuntimeContext ctx, long modelId) {
        return ModelsStorage.ACCURACY.get(ctx.storage(), modelId);
    }

    static long u32(long v) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new ArithmeticException("u32 overflow: " + v);
        }
        return v;
    }

    // ---- registration ----

    /**
     * Registers a model at genesis for {@code owner}: the same checks as {@code register_model}, no fee.
     *
     * @throws IllegalArgumentException naming the model and the rule it breaks
     */
    public long registerAtGenesis(RuntimeContext ctx, AccountId32 owner, ModelsCall.RegisterModel model) {
        try {
            return register(ctx, owner, model, BigInteger.ZERO);
        } catch (DispatchException e) {
            throw new IllegalArgumentException("genesis: model '" + model.name() + "' is refused: " + e.error().describe(), e);
        }
    }

    private long register(RuntimeContext ctx, AccountId32 who, ModelsCall.RegisterModel r, BigInteger fee) {
        long version = checkRegistration(ctx, who, r);
        verifier.checkKey(r.circuit().verifyingKey());
        // Writes: the fee first (it may fail for lack of funds), then the model.
        payFee(ctx, who, fee);
        long id = ModelsStorage.NEXT_MODEL_ID.get(ctx.storage());
        ModelsStorage.NEXT_MODEL_ID.put(ctx.storage(), u32(Math.addExact(id, 1)));
        H256 keyId = verifier.useKey(ctx, who, r.circuit().verifyingKey());
        Optional<byte[]> code = r.wasmCode();
        Optional<H256> codeHash = code.map(H256::blake2b256Of);
        ModelInfo info = new ModelInfo(who, r.name(), version, r.description(), r.io(), r.circuit().weightCommitment(),
                keyId, codeHash, r.pricing().pricePerInference(), r.pricing().computeUnits(), ctx.blockNumber(),
                Optional.empty());
        ModelsStorage.MODELS.put(ctx.storage(), id, info);
        code.ifPresent(c -> ModelsStorage.MODEL_CODE.put(ctx.storage(), id, c));
        ModelsStorage.NAMES.put(ctx.storage(), r.name(), new ModelsStorage.NameInfo(who, version, id));
        ModelsStorage.VERSIONS.put(ctx.storage(), r.name(), version, id);
        ctx.deposit(new ModelsEvent.ModelRegistered(id, who, r.name(), version, keyId, fee));
        return id;
    }

    /**
     * Moves the registration fee to the treasury, or burns it when the treasury account does not exist and
     * the fee is below the existential deposit (so it could not create it) — the rule the pools pallet
     * applies to slashed bonds.
     */
    private void payFee(RuntimeContext ctx, AccountId32 who, BigInteger fee) {
        if (fee.signum() == 0) {
            return;
        }
        AccountId32 treasury = PalletId.TREASURY.account();
        boolean treasuryExists = balances.free(ctx, treasury).add(balances.reserved(ctx, treasury)).signum() > 0;
        if (treasuryExists || fee.compareTo(balances.existentialDeposit()) >= 0) {
            balances.transfer(ctx, who, treasury, fee, true);
        } else {
            balances.withdraw(ctx, who, fee, true);
        }
    }

    /** Checks everything but the key's points and the fee; returns the version the registration gets. */
    private long checkRegistration(RuntimeContext ctx, AccountId32 who, ModelsCall.RegisterModel r) {
        if (!validName(r.name())) {
            throw ModelsError.INVALID_NAME.fail();
        }
        if (r.description().getBytes(StandardCharsets.UTF_8).length > params.maxDescriptionLength()) {
            throw ModelsError.DESCRIPTION_TOO_LONG.fail();
        }
        if (r.pricing().computeUnits() == 0) {
            throw ModelsError.ZERO_COMPUTE_UNITS.fail();
        }
        int expectedSignals = r.io().outputSignalCount() + 2;
        if (r.circuit().verifyingKey().publicCount() != expectedSignals) {
            throw ModelsError.KEY_SIGNAL_MISMATCH.fail();
        }
        Optional<byte[]> code = r.wasmCode();
        if (code.isPresent()) {
            if (code.get().length > params.maxCodeSize()) {
                throw ModelsError.CODE_TOO_LARGE.fail();
            }
            if (codeCheck.problem(code.get()).isPresent()) {
                throw ModelsError.INVALID_WASM_CODE.fail();
            }
        }
        Optional<ModelsStorage.NameInfo> existing = ModelsStorage.NAMES.getOptional(ctx.storage(), r.name());
        if (existing.isPresent() && !existing.get().owner().equals(who)) {
            throw ModelsError.NAME_TAKEN.fail();
        }
        return existing.map(n -> u32(Math.addExact(n.latestVersion(), 1))).orElse(1L);
    }

    /** Returns whether {@code name} is 1…MaxNameLength characters of a-z, 0-9, '-', '_', '.'. */
    private boolean validName(String name) {
        if (name.isEmpty() || name.length() > params.maxNameLength()) {
            return false;
        }
        return name.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                || c == '.');
    }

    private void deprecate(RuntimeContext ctx, AccountId32 who, long modelId) {
        ModelInfo info = model(ctx, modelId).orElseThrow(ModelsError.UNKNOWN_MODEL::fail);
        if (!info.owner().equals(who)) {
            throw ModelsError.NOT_OWNER.fail();
        }
        if (!info.active()) {
            throw ModelsError.MODEL_DEPRECATED.fail();
        }
        ModelsStorage.MODELS.put(ctx.storage(), modelId, info.deprecated(ctx.blockNumber()));
        ctx.deposit(new ModelsEvent.ModelDeprecated(modelId, who));
    }

    // ---- Pallet ----

    @Override
    public int index() {
        return INDEX;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<CallHandler<?>> calls() {
        return Optional.of(this);
    }

    @Override
    public Optional<ScaleCodec<? extends PalletEvent>> eventCodec() {
        return Optional.of(ModelsEvent.CODEC);
    }

    @Override
    public List<Descriptors.EventDescriptor> events() {
        return Descriptors.events(ModelsEvent.CODEC, ModelsEvent::docs);
    }

    @Override
    public List<Descriptors.ErrorDescriptor> errors() {
        return Pallet.describeErrors(ModelsError.class);
    }

    @Override
    public List<StorageEntryDescriptor> storage() {
        return ModelsStorage.descriptors();
    }

    @Override
    public List<Descriptors.ConstantDescriptor> constants() {
        return List.of(
                new Descriptors.ConstantDescriptor("RegistrationFee", "u128", ScaleCodecs.U128.encode(params.registrationFee()),
                        "Paid to the treasury per registered model version (anti-spam)."),
                constant("MaxNameLength", params.maxNameLength(), "The longest model name, in bytes."),
                constant("MaxDescriptionLength", params.maxDescriptionLength(), "The longest description, in bytes."),
                constant("MaxCodeSize", params.maxCodeSize(), "The largest public Wasm code, in bytes."),
                constant("MaxBacktestCases", params.maxBacktestCases(), "The most cases one backtest may carry."));
    }

    private static Descriptors.ConstantDescriptor constant(String name, int value, String docs) {
        return new Descriptors.ConstantDescriptor(name, "u32", ScaleCodecs.U32.encode((long) value), docs);
    }

    // ---- calls ----

    @Override
    public ScaleCodec<ModelsCall> codec() {
        return ModelsCall.CODEC;
    }

    @Override
    public List<Descriptors.CallDescriptor> describe() {
        return Descriptors.calls(ModelsCall.CODEC, CALL_DOCS::get);
    }

    @Override
    public DispatchInfo info(ModelsCall call) {
        return DispatchInfo.normal(ModelsWeights.of(call));
    }

    @Override
    public void dispatch(ModelsCall call, Origin origin, RuntimeContext ctx) {
        AccountId32 who = origin.ensureSigned();
        if (call instanceof ModelsCall.RegisterModel r) {
            register(ctx, who, r, params.registrationFee());
        } else if (call instanceof ModelsCall.Deprecate d) {
            deprecate(ctx, who, d.modelId());
        } else if (call instanceof ModelsCall.SubmitBacktest b) {
            backtests.submit(ctx, who, b.modelId(), b.cases());
        }
    }

    /**
     * Pool pre-check: a registration must pass every check but the fee (name, sizes, key points, Wasm code);
     * a backtest's cases must all be well-formed, new and proven (the valid proofs are remembered, so the
     * block does not verify them again).
     */
    @Override
    public String preValidate(ModelsCall call, AccountId32 signer, RuntimeContext ctx) {
        if (call instanceof ModelsCall.RegisterModel r) {
            checkRegistration(ctx, signer, r);
            verifier.checkKey(r.circuit().verifyingKey());
        } else if (call instanceof ModelsCall.SubmitBacktest b) {
            backtests.check(ctx, b.modelId(), b.cases());
        }
        return null;
    }

    @Override
    public List<ProofClaim> proofClaims(ModelsCall call, RuntimeContext ctx) {
        if (call instanceof ModelsCall.SubmitBacktest b) {
            return backtests.claims(ctx, b.modelId(), b.cases());
        }
        return List.of();
    }
}
