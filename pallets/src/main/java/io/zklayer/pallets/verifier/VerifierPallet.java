package io.zklayer.pallets.verifier;

import io.zklayer.pallets.balances.BalancesPallet;
import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.H256;
import io.zklayer.runtime.CallHandler;
import io.zklayer.runtime.Descriptors;
import io.zklayer.runtime.DispatchInfo;
import io.zklayer.runtime.Origin;
import io.zklayer.runtime.Pallet;
import io.zklayer.runtime.PalletEvent;
import io.zklayer.runtime.RuntimeContext;
import io.zklayer.runtime.storage.StorageEntryDescriptor;
import io.zklayer.zk.ZkFormatException;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.groth16.Groth16Verifier;
import io.zklayer.zk.groth16.PreparedVerifyingKey;
import io.zklayer.zk.groth16.Proof;
import io.zklayer.zk.groth16.VerificationResult;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Verifier pallet: Groth16 (BN254) verifying keys stored on chain and proofs checked natively by
 * every validator, for any circuit — a circom/snarkjs circuit registered from its
 * {@code verification_key.json} ({@link EncodedVerifyingKey#fromSnarkjsJson}) as well as the model
 * circuits of the {@code models} pallet.
 *
 * <h2>Calls</h2>
 * <ul>
 *   <li>{@code register_key(key)}: stores a key under its id (blake2b-256 of its SCALE bytes) and reserves
 *       a deposit of {@code KeyDepositBase + KeyDepositPerByte × length} from the signer until
 *       {@code remove_key}.</li>
 *   <li>{@code verify(key_id, proof, public_signals)}: checks a 256-byte proof; emits
 *       {@code ProofVerified} or fails with {@code UnknownKey}, {@code MalformedProof},
 *       {@code PublicSignalCount} or {@code InvalidProof} (the fee is kept).</li>
 *   <li>{@code remove_key(key_id)}: the owner removes an unused key and gets the deposit back.</li>
 * </ul>
 *
 * <h2>Native verification for other pallets</h2>
 * {@link #verify(RuntimeContext, H256, byte[], List)} (a registered key) and
 * {@link #verify(EncodedVerifyingKey, byte[], List)} (any key) return a typed {@link ProofOutcome}; the
 * {@code inference} and {@code models} pallets call them. {@link #useKey} registers a model's key without a
 * deposit (the model's registration fee covers it) and counts the model as a user of the key.
 *
 * <h2>Where proofs are checked</h2>
 * <ol>
 *   <li><b>Transaction pool</b>: {@link #preValidate} verifies the proof of a {@code verify} call (and
 *       checks the points of a {@code register_key} key), so junk never enters a block; pallets whose calls
 *       carry proofs do the same through this pallet's native API.</li>
 *   <li><b>Block import</b>: before executing a block the importer calls {@link BlockProofBatch#preverify},
 *       which collects every proof the block's calls will check ({@link ProofSource}) and verifies them as
 *       one randomized batch (randomness = blake2b-256 of the parent hash and the extrinsics' hashes).</li>
 *   <li><b>Execution</b>: the native verification consults the {@link VerifiedProofMemo} first; a proof
 *       found valid in the pool or the batch is not paired again. Only valid results are remembered, so
 *       the outcome of execution never depends on what a node's memo holds.</li>
 * </ol>
 * Prepared keys (e(α, β) and the G2 line tables) are cached by key id in a bounded {@link PreparedKeyCache}.
 */
public final class VerifierPallet implements Pallet, CallHandler<VerifierCall>, ProofSource<VerifierCall> {
    /** Fixed pallet index. */
    public static final int INDEX = 9;
    /** Pallet name and storage prefix. */
    public static final String NAME = "Verifier";
    /** The named reserve holding key deposits. */
    public static final byte[] RESERVE_ID = "zkverify".getBytes(StandardCharsets.US_ASCII);

    private static final Map<String, String> CALL_DOCS = Map.of(
            "register_key", "Register a Groth16 verifying key; reserves KeyDepositBase + KeyDepositPerByte x length.",
            "verify", "Verify a 256-byte Groth16 proof against a registered key and public signals; emits ProofVerified.",
            "remove_key", "Remove a key the signer registered and no model uses; returns the deposit.");

    private final BalancesPallet balances;
    private final VerifierParameters params;
    private final PreparedKeyCache preparedKeys;
    private final VerifiedProofMemo memo;

    /** Creates the pallet; its caches live as long as this runtime instance. */
    public VerifierPallet(BalancesPallet balances, VerifierParameters params) {
        this.balances = balances;
        this.params = params;
        this.preparedKeys = new PreparedKeyCache(params.preparedKeyCacheSize());
        this.memo = new VerifiedProofMemo(params.verifiedProofMemoSize());
    }

    /** Returns the parameters. */
    public VerifierParameters parameters() {
        return params;
    }

    /** Returns the cache of prepared keys. */
    public PreparedKeyCache preparedKeys() {
        return preparedKeys;
    }

    /** Returns the memo of verified proofs. */
    public VerifiedProofMemo memo() {
        return memo;
    }

    // ---- native API for other pallets ----

    /** Returns what the chain knows of key {@code keyId}, if registered. */
    public Optional<VerifierStorage.KeyInfo> keyInfo(RuntimeContext ctx, H256 keyId) {
        return VerifierStorage.KEYS.getOptional(ctx.storage(), keyId);
    }

    /** Returns the bytes of key {@code keyId}, if registered. */
    public Optional<EncodedVerifyingKey> key(RuntimeContext ctx, H256 keyId) {
        return VerifierStorage.KEY_BYTES.getOptional(ctx.storage(), keyId);
    }

    /** Returns the prepared form of registered key {@code keyId} (from the cache when possible). */
    public Optional<PreparedVerifyingKey> prepared(RuntimeContext ctx, H256 keyId) {
        if (!VerifierStorage.KEYS.contains(ctx.storage(), keyId)) {
            return Optional.empty();
        }
        return Optional.of(preparedKeys.get(keyId, () -> prepareStored(ctx, keyId)));
    }

    private static PreparedVerifyingKey prepareStored(RuntimeContext ctx, H256 keyId) {
        EncodedVerifyingKey stored = VerifierStorage.KEY_BYTES.getOptional(ctx.storage(), keyId).orElseThrow(() ->
                new IllegalStateException("state corrupt: Verifier.Keys has " + keyId + " but Verifier.KeyBytes does not"));
        try {
            return PreparedVerifyingKey.of(stored.toVerifyingKey());
        } catch (ZkFormatException e) {
            throw new IllegalStateException("state corrupt: stored key " + keyId + " does not decode: " + e.getMessage(), e);
        }
    }

    /**
     * Verifies {@code proof} (256 bytes) for {@code signals} under the registered key {@code keyId}.
     * Reads the key from state (so a key unknown on this fork is {@code UNKNOWN_KEY}); writes nothing.
     */
    public ProofOutcome verify(RuntimeContext ctx, H256 keyId, byte[] proof, List<Fr> signals) {
        Optional<PreparedVerifyingKey> key = prepared(ctx, keyId);
        if (key.isEmpty()) {
            return new ProofOutcome.Rejected(ProofOutcome.Reason.UNKNOWN_KEY, "verifier: no key " + keyId + " is registered");
        }
        return verifyPrepared(keyId, key.get(), proof, signals);
    }

    /**
     * Verifies {@code proof} for {@code signals} under {@code key}, registered or not (the key is prepared
     * once and cached by its id).
     *
     * @throws IllegalArgumentException if the key's points are invalid (check keys when they are accepted)
     */
    public ProofOutcome verify(EncodedVerifyingKey key, byte[] proof, List<Fr> signals) {
        H256 keyId = key.keyId();
        PreparedVerifyingKey prepared = preparedKeys.get(keyId, () -> PreparedVerifyingKey.of(key.toVerifyingKey()));
        return verifyPrepared(keyId, prepared, proof, signals);
    }

    private ProofOutcome verifyPrepared(H256 keyId, PreparedVerifyingKey key, byte[] proof, List<Fr> signals) {
        int expected = key.key().publicCount();
        if (signals.size() != expected) {
            return new ProofOutcome.Rejected(ProofOutcome.Reason.PUBLIC_SIGNAL_COUNT,
                    "verifier: key " + keyId + " takes " + expected + " public signals, got " + signals.size());
        }
        H256 digest = VerifiedProofMemo.digest(keyId, proof, signals);
        if (memo.known(digest)) {
            return new ProofOutcome.Verified(keyId);
        }
        Proof decoded;
        try {
            decoded = Proof.fromBytes(proof);
        } catch (ZkFormatException e) {
            return new ProofOutcome.Rejected(ProofOutcome.Reason.MALFORMED_PROOF, "verifier: " + e.getMessage());
        }
        VerificationResult result = Groth16Verifier.verify(key, decoded, signals);
        if (result instanceof VerificationResult.Invalid invalid) {
            return new ProofOutcome.Rejected(ProofOutcome.Reason.INVALID_PROOF, "verifier: " + invalid.detail());
        }
        memo.remember(digest);
        return new ProofOutcome.Verified(keyId);
    }

    /**
     * Registers {@code key} for a model of {@code owner} if it is new (no deposit), and counts one more
     * user of it; returns its id. Emits {@code KeyRegistered} for a new key.
     *
     * @throws io.zklayer.runtime.DispatchException {@code MalformedKey} if the key's points are invalid
     */
    public H256 useKey(RuntimeContext ctx, AccountId32 owner, EncodedVerifyingKey key) {
        H256 id = key.keyId();
        Optional<VerifierStorage.KeyInfo> existing = VerifierStorage.KEYS.getOptional(ctx.storage(), id);
        if (existing.isPresent()) {
            VerifierStorage.KeyInfo info = existing.get();
            VerifierStorage.KEYS.put(ctx.storage(), id, info.withConsumers(Math.addExact(info.consumers(), 1)));
            return id;
        }
        checkKey(key);
        store(ctx, id, key, new VerifierStorage.KeyInfo(owner, BigInteger.ZERO, 1, key.publicCount(), ctx.blockNumber()));
        return id;
    }

    /**
     * Checks the key's points (see {@link EncodedVerifyingKey#toVerifyingKey()}).
     *
     * @throws io.zklayer.runtime.DispatchException {@code MalformedKey} if they are invalid
     */
    public void checkKey(EncodedVerifyingKey key) {
        try {
            key.toVerifyingKey();
        } catch (ZkFormatException e) {
            throw VerifierError.MALFORMED_KEY.fail();
        }
    }

    private static void store(RuntimeContext ctx, H256 id, EncodedVerifyingKey key, VerifierStorage.KeyInfo info) {
        VerifierStorage.KEYS.put(ctx.storage(), id, info);
        VerifierStorage.KEY_BYTES.put(ctx.storage(), id, key);
        ctx.deposit(new VerifierEvent.KeyRegistered(id, info.owner(), info.publicInputs(), info.deposit()));
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
        return Optional.of(VerifierEvent.CODEC);
    }

    @Override
    public List<Descriptors.EventDescriptor> events() {
        return Descriptors.events(VerifierEvent.CODEC, VerifierEvent::docs);
    }

    @Override
    public List<Descriptors.ErrorDescriptor> errors() {
        return Pallet.describeErrors(VerifierError.class);
    }

    @Override
    public List<StorageEntryDescriptor> storage() {
        return VerifierStorage.descriptors();
    }

    @Override
    public List<Descriptors.ConstantDescriptor> constants() {
        return List.of(
                new Descriptors.ConstantDescriptor("KeyDepositBase", "u128", ScaleCodecs.U128.encode(params.keyDepositBase()),
                        "Deposit reserved per registered verifying key."),
                new Descriptors.ConstantDescriptor("KeyDepositPerByte", "u128",
                        ScaleCodecs.U128.encode(params.keyDepositPerByte()), "Deposit reserved per byte of a key."),
                new Descriptors.ConstantDescriptor("MaxPublicInputs", "u32",
                        ScaleCodecs.U32.encode((long) EncodedVerifyingKey.MAX_PUBLIC_INPUTS),
                        "The most public signals a registered key may have."),
                new Descriptors.ConstantDescriptor("ProofLength", "u32", ScaleCodecs.U32.encode((long) Proof.ENCODED_LENGTH),
                        "Bytes of an on-chain proof: A (G1) || B (G2) || C (G1), uncompressed, big-endian."));
    }

    // ---- calls ----

    @Override
    public ScaleCodec<VerifierCall> codec() {
        return VerifierCall.CODEC;
    }

    @Override
    public List<Descriptors.CallDescriptor> describe() {
        return Descriptors.calls(VerifierCall.CODEC, CALL_DOCS::get);
    }

    @Override
    public DispatchInfo info(VerifierCall call) {
        return DispatchInfo.normal(VerifierWeights.of(call));
    }

    @Override
    public void dispatch(VerifierCall call, Origin origin, RuntimeContext ctx) {
        AccountId32 who = origin.ensureSigned();
        if (call instanceof VerifierCall.RegisterKey r) {
            registerKey(ctx, who, r.key());
        } else if (call instanceof VerifierCall.Verify v) {
            verify(ctx, v.keyId(), v.proof(), v.publicSignals()).orFail();
            ctx.deposit(new VerifierEvent.ProofVerified(who, v.keyId(), v.publicSignals()));
        } else if (call instanceof VerifierCall.RemoveKey r) {
            removeKey(ctx, who, r.keyId());
        }
    }

    private void registerKey(RuntimeContext ctx, AccountId32 who, EncodedVerifyingKey key) {
        H256 id = key.keyId();
        if (VerifierStorage.KEYS.contains(ctx.storage(), id)) {
            throw VerifierError.KEY_ALREADY_REGISTERED.fail();
        }
        checkKey(key);
        BigInteger deposit = params.depositFor(key.length());
        balances.reserveNamed(ctx, RESERVE_ID, who, deposit);
        store(ctx, id, key, new VerifierStorage.KeyInfo(who, deposit, 0, key.publicCount(), ctx.blockNumber()));
    }

    private void removeKey(RuntimeContext ctx, AccountId32 who, H256 id) {
        VerifierStorage.KeyInfo info = VerifierStorage.KEYS.getOptional(ctx.storage(), id)
                .orElseThrow(VerifierError.UNKNOWN_KEY::fail);
        if (!info.owner().equals(who)) {
            throw VerifierError.NOT_KEY_OWNER.fail();
        }
        if (info.consumers() > 0) {
            throw VerifierError.KEY_IN_USE.fail();
        }
        VerifierStorage.KEYS.remove(ctx.storage(), id);
        VerifierStorage.KEY_BYTES.remove(ctx.storage(), id);
        BigInteger returned = balances.unreserveNamed(ctx, RESERVE_ID, who, info.deposit());
        ctx.deposit(new VerifierEvent.KeyRemoved(id, who, returned));
    }

    /**
     * Pool pre-check: a {@code verify} call's proof must verify (the valid result is remembered, so the
     * block that includes it does not pair it again); a {@code register_key} key must be new and valid.
     */
    @Override
    public String preValidate(VerifierCall call, AccountId32 signer, RuntimeContext ctx) {
        if (call instanceof VerifierCall.Verify v) {
            ProofOutcome outcome = verify(ctx, v.keyId(), v.proof(), v.publicSignals());
            return outcome instanceof ProofOutcome.Rejected r ? "Verifier.verify: " + r.detail() : null;
        }
        if (call instanceof VerifierCall.RegisterKey r) {
            if (VerifierStorage.KEYS.contains(ctx.storage(), r.key().keyId())) {
                return "Verifier.register_key: key " + r.key().keyId() + " is already registered";
            }
            try {
                r.key().toVerifyingKey();
            } catch (ZkFormatException e) {
                return "Verifier.register_key: " + e.getMessage();
            }
        }
        return null;
    }

    @Override
    public List<ProofClaim> proofClaims(VerifierCall call, RuntimeContext ctx) {
        if (call instanceof VerifierCall.Verify v) {
            return List.of(new ProofClaim(v.keyId(), v.proof(), v.publicSignals()));
        }
        return List.of();
    }
}
