package io.zklayer.node.network.sync;

import io.zklayer.consensus.network.BlockData;
import io.zklayer.consensus.network.BlockRequest;
import io.zklayer.consensus.network.BlockRequest.Direction;
import io.zklayer.consensus.network.BlockRequest.Field;
import io.zklayer.consensus.network.BlockRequest.From;
import io.zklayer.node.network.ChainAccess;
import io.zklayer.node.network.protocol.BlockResponse;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers block requests from the stored chain: up to {@link BlockRequest#MAX_BLOCKS} blocks from
 * the named block, upwards along the best chain or downwards along parent links, stopping early
 * once the response passes {@link BlockResponse#SOFT_LIMIT_BYTES} (one block is always sent). An
 * unknown first block gives an empty response; ascending from a block that is not on the best
 * chain gives just that block.
 */
public final class BlockRequestHandler {
    private final ChainAccess chain;

    /** Serves from {@code chain}. */
    public BlockRequestHandler(ChainAccess chain) {
        this.chain = chain;
    }

    /** Returns the response to {@code request}. */
    public BlockResponse handle(BlockRequest request) {
        int max = Math.min(request.maxBlocks(), BlockRequest.MAX_BLOCKS);
        Optional<H256> first = request.from() instanceof From.Hash h ? Optional.of(h.hash())
                : chain.canonicalHash(((From.Number) request.from()).number());
        List<BlockData> out = new ArrayList<>();
        H256 current = first.orElse(null);
        long size = 0;
        while (current != null && out.size() < max) {
            Optional<Header> header = chain.header(current);
            if (header.isEmpty()) {
                break;
            }
            BlockData data = new BlockData(current,
                    request.fields().contains(Field.HEADER) ? header : Optional.empty(),
                    request.fields().contains(Field.BODY) ? chain.body(current) : Optional.empty(),
                    request.fields().contains(Field.JUSTIFICATION) ? chain.justification(current) : Optional.empty());
            int bytes = BlockResponse.encodedSize(data);
            if (!out.isEmpty() && size + bytes > BlockResponse.SOFT_LIMIT_BYTES) {
                break;
            }
            out.add(data);
            size += bytes;
            current = next(current, header.get(), request.direction() == Direction.ASCENDING);
        }
        return new BlockResponse(out);
    }

    private H256 next(H256 hash, Header header, boolean ascending) {
        if (!ascending) {
            return header.number() == 0 ? null : header.parentHash();
        }
        boolean canonical = chain.canonicalHash(header.number()).map(hash::equals).orElse(false);
        if (!canonical || header.number() >= 0xFFFFFFFFL) {
            return null;
        }
        return chain.canonicalHash(header.number() + 1).orElse(null);
    }
}
