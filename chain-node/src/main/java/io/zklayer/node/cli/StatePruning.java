package io.zklayer.node.cli;

import java.util.OptionalInt;

/**
 * How much historical state the node keeps, as {@code --state-pruning} says: {@code archive} keeps
 * the state of every block, a number N keeps the state of the last N finalized blocks (256 by
 * default, as in Substrate); block headers and bodies are kept either way.
 *
 * @param keepBlocks how many recent blocks' state to keep; empty for archive
 */
public record StatePruning(OptionalInt keepBlocks) {
    /** Substrate's default number of blocks whose state is kept. */
    public static final int DEFAULT_KEEP = 256;

    /** Checks that a number of blocks is positive. */
    public StatePruning {
        keepBlocks.ifPresent(n -> {
            if (n < 1) {
                throw new InvalidConfigException("--state-pruning must be 'archive' or a number of blocks ≥ 1, got " + n);
            }
        });
    }

    /** Returns the archive mode: no state is ever pruned. */
    public static StatePruning archive() {
        return new StatePruning(OptionalInt.empty());
    }

    /** Returns the mode that keeps the state of the last {@code blocks} blocks. */
    public static StatePruning keep(int blocks) {
        return new StatePruning(OptionalInt.of(blocks));
    }

    /**
     * Returns the mode {@code archive} or a decimal block count means.
     *
     * @throws InvalidConfigException for anything else
     */
    public static StatePruning parse(String text) {
        if ("archive".equals(text)) {
            return archive();
        }
        if (text == null || !text.matches("[0-9]+")) {
            throw new InvalidConfigException("--state-pruning must be 'archive' or a number of blocks ≥ 1, got '" + text + "'");
        }
        if (text.length() > 10 || Long.parseLong(text) > Integer.MAX_VALUE) {
            throw new InvalidConfigException("--state-pruning must be at most " + Integer.MAX_VALUE + " blocks, got " + text);
        }
        return keep(Integer.parseInt(text));
    }

    /** Returns whether every block's state is kept. */
    public boolean isArchive() {
        return keepBlocks.isEmpty();
    }

    /** Returns {@code archive} or the block count, as the flag takes it. */
    @Override
    public String toString() {
        return keepBlocks.isPresent() ? Integer.toString(keepBlocks.getAsInt()) : "archive";
    }
}
