package io.zklayer.consensus;

import java.util.function.LongSupplier;

/**
 * Time cut into slots of a fixed duration since the Unix epoch: slot {@code s} runs from
 * {@code s × duration} to {@code (s + 1) × duration} ms. The wall clock is injected so tests drive
 * time by hand; only the node's authoring loop reads it, never the runtime.
 */
public final class SlotClock {
    private final long slotDurationMillis;
    private final LongSupplier nowMillis;

    /** Creates a clock with slots of {@code slotDurationMillis} reading time from {@code nowMillis}. */
    public SlotClock(long slotDurationMillis, LongSupplier nowMillis) {
        if (slotDurationMillis <= 0) {
            throw new IllegalArgumentException("slot duration must be positive, got " + slotDurationMillis);
        }
        this.slotDurationMillis = slotDurationMillis;
        this.nowMillis = nowMillis;
    }

    /** Returns the slot duration in ms. */
    public long slotDurationMillis() {
        return slotDurationMillis;
    }

    /** Returns the current time in ms. */
    public long nowMillis() {
        return nowMillis.getAsLong();
    }

    /** Returns the current slot. */
    public long currentSlot() {
        return Math.floorDiv(nowMillis.getAsLong(), slotDurationMillis);
    }

    /** Returns the start of {@code slot} in ms: the timestamp a block of that slot carries. */
    public long slotStartMillis(long slot) {
        return Math.multiplyExact(slot, slotDurationMillis);
    }

    /** Returns the ms until the next slot starts (at least 1). */
    public long millisUntilNextSlot() {
        long now = nowMillis.getAsLong();
        return Math.max(1, slotStartMillis(Math.floorDiv(now, slotDurationMillis) + 1) - now);
    }
}
