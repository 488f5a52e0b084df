package io.zklayer.consensus;

import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ancestry of stored blocks, answered from memory: "which block is the ancestor of {@code b} at
 * height {@code n}?" in {@code O(log d)} map lookups for a distance {@code d}, instead of reading
 * {@code d} headers from the database. Fork choice and the header rules ask it for every imported
 * block whether the block descends from the finalized one; walking the headers made importing
 * {@code N} blocks above a finalized block that does not move (sync without justifications) cost
 * {@code O(N²)} header reads.
 *
 * <p>Each block it knows keeps its parent and one <i>skip</i> ancestor at height
 * {@link #skipHeight(long)}, which clears the lowest one bits of the block number in a pattern that
 * lets a walk reach any lower height in logarithmically many steps (the skip list of a chain;
 * e.g. block 12 = 0b1100 skips to 8, block 15 to 9, block 8 to 0). A walk takes the skip when it
 * does not overshoot the target and the parent otherwise.
 *
 * <p>Blocks are learned as they are imported ({@link #add}) or on a query's demand from the
 * backend's headers (after a restart), and forgotten below the finalized height
 * ({@link #forgetBelow}), which no query goes under. Headers are immutable once stored, so a known
 * block never goes stale. Thread-safe.
 */
public final class BlockAncestry {
    /** A known block: its number, parent and skip ancestor (null when that one was not known). */
    private record Entry(H256 hash, long number, H256 parent, H256 skip) {}

    private final ChainBackend backend;
    private final Map<H256, Entry> known = new HashMap<>();
    private long floor;

    /** Reads the headers it does not know from {@code backend}. */
    public BlockAncestry(ChainBackend backend) {
        this.backend = backend;
    }

    /**
     * Returns the height block {@code number} skips to: {@code number} with its lowest one bit
     * cleared when even; for odd numbers the one below with its two lowest one bits cleared, plus
     * one. 0 and 1 skip to 0. Examples: 6 → 4, 8 → 0, 12 → 8, 13 → 1, 15 → 9.
     */
    static long skipHeight(long number) {
        if (number < 2) {
            return 0;
        }
        return (number & 1) == 0 ? clearLowestOne(number) : clearLowestOne(clearLowestOne(number - 1)) + 1;
    }

    private static long clearLowestOne(long n) {
        return n & (n - 1);
    }

    /** Learns a stored (or about to be stored) block from its header. */
    public synchronized void add(Header header) {
        learn(header.hash(), header.number(), header.parentHash());
    }

    /**
     * Returns the ancestor of {@code block} at height {@code number} (the block itself at its own
     * height), or empty when {@code number} is above the block or negative, or an ancestor's header
     * is not stored.
     */
    public synchronized Optional<ChainHead> ancestorAt(ChainHead block, long number) {
        if (number > block.number() || number < 0) {
            return Optional.empty();
        }
        if (number == block.number()) {
            return Optional.of(block);
        }
        Entry e = entry(block.hash(), block.number());
        while (e != null && e.number() > number) {
            Entry skip = e.skip() == null ? null : known.get(e.skip());
            long sh = skipHeight(e.number());
            if (skip != null && sh >= number && takeSkip(e.number(), sh, number)) {
                e = skip;
            } else if (e.number() - 1 == number) {
                return Optional.of(new ChainHead(e.parent(), number));
            } else {
                e = entry(e.parent(), e.number() - 1);
            }
        }
        return e == null ? Optional.empty() : Optional.of(new ChainHead(e.hash(), e.number()));
    }

    /** Returns whether {@code ancestor} is {@code block} or one of its ancestors. */
    public boolean isAncestorOrSelf(ChainHead ancestor, ChainHead block) {
        return ancestorAt(block, ancestor.number()).map(ancestor::equals).orElse(false);
    }

    /**
     * Forgets the blocks below height {@code number} (the finalized height: nothing asks for an
     * ancestor below it). Runs in time linear in the blocks known, so callers call it when
     * finality moves, not per block.
     */
    public synchronized void forgetBelow(long number) {
        if (number <= floor) {
            return;
        }
        floor = number;
        known.values().removeIf(e -> e.number() < number);
    }

    /** Returns how many blocks it keeps in memory (for tests and diagnostics). */
    public synchronized int size() {
        return known.size();
    }

    // Takes the skip (which is at or above the target) unless the parent's skip, also at or above the
    // target, is more than two below it: then the parent route gets closer in two steps. This keeps
    // walks logarithmic.
    private static boolean takeSkip(long height, long skip, long target) {
        if (skip == target) {
            return true;
        }
        long prevSkip = skipHeight(height - 1);
        return !(prevSkip < skip - 2 && prevSkip >= target);
    }

    /**
     * Returns the entry of {@code hash} (number {@code number}), loading it and the path down to a
     * known block; below the floor a transient entry without skip (the walk goes on by parents), and
     * null when the header is not stored or has another number.
     */
    private Entry entry(H256 hash, long number) {
        Entry e = known.get(hash);
        if (e != null) {
            return e;
        }
        if (number < floor) {
            return backend.header(hash).filter(h -> h.number() == number)
                    .map(h -> new Entry(hash, number, h.parentHash(), null)).orElse(null);
        }
        // Read headers down to a known block (or the floor), then learn them upwards so skips resolve.
        List<Header> path = new ArrayList<>();
        H256 h = hash;
        while (true) {
            Optional<Header> header = backend.header(h);
            if (header.isEmpty()) {
                break;
            }
            path.add(header.get());
            long n = header.get().number();
            if (n == 0 || n <= floor || known.containsKey(header.get().parentHash())) {
                break;
            }
            h = header.get().parentHash();
        }
        for (int i = path.size() - 1; i >= 0; i--) {
            Header header = path.get(i);
            learn(header.hash(), header.number(), header.parentHash());
        }
        Entry found = known.get(hash);
        return found != null && found.number() == number ? found : null;
    }

    private void learn(H256 hash, long number, H256 parent) {
        if (known.containsKey(hash) || number < floor) {
            return;
        }
        H256 skip = null;
        Entry p = known.get(parent);
        if (p != null) {
            long sh = skipHeight(number);
            skip = sh == number - 1 ? parent : knownAncestor(p, sh);
        }
        known.put(hash, new Entry(hash, number, parent, skip));
    }

    /** The ancestor of {@code from} at {@code height} through known entries only, or null. */
    private H256 knownAncestor(Entry from, long height) {
        Entry e = from;
        while (e != null && e.number() > height) {
            Entry skip = e.skip() == null ? null : known.get(e.skip());
            long sh = skipHeight(e.number());
            if (skip != null && sh >= height && takeSkip(e.number(), sh, height)) {
                e = skip;
            } else if (e.number() - 1 == height) {
                return e.parent();
            } else {
                e = known.get(e.parent());
            }
        }
        return e == null || e.number() != height ? null : e.hash();
    }
}
