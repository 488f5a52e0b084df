package io.zklayer.node.network.sync;

import io.zklayer.consensus.network.BlockData;
import io.zklayer.consensus.network.BlockRequest;
import io.zklayer.consensus.network.BlockRequest.Direction;
import io.zklayer.consensus.network.BlockRequest.From;
import io.zklayer.node.network.protocol.BlockResponse;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks that a {@link BlockResponse} answers the {@link BlockRequest} it was sent for before
 * anything is imported: no more blocks than asked, each with header and body, each hash the hash
 * of its header, the first block the one asked for, and each further block the child of the one
 * before (or its parent, descending). A response that breaks one of these is malformed, and its
 * sender is penalised.
 */
public final class BlockRanges {
    /**
     * The blocks of a checked response, with the justification each carried.
     *
     * @param blocks the blocks in the order requested
     * @param justifications one entry per block
     */
    public record Checked(List<Block> blocks, List<Optional<byte[]>> justifications) {}

    private BlockRanges() {}

    /**
     * Returns the response's blocks.
     *
     * @throws IllegalArgumentException naming the first broken rule
     */
    public static Checked check(BlockRequest request, BlockResponse response) {
        return check(request, response.blocks());
    }

    /**
     * Returns the blocks of {@code data}, the answer to {@code request}.
     *
     * @throws IllegalArgumentException naming the first broken rule
     */
    public static Checked check(BlockRequest request, List<BlockData> data) {
        if (data.size() > request.maxBlocks()) {
            throw new IllegalArgumentException("sync: " + data.size() + " blocks returned, " + request.maxBlocks()
                    + " asked for");
        }
        boolean ascending = request.direction() == Direction.ASCENDING;
        List<Block> blocks = new ArrayList<>(data.size());
        List<Optional<byte[]>> justifications = new ArrayList<>(data.size());
        Header previous = null;
        for (int i = 0; i < data.size(); i++) {
            BlockData d = data.get(i);
            if (d.header().isEmpty() || d.body().isEmpty()) {
                throw new IllegalArgumentException("sync: block " + i + " lacks its " + (d.header().isEmpty() ? "header" : "body"));
            }
            Header h = d.header().get();
            H256 hash = h.hash();
            if (!hash.equals(d.hash())) {
                throw new IllegalArgumentException("sync: block " + i + " claims hash " + d.hash() + " but its header hashes to "
                        + hash);
            }
            if (i == 0) {
                if (request.from() instanceof From.Hash f && !hash.equals(f.hash())) {
                    throw new IllegalArgumentException("sync: first block " + hash + " is not the requested " + f.hash());
                }
                if (request.from() instanceof From.Number f && h.number() != f.number()) {
                    throw new IllegalArgumentException("sync: first block is #" + h.number() + ", not the requested #"
                            + f.number());
                }
            } else if (ascending) {
                if (!h.parentHash().equals(previous.hash()) || h.number() != previous.number() + 1) {
                    throw new IllegalArgumentException("sync: block " + i + " (#" + h.number() + ") is not the child of block "
                            + (i - 1) + " (#" + previous.number() + ")");
                }
            } else if (!previous.parentHash().equals(hash) || h.number() + 1 != previous.number()) {
                throw new IllegalArgumentException("sync: block " + i + " (#" + h.number() + ") is not the parent of block "
                        + (i - 1) + " (#" + previous.number() + ")");
            }
            blocks.add(new Block(h, d.body().get()));
            justifications.add(d.justification());
            previous = h;
        }
        return new Checked(List.copyOf(blocks), List.copyOf(justifications));
    }
}
