package io.zklayer.node.storage;

import io.zklayer.primitives.Hex;
import java.nio.file.Path;
import java.util.Random;

/**
 * Child process of {@link CrashSafetyTest}: opens (or creates) the chain store in a folder and
 * imports blocks on top of the best block forever, finalizing the block two below the best, and
 * prints {@code committed <number> <hash>} after each import returns. The parent kills it with
 * SIGKILL at a random moment.
 *
 * <p>Arguments: data folder, seed, states to keep.
 */
public final class CrashWriterMain {
    static final int KEYS = 300;

    private CrashWriterMain() {}

    /** Runs until killed. */
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        Random r = new Random(Long.parseLong(args[1]));
        int keep = Integer.parseInt(args[2]);
        ChainStore store = ChainStore.openRocks(dir, Pruning.keepLast(keep), true);
        ChainHead head = store.best().orElseGet(() -> TestBlocks.genesis(store, KEYS));
        System.out.println("ready " + head.number());
        System.out.flush();
        while (true) {
            head = TestBlocks.child(store, head, r, 1 + r.nextInt(20), KEYS, true, 0);
            System.out.println("committed " + head.number() + " " + Hex.encode(head.hash()));
            System.out.flush();
            if (head.number() > 2) {
                store.finalizeBlock(store.canonicalHash(head.number() - 2).orElseThrow(), new byte[] {1});
            }
        }
    }
}
