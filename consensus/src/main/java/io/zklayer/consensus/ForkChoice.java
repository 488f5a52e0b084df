package io.zklayer.consensus;

import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Fork choice: the best block is the head of the longest chain that contains the last finalized
 * block, and between equally long chains the one whose head has the lowest hash (unsigned bytes).
 *
 * <p>It keeps the leaves of the block tree above the finalized block in memory, updated on each
 * import and finalization; ancestry is read from the backend's headers. After a restart it knows
 * the stored best block only; other forks come back as their blocks are announced again.
 */
public final class ForkChoice {
    /** Orders heads by preference: higher number first, then lower hash. */
    public static final Comparator<ChainHead> PREFERENCE =
            Comparator.comparingLong(ChainHead::number).reversed().thenComparing(ChainHead::hash);

    private final ChainBackend backend;
    private final Set<ChainHead> leaves = new HashSet<>();

    /** Starts from the backend's best block, read on first use (the node may write genesis after wiring). */
    public ForkChoice(ChainBackend backend) {
        this.backend = backend;
    }

    private void seed() {
        if (leaves.isEmpty()) {
            leaves.add(backend.best());
        }
    }

    /** Returns whether {@code a} is preferred over {@code b} as the best block. */
    public static boolean prefers(ChainHead a, ChainHead b) {
        return PREFERENCE.compare(a, b) < 0;
    }

    /** Records an imported block: it becomes a leaf and its parent stops being one. */
    public synchronized void blockImported(Header header) {
        seed();
        leaves.remove(new ChainHead(header.parentHash(), header.number() - 1));
        leaves.add(new ChainHead(header.hash(), header.number()));
    }

    /** Returns the best block: the preferred leaf descending from the finalized block. */
    public synchronized ChainHead best() {
        ChainHead fin = backend.finalized();
        return bestContaining(fin).orElse(fin);
    }

    /**
     * Returns the preferred leaf that is {@code base} or descends from it (GRANDPA votes for the
     * best chain containing the last round's estimate), or empty when no known leaf does.
     */
    public synchronized Optional<ChainHead> bestContaining(ChainHead base) {
        seed();
        ChainHead bestLeaf = null;
        for (ChainHead leaf : leaves) {
            if (isAncestorOrSelf(base, leaf) && (bestLeaf == null || prefers(leaf, bestLeaf))) {
                bestLeaf = leaf;
            }
        }
        return Optional.ofNullable(bestLeaf);
    }

    /** Drops the leaves that do not descend from the newly finalized {@code finalized}. */
    public synchronized void finalized(ChainHead finalized) {
        seed();
        leaves.removeIf(l -> !isAncestorOrSelf(finalized, l));
        if (leaves.isEmpty()) {
            leaves.add(finalized);
        }
    }

    /** Returns the current leaves, preferred first (for diagnostics and sync). */
    public synchronized List<ChainHead> leaves() {
        seed();
        List<ChainHead> out = new ArrayList<>(leaves);
        out.sort(PREFERENCE);
        return out;
    }

    /** Returns whether {@code ancestor} is {@code block} or one of its ancestors, by the stored headers. */
    public boolean isAncestorOrSelf(ChainHead ancestor, ChainHead block) {
        return ancestorAt(block, ancestor.number()).map(a -> a.equals(ancestor)).orElse(false);
    }

    /** Returns the ancestor of {@code block} at height {@code number} (the block itself at its own height). */
    public Optional<ChainHead> ancestorAt(ChainHead block, long number) {
        if (number > block.number() || number < 0) {
            return Optional.empty();
        }
        H256 h = block.hash();
        for (long n = block.number(); n > number; n--) {
            Optional<Header> header = backend.header(h);
            if (header.isEmpty()) {
                return Optional.empty();
            }
            h = header.get().parentHash();
        }
        return Optional.of(new ChainHead(h, number));
    }
}
