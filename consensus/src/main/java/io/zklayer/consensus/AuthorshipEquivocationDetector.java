package io.zklayer.consensus;

import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Header;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Spots a validator sealing two blocks in one slot. The importer shows it every header whose seal
 * verified; the first header per (slot, author) is remembered, and a second, different one yields
 * {@link AuthorshipEquivocation} evidence (once per slot and author). Slots more than
 * {@code windowSlots} behind the newest one seen are forgotten, bounding memory.
 */
public final class AuthorshipEquivocationDetector {
    private final long windowSlots;
    private final TreeMap<Long, Map<AccountId32, Seen>> bySlot = new TreeMap<>();
    private long newestSlot = Long.MIN_VALUE;

    private static final class Seen {
        final Header first;
        boolean reported;

        Seen(Header first) {
            this.first = first;
        }
    }

    /** Remembers the last {@code windowSlots} slots. */
    public AuthorshipEquivocationDetector(long windowSlots) {
        if (windowSlots < 1) {
            throw new IllegalArgumentException("equivocation window must be at least one slot, got " + windowSlots);
        }
        this.windowSlots = windowSlots;
    }

    /**
     * Records that {@code author} sealed {@code header} in {@code slot}; returns evidence when it
     * already sealed a different header in that slot (and this pair was not reported yet).
     */
    public synchronized Optional<AuthorshipEquivocation> observe(long slot, AccountId32 author, Header header) {
        if (newestSlot != Long.MIN_VALUE && slot < newestSlot - windowSlots) {
            return Optional.empty();
        }
        if (slot > newestSlot) {
            newestSlot = slot;
            bySlot.headMap(newestSlot - windowSlots).clear();
        }
        Map<AccountId32, Seen> authors = bySlot.computeIfAbsent(slot, s -> new HashMap<>());
        Seen seen = authors.get(author);
        if (seen == null) {
            authors.put(author, new Seen(header));
            return Optional.empty();
        }
        if (seen.reported || seen.first.hash().equals(header.hash())) {
            return Optional.empty();
        }
        seen.reported = true;
        return Optional.of(new AuthorshipEquivocation(author, slot, seen.first, header));
    }
}
