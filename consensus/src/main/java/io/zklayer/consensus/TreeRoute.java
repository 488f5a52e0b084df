package io.zklayer.consensus;

import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The way from one block to another through the block tree, as Substrate's {@code tree_route}: the
 * blocks that leave the chain ({@code retracted}, from {@code from} down to the common ancestor,
 * exclusive), the common ancestor, and the blocks that join it ({@code enacted}, from above the
 * common ancestor up to {@code to}, inclusive). When the best block moves from {@code A2} to
 * {@code B3} on
 * <pre>
 *   G ─ 1 ─ A2
 *         └ B2 ─ B3
 * </pre>
 * the route is retracted [A2], common 1, enacted [B2, B3]; a plain extension {@code 1 → A2} has no
 * retracted block and enacted [A2].
 *
 * @param retracted the blocks that leave the chain, highest first
 * @param common the highest block both chains contain
 * @param enacted the blocks that join the chain, lowest first
 */
public record TreeRoute(List<ChainHead> retracted, ChainHead common, List<ChainHead> enacted) {
    /** Copies the lists. */
    public TreeRoute {
        retracted = List.copyOf(retracted);
        enacted = List.copyOf(enacted);
    }

    /**
     * Computes the route from {@code from} to {@code to} by walking both back through the stored
     * headers to their common ancestor; empty when a header on the way is not stored.
     */
    public static Optional<TreeRoute> between(ChainBackend backend, ChainHead from, ChainHead to) {
        List<ChainHead> retracted = new ArrayList<>();
        List<ChainHead> enacted = new ArrayList<>();
        ChainHead a = from;
        ChainHead b = to;
        while (!a.equals(b)) {
            if (a.number() >= b.number()) {
                retracted.add(a);
                Optional<ChainHead> parent = parent(backend, a);
                if (parent.isEmpty()) {
                    return Optional.empty();
                }
                a = parent.get();
            } else {
                enacted.add(b);
                Optional<ChainHead> parent = parent(backend, b);
                if (parent.isEmpty()) {
                    return Optional.empty();
                }
                b = parent.get();
            }
        }
        Collections.reverse(enacted);
        return Optional.of(new TreeRoute(retracted, a, enacted));
    }

    private static Optional<ChainHead> parent(ChainBackend backend, ChainHead block) {
        if (block.number() == 0) {
            return Optional.empty();
        }
        Optional<Header> header = backend.header(block.hash());
        if (header.isEmpty() || header.get().number() != block.number()) {
            return Optional.empty();
        }
        H256 parent = header.get().parentHash();
        return Optional.of(new ChainHead(parent, block.number() - 1));
    }
}
