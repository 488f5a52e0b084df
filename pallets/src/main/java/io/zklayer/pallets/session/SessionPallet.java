package io.zklayer.pallets.session;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.hashing.Hashing;
import io.zklayer.primitives.trie.TrieState;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.H256;
import io.zklayer.runtime.CallHandler;
import io.zklayer.runtime.Descriptors;
import io.zklayer.runtime.DispatchInfo;
import io.zklayer.runtime.Origin;
import io.zklayer.runtime.EpochSchedule;
import io.zklayer.runtime.Pallet;
import io.zklayer.runtime.PalletEvent;
import io.zklayer.runtime.RuntimeContext;
import io.zklayer.runtime.storage.StorageEntryDescriptor;
import io.zklayer.runtime.storage.StorageValue;
import java.util.List;
import java.util.Optional;

/**
 * The Session pallet: the validator set that authors and finalizes blocks, and the epoch
 * bookkeeping every pallet shares, read from state by consensus. Validators are identified by their
 * ed25519 public keys (as accounts). The genesis set and the epoch length come from the chain spec.
 *
 * <p>Epochs are counted in blocks ({@link EpochSchedule}): {@code EpochLength} is written once at
 * genesis, {@code CurrentEpoch} is the epoch of the blocks being built, and
 * {@code EpochRandomness} is the chain-derived randomness of the current epoch. In the last block of
 * epoch {@code e} this pallet's {@link #onEpochChange} stores {@code e + 1} and the randomness
 * {@code blake2b-256(previous randomness ‖ parent hash of that block)} (zero at genesis), and
 * deposits {@link SessionEvent.NewEpoch}.
 *
 * <p>Validators join and leave at epoch boundaries ({@link ValidatorRegistry}): {@code register_validator}
 * bonds a session key that joins the set at the next epoch change, {@code unregister} takes it out at the
 * next one, and the set of epoch e + 1 is fixed in the last block of epoch e, never larger than
 * {@code MaxValidators}. A validator proven to have equivocated is punished through {@link #punish}
 * (called by the Offences pallet).
 */
public final class SessionPallet implements Pallet, CallHandler<SessionCall> {
    /** Fixed pallet index. */
    public static final int INDEX = 2;
    /** Pallet name and storage prefix. */
    public static final String NAME = "Session";

    /** The current validator set, in authoring order. */
    public static final StorageValue<List<AccountId32>> VALIDATORS = new StorageValue<>(NAME, "Validators",
            ScaleCodecs.vec(AccountId32.CODEC), List.of(), "The current set of validators.");

    /** The epoch length in blocks, set at genesis; no default, a missing value is corrupt state. */
    public static final StorageValue<Long> EPOCH_LENGTH = new StorageValue<>(NAME, "EpochLength", ScaleCodecs.U64,
            null, "The epoch length in blocks (block n >= 1 is in epoch (n - 1) / EpochLength), set at genesis.");

    /** The epoch of the blocks being built. */
    public static final StorageValue<Long> CURRENT_EPOCH = new StorageValue<>(NAME, "CurrentEpoch", ScaleCodecs.U64,
            0L, "The index of the current epoch; it changes in the last block of each epoch.");

    /** The randomness of the current epoch. */
    public static final StorageValue<H256> EPOCH_RANDOMNESS = new StorageValue<>(NAME, "EpochRandomness", H256.CODEC,
            H256.ZERO, "The current epoch's randomness: blake2b-256(previous randomness ++ parent hash of the "
                    + "epoch's last block before it); zero in epoch 0.");

    private static final java.util.Map<String, String> CALL_DOCS = java.util.Map.of(
            "register_validator", "Bond a session key (with the key's signature of \"zklayer:session-key\" ++ signer) "
                    + "as a validator from the next epoch.",
            "unregister", "Leave the validator set at the next epoch change, which unreserves the bond.");

    private final SessionParameters params;
    private final ValidatorRegistry registry;

    /** Creates the pallet; validator bonds are reserved through {@code balances}. */
    public SessionPallet(io.zklayer.pallets.balances.BalancesPallet balances, SessionParameters params) {
        this.params = params;
        this.registry = new ValidatorRegistry(balances, params);
    }

    /** Returns the parameters of validator registration. */
    public SessionParameters parameters() {
        return params;
    }

    /** Returns the validator registered by {@code controller}, if any (genesis validators have none). */
    public static Optional<ValidatorRegistration> registration(TrieState state, AccountId32 controller) {
        return ValidatorRegistry.REGISTRATIONS.getOptional(state, controller);
    }

    /** Returns the message a session key signs to prove {@code controller} holds it (the registration proof). */
    public static byte[] keyProofMessage(AccountId32 controller) {
        return ValidatorRegistry.proofMessage(controller);
    }

    /**
     * Punishes the validator with {@code sessionKey} for an offence the caller has proven: a registered validator
     * loses {@code share} of its bond ({@code reporterShare} of the slashed amount to {@code reporter}, the rest to
     * the treasury) and leaves the set at the next epoch change; a genesis validator, which has no bond, is left
     * out of the next epoch's set and returns in the one after. Deposits no events; the result says what happened.
     */
    public ValidatorPenalty punish(RuntimeContext ctx, AccountId32 sessionKey, io.zklayer.runtime.Permill share,
                                   AccountId32 reporter, io.zklayer.runtime.Permill reporterShare) {
        return registry.punish(ctx, sessionKey, share, reporter, reporterShare);
    }

    /** Returns the genesis validators suspended after an offence, with the epoch each returns in. */
    public static List<ValidatorSuspension> suspensions(TrieState state) {
        return ValidatorRegistry.SUSPENDED.get(state);
    }

    /** Returns the current validators. */
    public List<AccountId32> validators(RuntimeContext ctx) {
        return VALIDATORS.get(ctx.storage());
    }

    /**
     * Returns the epoch schedule stored at genesis.
     *
     * @throws IllegalStateException when the state has no {@code Session.EpochLength} (corrupt state)
     */
    public static EpochSchedule epochSchedule(TrieState state) {
        return findEpochSchedule(state).orElseThrow(() -> new IllegalStateException(
                "state corrupt: Session.EpochLength is missing; genesis must set it"));
    }

    /** Returns the epoch schedule, or empty when the state has none (a state not built by this runtime). */
    public static Optional<EpochSchedule> findEpochSchedule(TrieState state) {
        return EPOCH_LENGTH.getOptional(state).map(EpochSchedule::new);
    }

    /** Returns the current epoch index. */
    public static long currentEpoch(TrieState state) {
        return CURRENT_EPOCH.get(state);
    }

    /** Returns the current epoch's randomness. */
    public static H256 epochRandomness(TrieState state) {
        return EPOCH_RANDOMNESS.get(state);
    }

    /** Sets the validator set at genesis; it must be non-empty and free of duplicates. */
    public void setValidatorsAtGenesis(RuntimeContext ctx, List<AccountId32> validators) {
        if (validators.isEmpty()) {
            throw new IllegalArgumentException("the genesis validator set is empty");
        }
        if (validators.stream().distinct().count() != validators.size()) {
            throw new IllegalArgumentException("the genesis validator set lists a validator twice");
        }
        VALIDATORS.put(ctx.storage(), List.copyOf(validators));
    }

    /**
     * Sets the epoch length at genesis, with epoch 0 and zero randomness.
     *
     * @throws IllegalArgumentException when the length is outside 1…{@link EpochSchedule#MAX_LENGTH}
     */
    public void setEpochLengthAtGenesis(RuntimeContext ctx, long epochLength) {
        new EpochSchedule(epochLength);
        EPOCH_LENGTH.put(ctx.storage(), epochLength);
        CURRENT_EPOCH.put(ctx.storage(), 0L);
        EPOCH_RANDOMNESS.put(ctx.storage(), H256.ZERO);
    }

    /** Returns the randomness of the epoch after one with {@code previous}, in a block on {@code parentHash}. */
    public static H256 nextRandomness(H256 previous, H256 parentHash) {
        byte[] input = new byte[2 * H256.LENGTH];
        System.arraycopy(previous.bytes(), 0, input, 0, H256.LENGTH);
        System.arraycopy(parentHash.bytes(), 0, input, H256.LENGTH, H256.LENGTH);
        return H256.of(Hashing.blake2b256(input));
    }

    @Override
    public void onEpochChange(RuntimeContext ctx, long newEpoch) {
        H256 randomness = nextRandomness(EPOCH_RANDOMNESS.get(ctx.storage()), ctx.parentHash());
        CURRENT_EPOCH.put(ctx.storage(), newEpoch);
        EPOCH_RANDOMNESS.put(ctx.storage(), randomness);
        ctx.deposit(new SessionEvent.NewEpoch(newEpoch, randomness));
        registry.rotate(ctx, newEpoch);
    }

    @Override
    public int index() {
        return INDEX;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<ScaleCodec<? extends PalletEvent>> eventCodec() {
        return Optional.of(SessionEvent.CODEC);
    }

    @Override
    public List<Descriptors.EventDescriptor> events() {
        return Descriptors.events(SessionEvent.CODEC, SessionEvent::docs);
    }

    @Override
    public List<Descriptors.ErrorDescriptor> errors() {
        return Pallet.describeErrors(SessionError.class);
    }

    @Override
    public List<StorageEntryDescriptor> storage() {
        List<StorageEntryDescriptor> out = new java.util.ArrayList<>(List.of(VALIDATORS.descriptor(),
                EPOCH_LENGTH.descriptor(), CURRENT_EPOCH.descriptor(), EPOCH_RANDOMNESS.descriptor()));
        out.addAll(ValidatorRegistry.descriptors());
        return out;
    }

    @Override
    public List<Descriptors.ConstantDescriptor> constants() {
        return List.of(
                new Descriptors.ConstantDescriptor("MaxValidators", "u32", ScaleCodecs.U32.encode((long) params.maxValidators()),
                        "The largest validator set."),
                new Descriptors.ConstantDescriptor("MinValidatorBond", "u128",
                        ScaleCodecs.U128.encode(params.minValidatorBond()), "The smallest bond of a registered validator."));
    }

    @Override
    public Optional<CallHandler<?>> calls() {
        return Optional.of(this);
    }

    @Override
    public ScaleCodec<SessionCall> codec() {
        return SessionCall.CODEC;
    }

    @Override
    public List<Descriptors.CallDescriptor> describe() {
        return Descriptors.calls(SessionCall.CODEC, CALL_DOCS::get);
    }

    @Override
    public DispatchInfo info(SessionCall call) {
        return DispatchInfo.normal(call instanceof SessionCall.RegisterValidator ? REGISTER_WEIGHT : UNREGISTER_WEIGHT);
    }

    /** {@code register_validator}: a signature check, four reads, four writes, the reserve, the event. */
    static final long REGISTER_WEIGHT = 1_000_000_000L;
    /** {@code unregister}: two reads, two writes, the event. */
    static final long UNREGISTER_WEIGHT = 500_000_000L;

    @Override
    public void dispatch(SessionCall call, Origin origin, RuntimeContext ctx) {
        AccountId32 who = origin.ensureSigned();
        if (call instanceof SessionCall.RegisterValidator r) {
            registry.register(ctx, who, r);
        } else if (call instanceof SessionCall.Unregister) {
            registry.unregister(ctx, who);
        }
    }
}
