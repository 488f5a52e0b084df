package io.zklayer.consensus.network;

import io.zklayer.primitives.types.H256;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A request for a run of blocks from one peer, shaped like Substrate's block request
 * ({@code /sync/2} {@code BlockRequest}): where to start (a hash or a number), which way to walk,
 * how many blocks at most and which parts of each block.
 *
 * <p>Example: the justification of block #40 on the peer's chain is
 * {@code new BlockRequest(new From.Number(40), Direction.ASCENDING, 1, EnumSet.of(HEADER, JUSTIFICATION))}.
 *
 * @param from the first block
 * @param direction {@link Direction#ASCENDING} walks to children on the peer's best chain, descending to parents
 * @param maxBlocks at most this many blocks, 1…{@link #MAX_BLOCKS}
 * @param fields the parts wanted for each block
 */
public record BlockRequest(From from, Direction direction, int maxBlocks, Set<Field> fields) {
    /** The most blocks one request may ask for (Substrate's limit too). */
    public static final int MAX_BLOCKS = 128;

    /** Where a request starts. */
    public sealed interface From {
        /** The block with this hash. */
        record Hash(H256 hash) implements From {}

        /** The peer's best-chain block at this number. */
        record Number(long number) implements From {}
    }

    /** Which way from the first block. */
    public enum Direction {
        /** Towards the head: the first block, then its child on the peer's best chain, … */
        ASCENDING,
        /** Towards genesis: the first block, then its parent, … */
        DESCENDING
    }

    /** A part of a block, with Substrate's {@code BlockAttributes} bit. */
    public enum Field {
        /** The header (bit 1). */
        HEADER(1),
        /** The extrinsics (bit 2). */
        BODY(2),
        /** The finality proof, when the block has one (bit 16). */
        JUSTIFICATION(16);

        private final int bit;

        Field(int bit) {
            this.bit = bit;
        }

        /** Returns the attribute bit. */
        public int bit() {
            return bit;
        }
    }

    /** Checks the range and copies the field set. */
    public BlockRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(direction, "direction");
        if (maxBlocks < 1 || maxBlocks > MAX_BLOCKS) {
            throw new IllegalArgumentException("block request: maxBlocks " + maxBlocks + " is outside 1…" + MAX_BLOCKS);
        }
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("block request: asks for no part of the blocks");
        }
        fields = Set.copyOf(EnumSet.copyOf(fields));
    }

    /** Returns the request for the header and justification of the peer's block at {@code number}. */
    public static BlockRequest justificationAt(long number) {
        return new BlockRequest(new From.Number(number), Direction.ASCENDING, 1, EnumSet.of(Field.HEADER, Field.JUSTIFICATION));
    }

    /** Returns the request for the header and justification of block {@code hash}. */
    public static BlockRequest justificationOf(H256 hash) {
        return new BlockRequest(new From.Hash(hash), Direction.ASCENDING, 1, EnumSet.of(Field.HEADER, Field.JUSTIFICATION));
    }
}
