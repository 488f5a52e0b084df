package io.zklayer.pallets.session;

import io.zklayer.pallets.balances.BalancesPallet;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.crypto.Ed25519PublicKey;
import io.zklayer.primitives.crypto.Ed25519Signature;
import io.zklayer.primitives.hashing.StorageHasher;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.runtime.RuntimeContext;
import io.zklayer.runtime.storage.StorageEntryDescriptor;
import io.zklayer.runtime.storage.StorageMap;
import io.zklayer.runtime.storage.StorageValue;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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

    private final BalancesPallet balances;
    private final SessionParameters params;

    ValidatorRegistry(BalancesPallet balances, SessionParameters params) {
        this.balances = balances;
        this.params = params;
    }

    static List<StorageEntryDescriptor> descriptors() {
        return List.of(REGISTRATIONS.descriptor(), KEY_OWNERS.descriptor(), PENDING.descriptor(), LEAVING.descriptor());
    }

    /** Returns the message a session key signs to prove it is held by {@code controller}. */
    static byte[] proofMessage(AccountId32 controller) {
        byte[] msg = new byte[PROOF_CONTEXT.length + AccountId32.LENGTH];
        System.arraycopy(PROOF_CONTEXT, 0, msg, 0, PROOF_CONTEXT.length);
        System.arraycopy(controller.bytes(), 0, msg, PROOF_CONTEXT.length, AccountId32.LENGTH);
        return msg;
    }

    /** Returns the size of the next epoch's set as it stands: current − leaving + pending. */
    static int nextSetSize(RuntimeContext ctx) {
        return SessionPallet.VALIDATORS.get(ctx.storage()).size() - LEAVING.get(ctx.storage()).size()
                + PENDING.get(ctx.storage()).size();
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
                || SessionPallet.VALIDATORS.get(ctx.storage()).contains(call.sessionKey())) {
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
                List<AccountId32> pending = new ArrayList<>(PENDING.get(ctx.storage()));
                pending.remove(who);
                PENDING.put(ctx.storage(), pending);
                REGISTRATIONS.remove(ctx.storage(), who);
                KEY_OWNERS.remove(ctx.storage(), reg.sessionKey());
                balances.unreserveNamed(ctx, RESERVE_ID, who, reg.bond());
                ctx.deposit(new SessionEvent.ValidatorUnregistered(who, reg.sessionKey(), epoch));
            }
            default -> {
                REGISTRATIONS.put(ctx.storage(), who, reg.with(ValidatorRegistration.Status.LEAVING, epoch));
                LEAVING.put(ctx.storage(), append(LEAVING.get(ctx.storage()), who));
                ctx.deposit(new SessionEvent.ValidatorUnregistered(who, reg.sessionKey(), Math.addExact(epoch, 1)));
            }
        }
    }

    /**
     * Fixes the set of epoch {@code newEpoch} in the last block of the epoch before: drops the leavers
     * (unreserving their bonds), appends the pending keys, and deposits {@code ValidatorSetChanged} when the
     * set changed.
     */
    void rotate(RuntimeContext ctx, long newEpoch) {
        List<AccountId32> leaving = LEAVING.get(ctx.storage());
        List<AccountId32> pending = PENDING.get(ctx.storage());
        if (leaving.isEmpty() && pending.isEmpty()) {
            return;
        }
        List<AccountId32> set = new ArrayList<>(SessionPallet.VALIDATORS.get(ctx.storage()));
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
        if (set.isEmpty()) {
            throw new IllegalStateException("the validator set of epoch " + newEpoch + " would be empty");
        }
        LEAVING.kill(ctx.storage());
        PENDING.kill(ctx.storage());
        SessionPallet.VALIDATORS.put(ctx.storage(), List.copyOf(set));
        ctx.deposit(new SessionEvent.ValidatorSetChanged(newEpoch, set));
    }

    private static List<AccountId32> append(List<AccountId32> list, AccountId32 who) {
        List<AccountId32> out = new ArrayList<>(list);
        out.add(who);
        return out;
    }
}
