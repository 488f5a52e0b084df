package io.zklayer.pallets.sudo;

import io.zklayer.pallets.balances.BalancesPallet;
import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.runtime.CallHandler;
import io.zklayer.runtime.Descriptors;
import io.zklayer.runtime.DispatchError;
import io.zklayer.runtime.DispatchException;
import io.zklayer.runtime.DispatchInfo;
import io.zklayer.runtime.Origin;
import io.zklayer.runtime.Pallet;
import io.zklayer.runtime.PalletEvent;
import io.zklayer.runtime.Runtime;
import io.zklayer.runtime.RuntimeCall;
import io.zklayer.runtime.RuntimeContext;
import io.zklayer.runtime.storage.StorageEntryDescriptor;
import io.zklayer.runtime.storage.StorageValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Sudo pallet: one key, set at genesis, that may dispatch any call as root. For dev and local
 * chains. The inner call's failure is reported in {@code Sudid}; the sudo call itself succeeds, so
 * the signer's nonce and fee advance either way.
 */
public final class SudoPallet implements Pallet, CallHandler<SudoCall> {
    /** Fixed pallet index. */
    public static final int INDEX = 5;
    /** Pallet name and storage prefix. */
    public static final String NAME = "Sudo";

    /** The sudo key. */
    public static final StorageValue<AccountId32> KEY = new StorageValue<>(NAME, "Key", AccountId32.CODEC, null,
            "The `AccountId` of the sudo key.");

    private static final Map<String, String> DOCS = Map.of(
            "sudo", "Authenticates the sudo key and dispatches a function call with Root origin.",
            "sudo_unchecked_weight", "As sudo, with a weight declared by the caller.",
            "set_key", "Authenticates the current sudo key and sets the given account as the new sudo key.",
            "sudo_as", "Dispatches a call with a Signed origin from a given account.",
            "remove_key", "Permanently removes the sudo key.");

    private final Supplier<Runtime> runtime;
    private volatile ScaleCodec<SudoCall> codec;

    /** Creates the pallet; the runtime is supplied late because sudo's calls contain runtime calls. */
    public SudoPallet(Supplier<Runtime> runtime) {
        this.runtime = runtime;
    }

    /** Returns the sudo key, if any. */
    public Optional<AccountId32> key(RuntimeContext ctx) {
        return KEY.getOptional(ctx.storage());
    }

    /** Sets the sudo key at genesis. */
    public void setKeyAtGenesis(RuntimeContext ctx, AccountId32 key) {
        KEY.put(ctx.storage(), key);
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
        return Optional.of(SudoEvent.CODEC);
    }

    @Override
    public List<Descriptors.EventDescriptor> events() {
        return Descriptors.events(SudoEvent.CODEC, n -> "Sudo event " + n + ".");
    }

    @Override
    public List<Descriptors.ErrorDescriptor> errors() {
        return Pallet.describeErrors(SudoError.class);
    }

    @Override
    public List<StorageEntryDescriptor> storage() {
        return List.of(KEY.descriptor());
    }

    @Override
    public ScaleCodec<SudoCall> codec() {
        ScaleCodec<SudoCall> c = codec;
        if (c == null) {
            c = SudoCall.codec(runtime.get().callCodec());
            codec = c;
        }
        return c;
    }

    @Override
    public List<Descriptors.CallDescriptor> describe() {
        return Descriptors.calls(SudoCall.codec(runtime.get().callCodec()), DOCS::get);
    }

    @Override
    public DispatchInfo info(SudoCall call) {
        if (call instanceof SudoCall.Sudo s) {
            DispatchInfo inner = s.call().info();
            return new DispatchInfo(inner.weight().plus(io.zklayer.runtime.Weight.ofRefTime(10_000_000)),
                    inner.dispatchClass(), DispatchInfo.Pays.YES);
        }
        if (call instanceof SudoCall.SudoUncheckedWeight s) {
            return new DispatchInfo(s.weight(), DispatchInfo.DispatchClass.NORMAL, DispatchInfo.Pays.YES);
        }
        if (call instanceof SudoCall.SudoAs s) {
            return DispatchInfo.normal(s.call().info().weight().refTime() + 10_000_000);
        }
        return DispatchInfo.normal(10_000_000);
    }

    @Override
    public void dispatch(SudoCall call, Origin origin, RuntimeContext ctx) {
        AccountId32 who = origin.ensureSigned();
        Optional<AccountId32> key = key(ctx);
        if (key.isEmpty() || !key.get().equals(who)) {
            throw SudoError.REQUIRE_SUDO.fail();
        }
        if (call instanceof SudoCall.Sudo s) {
            ctx.deposit(new SudoEvent.Sudid(dispatchInner(s.call(), new Origin.Root(), ctx)));
        } else if (call instanceof SudoCall.SudoUncheckedWeight s) {
            ctx.deposit(new SudoEvent.Sudid(dispatchInner(s.call(), new Origin.Root(), ctx)));
        } else if (call instanceof SudoCall.SudoAs s) {
            AccountId32 as = BalancesPallet.lookup(s.who());
            ctx.deposit(new SudoEvent.SudoAsDone(dispatchInner(s.call(), new Origin.Signed(as), ctx)));
        } else if (call instanceof SudoCall.SetKey s) {
            AccountId32 next = BalancesPallet.lookup(s.newKey());
            KEY.put(ctx.storage(), next);
            ctx.deposit(new SudoEvent.KeyChanged(key, next));
        } else if (call instanceof SudoCall.RemoveKey) {
            KEY.kill(ctx.storage());
            ctx.deposit(new SudoEvent.KeyRemoved());
        }
    }

    private static Optional<DispatchError> dispatchInner(RuntimeCall inner, Origin as, RuntimeContext ctx) {
        try {
            ctx.transactional(() -> inner.dispatch(as, ctx));
            return Optional.empty();
        } catch (DispatchException e) {
            return Optional.of(e.error());
        } catch (ArithmeticException e) {
            return Optional.of(new DispatchError.Arithmetic(DispatchError.ArithmeticError.OVERFLOW));
        }
    }
}
