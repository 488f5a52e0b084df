package io.zklayer.consensus.finality;

import io.zklayer.consensus.ChainHead;
import io.zklayer.consensus.ForkChoice;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * One node's chain in a simulation: the blocks it imported (from the shared {@link BlockTree}),
 * longest-chain fork choice containing the finalized block, and a log of every block it finalized
 * by height, with the justifications it stored (each checked with {@link JustificationVerifier}).
 */
final class SimChain implements FinalityChain {
    private final BlockTree tree;
    private final Set<H256> known = new HashSet<>();
    private final Set<ChainHead> leaves = new HashSet<>();
    private final LongFunction<AuthoritySet> sets;
    private final long epochLength;
    private ChainHead finalized;
    final TreeMap<Long, H256> finalizedByHeight = new TreeMap<>();
    final Map<H256, GrandpaJustification> justifications = new HashMap<>();

    SimChain(BlockTree tree, LongFunction<AuthoritySet> sets, long epochLength) {
        this.tree = tree;
        this.sets = sets;
        this.epochLength = epochLength;
        ChainHead g = BlockTree.head(tree.genesis());
        known.add(g.hash());
        leaves.add(g);
        finalized = g;
        finalizedByHeight.put(0L, g.hash());
    }

    boolean knows(H256 hash) {
        return known.contains(hash);
    }

    /** Imports {@code h} and any ancestors missing here; returns the newly imported headers, oldest first. */
    java.util.List<Header> importWithAncestors(Header h) {
        java.util.LinkedList<Header> added = new java.util.LinkedList<>();
        Header cur = h;
        while (!known.contains(cur.hash())) {
            added.addFirst(cur);
            cur = tree.header(cur.parentHash()).orElseThrow();
        }
        for (Header a : added) {
            known.add(a.hash());
            leaves.remove(new ChainHead(a.parentHash(), a.number() - 1));
            leaves.add(BlockTree.head(a));
        }
        return added;
    }

    ChainHead best() {
        return bestContaining(finalized).orElse(finalized);
    }

    @Override
    public Optional<Header> header(H256 hash) {
        return known.contains(hash) ? tree.header(hash) : Optional.empty();
    }

    @Override
    public ChainHead finalized() {
        return finalized;
    }

    @Override
    public Optional<ChainHead> bestContaining(ChainHead base) {
        ChainHead best = null;
        for (ChainHead leaf : leaves) {
            if (tree.isAncestorOrSelf(finalized, leaf) && isAncestorOrSelf(base, leaf)
                    && (best == null || ForkChoice.prefers(leaf, best))) {
                best = leaf;
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    public Optional<ChainHead> ancestorAt(ChainHead block, long number) {
        if (!known.contains(block.hash()) || number > block.number() || number < 0) {
            return Optional.empty();
        }
        H256 h = block.hash();
        for (long n = block.number(); n > number; n--) {
            h = tree.header(h).orElseThrow().parentHash();
        }
        return Optional.of(new ChainHead(h, number));
    }

    @Override
    public boolean finalize(ChainHead target, GrandpaJustification justification) {
        if (!known.contains(target.hash()) || target.number() <= finalized.number()
                || !tree.isAncestorOrSelf(finalized, target)) {
            return false;
        }
        long setId = (target.number() - 1) / epochLength;
        JustificationVerifier.Result check = JustificationVerifier.verify(justification, sets.apply(setId), Optional.of(target));
        if (!(check instanceof JustificationVerifier.Result.Valid)) {
            throw new AssertionError("a voter stored a justification that does not verify: " + check);
        }
        H256 h = target.hash();
        for (long n = target.number(); n > finalized.number(); n--) {
            finalizedByHeight.put(n, h);
            h = tree.header(h).orElseThrow().parentHash();
        }
        finalized = target;
        justifications.put(target.hash(), justification);
        leaves.removeIf(l -> !tree.isAncestorOrSelf(target, l));
        if (leaves.isEmpty()) {
            leaves.add(target);
        }
        return true;
    }

    @Override
    public AuthoritySet authoritySet(long setId, ChainHead setBase) {
        return sets.apply(setId);
    }

    @Override
    public long epochLength() {
        return epochLength;
    }
}
