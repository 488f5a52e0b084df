package io.zklayer.pallets.balances;

import io.zklayer.pallets.system.AccountInfo;
import io.zklayer.pallets.system.SystemPallet;
import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.MultiAddress;
import io.zklayer.runtime.BalanceMath;
import io.zklayer.runtime.CallHandler;
import io.zklayer.runtime.Descriptors;
import io.zklayer.runtime.DispatchError;
import io.zklayer.runtime.DispatchException;
import io.zklayer.runtime.DispatchInfo;
import io.zklayer.runtime.Origin;
import io.zklayer.runtime.Pallet;
import io.zklayer.runtime.PalletEvent;
import io.zklayer.runtime.RuntimeContext;
import io.zklayer.runtime.storage.StorageEntryDescriptor;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Balances pallet: free, reserved and frozen balances kept in {@code System.Account}, the
 * existential deposit, transfers, and the reserve and lock primitives other pallets build bonds
 * and escrow on.
 *
 * <p>An account exists while its total balance is at least the existential deposit (ED). A transfer
 * that would leave the sender below ED either reaps it, losing the dust
 * ({@code transfer_allow_death}), or fails with {@code Token.NotExpendable}
 * ({@code transfer_keep_alive}, or when the account has consumers such as a bond). A transfer that
 * would create an account with less than ED fails with {@code Token.BelowMinimum}.
 */
public final class BalancesPallet implements Pallet, CallHandler<BalancesCall> {
    /** Fixed pallet index. */
    public static final int INDEX = 3;
    /** Pallet name and storage prefix. */
    public static final String NAME = "Balances";

    private static final Map<String, String> CALL_DOCS = Map.of(
            "transfer_allow_death", "Transfer some liquid free balance to another account; the sender may be reaped.",
            "force_transfer", "Exactly as transfer_allow_death, except the origin must be root and the source is given.",
            "transfer_keep_alive", "Same as transfer_allow_death, but fails rather than reap the sender.",
            "transfer_all", "Transfer the entire transferable balance from the caller account.",
            "force_set_balance", "Set the regular balance of a given account (root only).");

    private final SystemPallet system;
    private final BigInteger existentialDeposit;

    /** Creates the pallet with the chain's existential deposit. */
    public BalancesPallet(SystemPallet system, BigInteger existentialDeposit) {
        if (existentialDeposit.signum() <= 0) {
            throw new IllegalArgumentException("the existential deposit must be positive");
        }
        this.system = system;
        this.existentialDeposit = existentialDeposit;
    }

    /** Returns the existential deposit. */
    public BigInteger existentialDeposit() {
        return existentialDeposit;
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
    public Optional<CallHandler<?>> calls() {
        return Optional.of(this);
    }

    @Override
    public Optional<ScaleCodec<? extends PalletEvent>> eventCodec() {
        return Optional.of(BalancesEvent.CODEC);
    }

    @Override
    public List<Descriptors.EventDescriptor> events() {
        return Descriptors.events(BalancesEvent.CODEC, name -> "Balances event " + name + ".");
    }

    @Override
    public List<Descriptors.ErrorDescriptor> errors() {
        return Pallet.describeErrors(BalancesError.class);
    }

    @Override
    public List<StorageEntryDescriptor> storage() {
        return BalancesStorage.descriptors();
    }

    @Override
    public List<Descriptors.ConstantDescriptor> constants() {
        return List.of(new Descriptors.ConstantDescriptor("ExistentialDeposit", "u128",
                ScaleCodecs.U128.encode(existentialDeposit), "The minimum amount required to keep an account open."));
    }

    @Override
    public ScaleCodec<BalancesCall> codec() {
        return BalancesCall.CODEC;
    }

    @Override
    public List<Descriptors.CallDescriptor> describe() {
        return Descriptors.calls(BalancesCall.CODEC, CALL_DOCS::get);
    }

    @Override
    public DispatchInfo info(BalancesCall call) {
        return DispatchInfo.normal(BalancesWeights.of(call));
    }

    @Override
    public void dispatch(BalancesCall call, Origin origin, RuntimeContext ctx) {
        if (call instanceof BalancesCall.TransferAllowDeath t) {
            transfer(ctx, origin.ensureSigned(), lookup(t.dest()), t.value(), false);
        } else if (call instanceof BalancesCall.TransferKeepAlive t) {
            transfer(ctx, origin.ensureSigned(), lookup(t.dest()), t.value(), true);
        } else if (call instanceof BalancesCall.TransferAll t) {
            AccountId32 from = origin.ensureSigned();
            BigInteger amount = transferable(ctx, from, t.keepAlive());
            transfer(ctx, from, lookup(t.dest()), amount, t.keepAlive());
        } else if (call instanceof BalancesCall.ForceTransfer t) {
            origin.ensureRoot();
            transfer(ctx, lookup(t.source()), lookup(t.dest()), t.value(), false);
        } else if (call instanceof BalancesCall.ForceSetBalance s) {
            origin.ensureRoot();
            forceSetBalance(ctx, lookup(s.who()), s.newFree());
        }
    }

    /** Resolves an address to an account: only {@code MultiAddress::Id} is supported. */
    public static AccountId32 lookup(MultiAddress address) {
        if (address instanceof MultiAddress.Id id) {
            return id.account();
        }
        throw new DispatchException(new DispatchError.CannotLookup());
    }

    // ---- the fungible API other pallets use ----

    /** Returns the free balance. */
    public BigInteger free(RuntimeContext ctx, AccountId32 who) {
        return system.account(ctx.storage(), who).data().free();
    }

    /** Returns the reserved balance. */
    public BigInteger reserved(RuntimeContext ctx, AccountId32 who) {
        return system.account(ctx.storage(), who).data().reserved();
    }

    /** Returns what {@code who} can spend: free minus frozen, minus ED when it must stay alive. */
    public BigInteger transferable(RuntimeContext ctx, AccountId32 who, boolean keepAlive) {
        AccountInfo info = system.account(ctx.storage(), who);
        BigInteger spendable = info.data().free().subtract(info.data().frozen()).max(BigInteger.ZERO);
        boolean mustStay = keepAlive || info.consumers() > 0;
        if (mustStay) {
            BigInteger untouchable = existentialDeposit.subtract(info.data().reserved()).max(BigInteger.ZERO)
                    .max(info.data().frozen());
            spendable = info.data().free().subtract(untouchable).max(BigInteger.ZERO);
        }
        return spendable;
    }

    /** Moves {@code amount} of free balance from {@code from} to {@code to}. */
    public void transfer(RuntimeContext ctx, AccountId32 from, AccountId32 to, BigInteger amount, boolean keepAlive) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("negative transfer");
        }
        if (from.equals(to) || amount.signum() == 0) {
            return;
        }
        AccountInfo src = system.account(ctx.storage(), from);
        checkCanWithdraw(src, amount, keepAlive);
        AccountInfo dst = system.account(ctx.storage(), to);
        BigInteger newDest = BalanceMath.add(dst.data().free(), amount);
        if (dst.data().total().signum() == 0 && newDest.compareTo(existentialDeposit) < 0) {
            throw new DispatchException(new DispatchError.Token(DispatchError.TokenError.BELOW_MINIMUM));
        }
        writeFree(ctx, from, src.data().free().subtract(amount));
        writeFree(ctx, to, newDest);
        ctx.deposit(new BalancesEvent.Transfer(from, to, amount));
    }

    /** Removes {@code amount} from free balance (fees); the total issuance drops by it. */
    public void withdraw(RuntimeContext ctx, AccountId32 who, BigInteger amount, boolean keepAlive) {
        if (amount.signum() == 0) {
            return;
        }
        AccountInfo info = system.account(ctx.storage(), who);
        checkCanWithdraw(info, amount, keepAlive);
        writeFree(ctx, who, info.data().free().subtract(amount));
        BalancesStorage.TOTAL_ISSUANCE.put(ctx.storage(),
                BalanceMath.sub(BalancesStorage.TOTAL_ISSUANCE.get(ctx.storage()), amount));
        ctx.deposit(new BalancesEvent.Withdraw(who, amount));
    }

    /** Adds {@code amount} to free balance (payouts, refunds); the total issuance grows by it. */
    public void deposit(RuntimeContext ctx, AccountId32 who, BigInteger amount) {
        if (amount.signum() == 0) {
            return;
        }
        AccountInfo info = system.account(ctx.storage(), who);
        BigInteger newFree = BalanceMath.add(info.data().free(), amount);
        if (info.data().total().signum() == 0 && newFree.compareTo(existentialDeposit) < 0) {
            throw new DispatchException(new DispatchError.Token(DispatchError.TokenError.BELOW_MINIMUM));
        }
        BalancesStorage.TOTAL_ISSUANCE.put(ctx.storage(),
                BalanceMath.add(BalancesStorage.TOTAL_ISSUANCE.get(ctx.storage()), amount));
        writeFree(ctx, who, newFree);
        ctx.deposit(new BalancesEvent.Deposit(who, amount));
    }

    /** Moves {@code amount} from free to the named reserve {@code id}; the account gains a consumer. */
    public void reserveNamed(RuntimeContext ctx, byte[] id, AccountId32 who, BigInteger amount) {
        if (amount.signum() <= 0) {
            return;
        }
        AccountInfo info = system.account(ctx.storage(), who);
        BigInteger free = info.data().free();
        if (free.subtract(info.data().frozen()).compareTo(amount) < 0) {
            throw BalancesError.INSUFFICIENT_BALANCE.fail();
        }
        List<BalancesStorage.NamedAmount> reserves = new ArrayList<>(BalancesStorage.RESERVES.get(ctx.storage(), who));
        int i = indexOf(reserves, id);
        if (i < 0) {
            if (reserves.size() >= 16) {
                throw BalancesError.TOO_MANY_RESERVES.fail();
            }
            reserves.add(new BalancesStorage.NamedAmount(id, amount));
        } else {
            reserves.set(i, new BalancesStorage.NamedAmount(id, BalanceMath.add(reserves.get(i).amount(), amount)));
        }
        BalancesStorage.RESERVES.put(ctx.storage(), who, reserves);
        AccountInfo.AccountData d = info.data();
        AccountInfo updated = info.withData(new AccountInfo.AccountData(free.subtract(amount),
                BalanceMath.add(d.reserved(), amount), d.frozen(), d.flags()));
        if (d.reserved().signum() == 0) {
            updated = updated.withRefs(Math.addExact(updated.consumers(), 1), updated.providers());
        }
        system.putAccount(ctx, who, updated);
        ctx.deposit(new BalancesEvent.Reserved(who, amount));
    }

    /** Returns the amount held in the named reserve {@code id}. */
    public BigInteger reservedNamed(RuntimeContext ctx, byte[] id, AccountId32 who) {
        List<BalancesStorage.NamedAmount> reserves = BalancesStorage.RESERVES.get(ctx.storage(), who);
        int i = indexOf(reserves, id);
        return i < 0 ? BigInteger.ZERO : reserves.get(i).amount();
    }

    /** Moves up to {@code amount} from the named reserve back to free; returns what was moved. */
    public BigInteger unreserveNamed(RuntimeContext ctx, byte[] id, AccountId32 who, BigInteger amount) {
        BigInteger taken = takeNamed(ctx, id, who, amount);
        if (taken.signum() > 0) {
            AccountInfo info = system.account(ctx.storage(), who);
            AccountInfo.AccountData d = info.data();
            writeData(ctx, who, info, new AccountInfo.AccountData(BalanceMath.add(d.free(), taken),
                    d.reserved().subtract(taken), d.frozen(), d.flags()));
            ctx.deposit(new BalancesEvent.Unreserved(who, taken));
        }
        return taken;
    }

    /** Destroys up to {@code amount} of the named reserve (a penalty); returns what was slashed. */
    public BigInteger slashReservedNamed(RuntimeContext ctx, byte[] id, AccountId32 who, BigInteger amount) {
        BigInteger taken = takeNamed(ctx, id, who, amount);
        if (taken.signum() > 0) {
            AccountInfo info = system.account(ctx.storage(), who);
            AccountInfo.AccountData d = info.data();
            writeData(ctx, who, info, new AccountInfo.AccountData(d.free(), d.reserved().subtract(taken), d.frozen(),
                    d.flags()));
            BalancesStorage.TOTAL_ISSUANCE.put(ctx.storage(),
                    BalanceMath.sub(BalancesStorage.TOTAL_ISSUANCE.get(ctx.storage()), taken));
            ctx.deposit(new BalancesEvent.Slashed(who, taken));
        }
        return taken;
    }

    /**
     * Moves up to {@code amount} of {@code from}'s named reserve to {@code to}'s free balance (escrow
     * payouts); returns what was moved.
     */
    public BigInteger repatriateReservedNamed(RuntimeContext ctx, byte[] id, AccountId32 from, AccountId32 to,
                                              BigInteger amount) {
        BigInteger taken = takeNamed(ctx, id, from, amount);
        if (taken.signum() > 0) {
            AccountInfo info = system.account(ctx.storage(), from);
            AccountInfo.AccountData d = info.data();
            writeData(ctx, from, info, new AccountInfo.AccountData(d.free(), d.reserved().subtract(taken), d.frozen(),
                    d.flags()));
            AccountInfo dst = system.account(ctx.storage(), to);
            BigInteger newFree = BalanceMath.add(dst.data().free(), taken);
            if (dst.data().total().signum() == 0 && newFree.compareTo(existentialDeposit) < 0) {
                throw new DispatchException(new DispatchError.Token(DispatchError.TokenError.BELOW_MINIMUM));
            }
            writeFree(ctx, to, newFree);
            ctx.deposit(new BalancesEvent.Transfer(from, to, taken));
        }
        return taken;
    }

    /** Sets lock {@code id} on {@code who} to {@code amount} (replacing it); frozen = largest lock. */
    public void setLock(RuntimeContext ctx, byte[] id, AccountId32 who, BigInteger amount) {
        List<BalancesStorage.NamedAmount> locks = new ArrayList<>(BalancesStorage.LOCKS.get(ctx.storage(), who));
        int i = indexOf(locks, id);
        BalancesStorage.NamedAmount lock = new BalancesStorage.NamedAmount(id, amount);
        if (i < 0) {
            locks.add(lock);
        } else {
            locks.set(i, lock);
        }
        storeLocks(ctx, who, locks);
        ctx.deposit(new BalancesEvent.Locked(who, amount));
    }

    /** Removes lock {@code id} from {@code who}. */
    public void removeLock(RuntimeContext ctx, byte[] id, AccountId32 who) {
        List<BalancesStorage.NamedAmount> locks = new ArrayList<>(BalancesStorage.LOCKS.get(ctx.storage(), who));
        int i = indexOf(locks, id);
        if (i >= 0) {
            BigInteger amount = locks.remove(i).amount();
            storeLocks(ctx, who, locks);
            ctx.deposit(new BalancesEvent.Unlocked(who, amount));
        }
    }

    /** Creates or tops up an account at genesis (no events). */
    public void endowAtGenesis(RuntimeContext ctx, AccountId32 who, BigInteger amount) {
        if (amount.compareTo(existentialDeposit) < 0) {
            throw new IllegalArgumentException("genesis balance of " + who + " is below the existential deposit");
        }
        AccountInfo info = system.account(ctx.storage(), who);
        AccountInfo.AccountData d = info.data();
        BigInteger newFree = BalanceMath.add(d.free(), amount);
        AccountInfo updated = info.withData(new AccountInfo.AccountData(newFree, d.reserved(), d.frozen(), d.flags()));
        if (info.providers() == 0) {
            updated = updated.withRefs(updated.consumers(), 1);
        }
        io.zklayer.pallets.system.SystemStorage.ACCOUNT.put(ctx.storage(), who, updated);
        BalancesStorage.TOTAL_ISSUANCE.put(ctx.storage(),
                BalanceMath.add(BalancesStorage.TOTAL_ISSUANCE.get(ctx.storage()), amount));
    }

    private void forceSetBalance(RuntimeContext ctx, AccountId32 who, BigInteger newFree) {
        AccountInfo info = system.account(ctx.storage(), who);
        BigInteger old = info.data().free();
        BigInteger effective = newFree.compareTo(existentialDeposit) < 0 && info.data().reserved().signum() == 0
                ? BigInteger.ZERO : newFree;
        BigInteger issuance = BalancesStorage.TOTAL_ISSUANCE.get(ctx.storage());
        BalancesStorage.TOTAL_ISSUANCE.put(ctx.storage(), BalanceMath.add(BalanceMath.sub(issuance, old.min(issuance)),
                effective));
        writeFree(ctx, who, effective);
        ctx.deposit(new BalancesEvent.BalanceSet(who, effective));
    }

    private void checkCanWithdraw(AccountInfo info, BigInteger amount, boolean keepAlive) {
        AccountInfo.AccountData d = info.data();
        if (d.free().compareTo(amount) < 0) {
            throw new DispatchException(new DispatchError.Token(DispatchError.TokenError.FUNDS_UNAVAILABLE));
        }
        BigInteger after = d.free().subtract(amount);
        if (after.compareTo(d.frozen()) < 0) {
            throw new DispatchException(new DispatchError.Token(DispatchError.TokenError.FROZEN));
        }
        boolean dies = after.add(d.reserved()).compareTo(existentialDeposit) < 0;
        if (dies && (keepAlive || info.consumers() > 0)) {
            throw new DispatchException(new DispatchError.Token(DispatchError.TokenError.NOT_EXPENDABLE));
        }
    }

    /** Writes a new free balance, creating the account or reaping it (losing dust) as the rules say. */
    private void writeFree(RuntimeContext ctx, AccountId32 who, BigInteger newFree) {
        AccountInfo info = system.account(ctx.storage(), who);
        AccountInfo.AccountData d = info.data();
        writeData(ctx, who, info, new AccountInfo.AccountData(newFree, d.reserved(), d.frozen(), d.flags()));
    }

    private void writeData(RuntimeContext ctx, AccountId32 who, AccountInfo info, AccountInfo.AccountData data) {
        boolean wasAlive = info.providers() > 0;
        boolean alive = data.total().compareTo(existentialDeposit) >= 0;
        AccountInfo updated = info.withData(data);
        if (!alive && data.reserved().signum() == 0 && info.consumers() == 0) {
            if (data.free().signum() > 0) {
                BalancesStorage.TOTAL_ISSUANCE.put(ctx.storage(),
                        BalanceMath.sub(BalancesStorage.TOTAL_ISSUANCE.get(ctx.storage()), data.free()));
                ctx.deposit(new BalancesEvent.DustLost(who, data.free()));
            }
            updated = updated.withData(AccountInfo.AccountData.EMPTY).withRefs(info.consumers(), 0);
        } else if (!wasAlive) {
            updated = updated.withRefs(info.consumers(), 1);
            ctx.deposit(new BalancesEvent.Endowed(who, data.free()));
        }
        system.putAccount(ctx, who, updated);
    }

    private BigInteger takeNamed(RuntimeContext ctx, byte[] id, AccountId32 who, BigInteger amount) {
        List<BalancesStorage.NamedAmount> reserves = new ArrayList<>(BalancesStorage.RESERVES.get(ctx.storage(), who));
        int i = indexOf(reserves, id);
        if (i < 0 || amount.signum() <= 0) {
            return BigInteger.ZERO;
        }
        BigInteger have = reserves.get(i).amount();
        BigInteger taken = have.min(amount);
        if (have.equals(taken)) {
            reserves.remove(i);
        } else {
            reserves.set(i, new BalancesStorage.NamedAmount(id, have.subtract(taken)));
        }
        if (reserves.isEmpty()) {
            BalancesStorage.RESERVES.remove(ctx.storage(), who);
            AccountInfo info = system.account(ctx.storage(), who);
            system.putAccount(ctx, who, info.withRefs(Math.max(0, info.consumers() - 1), info.providers()));
        } else {
            BalancesStorage.RESERVES.put(ctx.storage(), who, reserves);
        }
        return taken;
    }

    private void storeLocks(RuntimeContext ctx, AccountId32 who, List<BalancesStorage.NamedAmount> locks) {
        BigInteger frozen = locks.stream().map(BalancesStorage.NamedAmount::amount).reduce(BigInteger.ZERO, BigInteger::max);
        if (locks.isEmpty()) {
            BalancesStorage.LOCKS.remove(ctx.storage(), who);
        } else {
            BalancesStorage.LOCKS.put(ctx.storage(), who, locks);
        }
        AccountInfo info = system.account(ctx.storage(), who);
        AccountInfo.AccountData d = info.data();
        system.putAccount(ctx, who, info.withData(new AccountInfo.AccountData(d.free(), d.reserved(), frozen, d.flags())));
    }

    private static int indexOf(List<BalancesStorage.NamedAmount> list, byte[] id) {
        for (int i = 0; i < list.size(); i++) {
            if (Arrays.equals(list.get(i).id(), id)) {
                return i;
            }
        }
        return -1;
    }
}
