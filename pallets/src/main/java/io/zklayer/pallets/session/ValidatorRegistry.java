package io.zklayer.pallets.session;

import io.zklayer.pallets.balances.BalancesPallet;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.crypto.Ed25519PublicKey;
import io.zklayer.primitives.crypto.Ed25519Signature;
import io.zklayer.primitives.hashing.StorageHasher;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.runtime.PalletId;
import io.zklayer.runtime.Permill;
import io.zklayer.runtime.RuntimeContext;
import io.zklayer.runtime.storage.StorageEntryDescriptor;
import io.zklayer.runtime.storage.StorageMap;
import io.zklayer.runtime.storage.StorageValue;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Validator registration (issue #9.1): accounts register session keys with a bond; the set changes only
 * at epoch boundaries.
 *
 * <ul>
 *   <li>{@code register_validator(session_key, bond, proof)} in epoch e: the bond is reserved (named reserve
 *       {@code "zksessn "}) and the key joins the set at the change to epoch e + 1. The set of epoch e + 1
 *       (active, not leaving, plus pending) may not exceed {@code MaxValidators}.</li>
 *   <li>{@code unregister()} in epoch e: an active validator leaves the set at the change to e + 1, when its
 *       bond is unreserved; a registration still pending is withdrawn at once with its bond.</li>
 *   <li>In the last block of epoch e ({@link #rotate}): leavers are dropped, pending keys are appended in
 *       registration order, and {@code Session.Validators} becomes the set of epoch e + 1; the first block of
 *       e + 1 announces it in a Consensus digest (written by the block author from this storage).</li>
 * </ul>
 * Genesis validators have no registration and stay in the set, so it is never empty.
 *
 * <p>Offences ({@link #punish}, called by the Offences pallet): a registered validator loses a share of its bond
 * and leaves at the next epoch change (a pending one is withdrawn at once); a genesis validator, which has no
 * bond, is suspended: left out of the next epoch's set and put back into the one after
 * ({@code SuspendedValidators}). A suspension never empties a set: when every remaining validator would be
 * suspended, they stay in for that epoch.
 */
final class ValidatorRegistry {
    /** The named reserve holding validator bonds. */
    static final byte[] RESERVE_ID = "zksessn ".getBytes(StandardCharsets.US_ASCII);
    /** The context the ownership proof signs: {@code "zklayer:session-key" ‖ controller}. */
    static final byte[] PROOF_CONTEXT = "zklayer:session-key".getBytes(StandardCharsets.US_ASCII);

    /** Controller → its validator. */
    static final StorageMap<AccountId32, ValidatorRegistration> REGISTRATIONS = new StorageMap<>(SessionPallet.NAME,
            "Registrations", StorageHasher.BLAKE2_128_CONCAT, AccountId32.CODEC, ValidatorRegistration.CODEC, null,
            "Registered validators by the account that bonded them: session key, bond, status.");

    /** Session key → controller. */
    static final StorageMap<AccountId32, AccountId32> KEY_OWNERS = new StorageMap<>(SessionPallet.NAME, "KeyOwners",
            StorageHasher.BLAKE2_128_CONCAT, AccountId32.CODEC, AccountId32.CODEC, null,
            "The account that registered each session key.");

    /** Controllers whose validators join at the next epoch change, in registration order. */
    static final StorageValue<List<AccountId32>> PENDING = new StorageValue<>(SessionPallet.NAME, "PendingValidators",
            ScaleCodecs.vec(AccountId32.CODEC), List.of(), "Controllers whose validators join at the next epoch change.");

    /** Controllers whose validators leave at the next epoch change. */
    static final StorageValue<List<AccountId32>> LEAVING = new StorageValue<>(SessionPallet.NAME, "LeavingValidators",
            ScaleCodecs.vec(AccountId32.CODEC), List.of(), "Controllers whose validators leave at the next epoch change.");

    /** Genesis validators kept out of the set until an epoch, after an offence. */
    static final StorageValue<List<ValidatorSuspension>> SUSPENDED = new StorageValue<>(SessionPallet.NAME,
            "SuspendedValidators", ScaleCodecs.vec(ValidatorSuspension.CODEC), List.of(),
            "Genesis validators left out of the sets fixed before an epoch, after an offence, and when they return.");

    private final BalancesPallet balances;
    private final SessionParameters params;

    ValidatorRegistry(BalancesPallet balances, SessionParameters params) {
        this.balances = balances;
        this.params = params;
    }

    static List<StorageEntryDescriptor> descriptors() {
        return List.of(REGISTRATIONS.descriptor(), KEY_OWNERS.descriptor(), PENDING.descriptor(), LEAVING.descriptor(),
                SUSPENDED.descriptor());
    }

    /** Returns the message a session key signs to prove it is held by {@code controller}. */
    static byte[] proofMessage(AccountId32 controller) {
        byte[] msg = new byte[PROOF_CONTEXT.length + AccountId32.LENGTH];
        System.arraycopy(PROOF_CONTEXT, 0, msg, 0, PROOF_CONTEXT.length);
        System.arraycopy(controller.bytes(), 0, msg, PROOF_CONTEXT.length, AccountId32.LENGTH);
        return msg;
    }

    /**
     * Returns the largest the next epoch's set can be as it stands: current − leaving + pending + suspended
     * (a suspended validator counts as if it were back).
     */
    static int nextSetSize(RuntimeContext ctx) {
        List<AccountId32> current = SessionPallet.VALIDATORS.get(ctx.storage());
        int away = (int) SUSPENDED.get(ctx.storage()).stream().filter(s -> !current.contains(s.sessionKey())).count();
        return current.size() - LEAVING.get(ctx.storage()).size() + PENDING.get(ctx.storage()).size() + away;
    }

    private static boolean suspended(RuntimeContext ctx, AccountId32 key) {
        return SUSPENDED.get(ctx.storage()).stream().anyMatch(s -> s.sessionKey().equals(key));
    }

    void register(RuntimeContext ctx, AccountId32 who, SessionCall.RegisterValidator call) {
        if (call.bond().compareTo(params.minValidatorBond()) < 0) {
            throw SessionError.BOND_TOO_LOW.fail();
        }
        if (!Ed25519PublicKey.of(call.sessionKey().bytes()).verify(proofMessage(who), Ed25519Signature.of(call.proof()))) {
            throw SessionError.INVALID_KEY_PROOF.fail();
        }
        if (REGISTRATIONS.contains(ctx.storage(), who)) {
            throw SessionError.ALREADY_REGISTERED.fail();
        }
        if (KEY_OWNERS.contains(ctx.storage(), call.sessionKey())
                || SessionPallet.VALIDATORS.get(ctx.storage()).contains(call.sessionKey())
                || suspended(ctx, call.sessionKey())) {
            throw SessionError.KEY_IN_USE.fail();
        }
        if (nextSetSize(ctx) >= params.maxValidators()) {
            throw SessionError.TOO_MANY_VALIDATORS.fail();
        }
        balances.reserveNamed(ctx, RESERVE_ID, who, call.bond());
        long epoch = SessionPallet.currentEpoch(ctx.storage());
        REGISTRATIONS.put(ctx.storage(), who, new ValidatorRegistration(call.sessionKey(), call.bond(),
                ValidatorRegistration.Status.PENDING, epoch));
        KEY_OWNERS.put(ctx.storage(), call.sessionKey(), who);
        PENDING.put(ctx.storage(), append(PENDING.get(ctx.storage()), who));
        ctx.deposit(new SessionEvent.ValidatorRegistered(who, call.sessionKey(), call.bond(), Math.addExact(epoch, 1)));
    }

    void unregister(RuntimeContext ctx, AccountId32 who) {
        ValidatorRegistration reg = REGISTRATIONS.getOptional(ctx.storage(), who)
                .orElseThrow(SessionError.NOT_REGISTERED::fail);
        long epoch = SessionPallet.currentEpoch(ctx.storage());
        switch (reg.status()) {
            case LEAVING -> throw SessionError.ALREADY_LEAVING.fail();
            case PENDING -> {
                withdrawPending(ctx, who, reg);
                ctx.deposit(new SessionEvent.ValidatorUnregistered(who, reg.sessionKey(), epoch));
            }
            default -> {
                markLeaving(ctx, who, reg, epoch);
                ctx.deposit(new SessionEvent.ValidatorUnregistered(who, reg.sessionKey(), Math.addExact(epoch, 1)));
            }
        }
    }

    private void withdrawPending(RuntimeContext ctx, AccountId32 controller, ValidatorRegistration reg) {
        List<AccountId32> pending = new ArrayList<>(PENDING.get(ctx.storage()));
        pending.remove(controller);
        PENDING.put(ctx.storage(), pending);
        REGISTRATIONS.remove(ctx.storage(), controller);
        KEY_OWNERS.remove(ctx.storage(), reg.sessionKey());
        balances.unreserveNamed(ctx, RESERVE_ID, controller, reg.bond());
    }

    private static void markLeaving(RuntimeContext ctx, AccountId32 controller, ValidatorRegistration reg, long epoch) {
        REGISTRATIONS.put(ctx.storage(), controller, reg.with(ValidatorRegistration.Status.LEAVING, epoch));
        LEAVING.put(ctx.storage(), append(LEAVING.get(ctx.storage()), controller));
    }

    /**
     * Punishes the validator with {@code sessionKey} for an offence: slashes {@code share} of its bond ({@code
     * reporterShare} of that to {@code reporter}, unless the reporter is the offender's key or controller; the rest
     * to the treasury, or burned when the treasury account does not exist and the rest is below the existential
     * deposit) and takes it out of the next epoch's set (see the class comment). Deposits no events: the caller
     * reports what happened.
     */
    ValidatorPenalty punish(RuntimeContext ctx, AccountId32 sessionKey, Permill share, AccountId32 reporter,
                            Permill reporterShare) {
        long epoch = SessionPallet.currentEpoch(ctx.storage());
        long next = Math.addExact(epoch, 1);
        java.util.Optional<AccountId32> owner = KEY_OWNERS.getOptional(ctx.storage(), sessionKey);
        if (owner.isEmpty()) {
            return suspend(ctx, sessionKey, epoch);
        }
        AccountId32 controller = owner.get();
        ValidatorRegistration reg = REGISTRATIONS.getOptional(ctx.storage(), controller).orElseThrow(() ->
                new IllegalStateException("state corrupt: session key " + sessionKey + " is owned by " + controller
                        + ", which has no registration"));
        BigInteger slashed = share.of(reg.bond());
        BigInteger reward = reporter.equals(controller) || reporter.equals(sessionKey) ? BigInteger.ZERO
                : reporterShare.of(slashed);
        if (reward.signum() > 0 && total(ctx, reporter).signum() == 0
                && reward.compareTo(balances.existentialDeposit()) < 0) {
            reward = BigInteger.ZERO; // would not create the reporter's account; it goes with the rest
        }
        BigInteger rest = slashed.subtract(reward);
        AccountId32 treasury = PalletId.TREASURY.account();
        boolean toTreasury = total(ctx, treasury).signum() > 0 || rest.compareTo(balances.existentialDeposit()) >= 0;
        if (reward.signum() > 0) {
            balances.repatriateReservedNamed(ctx, RESERVE_ID, controller, reporter, reward);
        }
        if (rest.signum() > 0) {
            if (toTreasury) {
                balances.repatriateReservedNamed(ctx, RESERVE_ID, controller, treasury, rest);
            } else {
                balances.slashReservedNamed(ctx, RESERVE_ID, controller, rest);
            }
        }
        ValidatorRegistration left = new ValidatorRegistration(reg.sessionKey(), reg.bond().subtract(slashed),
                reg.status(), reg.since());
        REGISTRATIONS.put(ctx.storage(), controller, left);
        ValidatorPenalty.Removal removal;
        switch (reg.status()) {
            case ACTIVE -> {
                markLeaving(ctx, controller, left, epoch);
                removal = ValidatorPenalty.Removal.LEAVES;
            }
            case PENDING -> {
                withdrawPending(ctx, controller, left);
                removal = ValidatorPenalty.Removal.WITHDRAWN;
            }
            default -> removal = ValidatorPenalty.Removal.ALREADY_LEAVING;
        }
        return new ValidatorPenalty(controller, slashed, reward, toTreasury, removal, next, OptionalLong.empty());
    }

    /** Suspends a genesis validator (no bond) from the next epoch's set, or extends its suspension. */
    private static ValidatorPenalty suspend(RuntimeContext ctx, AccountId32 sessionKey, long epoch) {
        long next = Math.addExact(epoch, 1);
        long returnsAt = Math.addExact(epoch, 2);
        List<ValidatorSuspension> suspensions = new ArrayList<>(SUSPENDED.get(ctx.storage()));
        int i = 0;
        while (i < suspensions.size() && !suspensions.get(i).sessionKey().equals(sessionKey)) {
            i++;
        }
        if (i == suspensions.size() && !SessionPallet.VALIDATORS.get(ctx.storage()).contains(sessionKey)) {
            return new ValidatorPenalty(null, BigInteger.ZERO, BigInteger.ZERO, false,
                    ValidatorPenalty.Removal.NOT_A_VALIDATOR, next, OptionalLong.empty());
        }
        if (i == suspensions.size()) {
            suspensions.add(new ValidatorSuspension(sessionKey, returnsAt));
        } else {
            returnsAt = Math.max(returnsAt, suspensions.get(i).returnsAt());
            suspensions.set(i, new ValidatorSuspension(sessionKey, returnsAt));
        }
        SUSPENDED.put(ctx.storage(), suspensions);
        return new ValidatorPenalty(null, BigInteger.ZERO, BigInteger.ZERO, false, ValidatorPenalty.Removal.SUSPENDED,
                next, OptionalLong.of(returnsAt));
    }

    private BigInteger total(RuntimeContext ctx, AccountId32 who) {
        return balances.free(ctx, who).add(balances.reserved(ctx, who));
    }

    /**
     * Fixes the set of epoch {@code newEpoch} in the last block of the epoch before: drops the leavers
     * (unreserving their bonds), appends the pending keys, puts back the suspended validators whose suspension
     * ends with {@code newEpoch} and leaves out the others (unless that would empty the set), and deposits
     * {@code ValidatorSetChanged} when the set changed.
     */
    void rotate(RuntimeContext ctx, long newEpoch) {
        List<AccountId32> leaving = LEAVING.get(ctx.storage());
        List<AccountId32> pending = PENDING.get(ctx.storage());
        List<ValidatorSuspension> suspensions = SUSPENDED.get(ctx.storage());
        if (leaving.isEmpty() && pending.isEmpty() && suspensions.isEmpty()) {
            return;
        }
        List<AccountId32> before = SessionPallet.VALIDATORS.get(ctx.storage());
        List<AccountId32> set = new ArrayList<>(before);
        for (AccountId32 controller : leaving) {
            ValidatorRegistration reg = REGISTRATIONS.getOptional(ctx.storage(), controller).orElseThrow(() ->
                    new IllegalStateException("state corrupt: leaving validator " + controller + " has no registration"));
            set.remove(reg.sessionKey());
            REGISTRATIONS.remove(ctx.storage(), controller);
            KEY_OWNERS.remove(ctx.storage(), reg.sessionKey());
            balances.unreserveNamed(ctx, RESERVE_ID, controller, reg.bond());
        }
        for (AccountId32 controller : pending) {
            ValidatorRegistration reg = REGISTRATIONS.getOptional(ctx.storage(), controller).orElseThrow(() ->
                    new IllegalStateException("state corrupt: pending validator " + controller + " has no registration"));
            set.add(reg.sessionKey());
            REGISTRATIONS.put(ctx.storage(), controller, reg.with(ValidatorRegistration.Status.ACTIVE, newEpoch));
        }
        List<ValidatorSuspension> still = new ArrayList<>();
        for (ValidatorSuspension s : suspensions) {
            if (newEpoch >= s.returnsAt()) {
                if (!set.contains(s.sessionKey())) {
                    set.add(s.sessionKey());
                }
            } else {
                still.add(s);
            }
        }
        List<AccountId32> without = new ArrayList<>(set);
        still.forEach(s -> without.remove(s.sessionKey()));
        if (!without.isEmpty()) {
            set = without;
        }
        if (set.isEmpty()) {
            throw new IllegalStateException("the validator set of epoch " + newEpoch + " would be empty");
        }
        LEAVING.kill(ctx.storage());
        PENDING.kill(ctx.storage());
        if (still.isEmpty()) {
            SUSPENDED.kill(ctx.storage());
        } else {
            SUSPENDED.put(ctx.storage(), still);
        }
        if (!set.equals(before)) {
            SessionPallet.VALIDATORS.put(ctx.storage(), List.copyOf(set));
            ctx.deposit(new SessionEvent.ValidatorSetChanged(newEpoch, set));
        }
    }

    private static List<AccountId32> append(List<AccountId32> list, AccountId32 who) {
        List<AccountId32> out = new ArrayList<>(list);
        out.add(who);
        return out;
    }
}
