package io.zklayer.consensus;

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
 * import and finalization; ancestry comes from a {@link BlockAncestry} (in memory, logarithmic
 * walks, headers read from the backend only for blocks it has not seen), so choosing the best block
 * does not get slower as the unfinalized chain grows. After a restart it knows the stored best
 * block only; other forks come back as their blocks are announced again.
 */
public final class ForkChoice {
    /** Orders heads by preference: higher number first, then lower hash. */
    public static final Comparator<ChainHead> PREFERENCE =
            Comparator.comparingLong(ChainHead::number).reversed().thenComparing(ChainHead::hash);

    private final ChainBackend backend;
    private final BlockAncestry ancestry;
    private final Set<ChainHead> leaves = new HashSet<>();

    /** Starts from the backend's best block, read on first use (the node may write genesis after wiring). */
    public ForkChoice(ChainBackend backend) {
        this(backend, new BlockAncestry(backend));
    }

    /** Like {@link #ForkChoice(ChainBackend)}, sharing {@code ancestry} (e.g. with the header rules). */
    public ForkChoice(ChainBackend backend, BlockAncestry ancestry) {
        this.backend = backend;
        this.ancestry = ancestry;
    }

    /** Returns the ancestry index it reads (and keeps up to date with imports and finality). */
    public BlockAncestry ancestry() {
        return ancestry;
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
        ancestry.add(header);
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
        ancestry.forgetBelow(finalized.number());
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
        return ancestry.isAncestorOrSelf(ancestor, block);
    }

    /** Returns the ancestor of {@code block} at height {@code number} (the block itself at its own height). */
    public Optional<ChainHead> ancestorAt(ChainHead block, long number) {
        return ancestry.ancestorAt(block, number);
    }
}
