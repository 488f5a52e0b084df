package io.zklayer.node.storage;

/**
 * Which states the store keeps: the last {@code keep} states on the best chain plus the finalized
 * one (and everything above it), or all of them ({@link #archive()}).
 *
 * @param keep how many recent states to keep; 0 means archive (keep all)
 */
public record Pruning(int keep) {
    /** The default: keep the last 256 states. */
    public static final Pruning DEFAULT = new Pruning(256);

    /** Checks that {@code keep} is 0 (archive) or positive. */
    public Pruning {
        if (keep < 0) {
            throw new IllegalArgumentException("pruning: states to keep must be 0 (archive) or positive, got " + keep);
        }
    }

    /** Returns the mode that never prunes. */
    public static Pruning archive() {
        return new Pruning(0);
    }

    /** Returns the mode that keeps the last {@code n} states (n ≥ 1). */
    public static Pruning keepLast(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("pruning: keep at least one state, got " + n);
        }
        return new Pruning(n);
    }

    /** Returns whether old states are kept forever. */
    public boolean isArchive() {
        return keep == 0;
    }

    @Override
    public String toString() {
        return isArchive() ? "archive" : "keep-" + keep;
    }
}
