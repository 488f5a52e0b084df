package io.zklayer.pallets.timestamp;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.runtime.CallHandler;
import io.zklayer.runtime.Descriptors;
import io.zklayer.runtime.DispatchInfo;
import io.zklayer.runtime.InvalidBlockException;
import io.zklayer.runtime.Origin;
import io.zklayer.runtime.Pallet;
import io.zklayer.runtime.RuntimeContext;
import io.zklayer.runtime.storage.StorageEntryDescriptor;
import io.zklayer.runtime.storage.StorageValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Timestamp pallet: every block carries exactly one {@code timestamp.set} inherent (unsigned,
 * added by the author first), at least {@code MinimumPeriod} after the parent's. This is the only
 * clock the runtime has.
 */
public final class TimestampPallet implements Pallet, CallHandler<TimestampCall> {
    /** Fixed pallet index. */
    public static final int INDEX = 1;
    /** Pallet name and storage prefix. */
    public static final String NAME = "Timestamp";

    /** The current block's time in ms. */
    public static final StorageValue<Long> NOW = new StorageValue<>(NAME, "Now", ScaleCodecs.U64, 0L,
            "The current time for the current block.");
    /** Whether the timestamp was set in this block. */
    public static final StorageValue<Boolean> DID_UPDATE = new StorageValue<>(NAME, "DidUpdate", ScaleCodecs.BOOL,
            false, "Whether the timestamp has been updated in this block.");

    private static final long SET_WEIGHT = 10_000_000;

    private final long minimumPeriodMillis;

    /** Creates the pallet; blocks must be at least {@code minimumPeriodMillis} apart. */
    public TimestampPallet(long minimumPeriodMillis) {
        if (minimumPeriodMillis < 0) {
            throw new IllegalArgumentException("minimum period must be non-negative");
        }
        this.minimumPeriodMillis = minimumPeriodMillis;
    }

    /** Returns the minimum period between blocks in ms. */
    public long minimumPeriodMillis() {
        return minimumPeriodMillis;
    }

    /** Returns the current block's timestamp. */
    public long now(RuntimeContext ctx) {
        return NOW.get(ctx.storage());
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
    public List<StorageEntryDescriptor> storage() {
        return List.of(NOW.descriptor(), DID_UPDATE.descriptor());
    }

    @Override
    public List<Descriptors.ConstantDescriptor> constants() {
        return List.of(new Descriptors.ConstantDescriptor("MinimumPeriod", "u64",
                ScaleCodecs.U64.encode(minimumPeriodMillis), "The minimum period between blocks."));
    }

    @Override
    public ScaleCodec<TimestampCall> codec() {
        return TimestampCall.CODEC;
    }

    @Override
    public List<Descriptors.CallDescriptor> describe() {
        return Descriptors.calls(TimestampCall.CODEC, Map.of("set", "Set the current time (inherent).")::get);
    }

    @Override
    public DispatchInfo info(TimestampCall call) {
        return DispatchInfo.mandatory(SET_WEIGHT);
    }

    @Override
    public boolean isInherent(TimestampCall call) {
        return true;
    }

    @Override
    public void dispatch(TimestampCall call, Origin origin, RuntimeContext ctx) {
        origin.ensureNone();
        long now = ((TimestampCall.Set) call).now();
        if (DID_UPDATE.get(ctx.storage())) {
            throw new InvalidBlockException(TimestampError.SET_TWICE.message());
        }
        long prev = NOW.get(ctx.storage());
        if (prev != 0 && now < Math.addExact(prev, minimumPeriodMillis)) {
            throw new InvalidBlockException(TimestampError.TOO_EARLY.message() + ": " + now + " < " + prev + " + "
                    + minimumPeriodMillis);
        }
        NOW.put(ctx.storage(), now);
        DID_UPDATE.put(ctx.storage(), true);
    }

    @Override
    public void onFinalize(RuntimeContext ctx) {
        if (!DID_UPDATE.get(ctx.storage())) {
            throw new InvalidBlockException(TimestampError.MISSING.message());
        }
        DID_UPDATE.kill(ctx.storage());
    }
}
