package io.zklayer.consensus;

import io.zklayer.primitives.trie.TrieState;
import io.zklayer.primitives.types.H256;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How {@link BlockAuthor} behaves in its slots. {@link #HONEST} (the default) seals one block per
 * slot. A fault-injection strategy ({@link DoubleAuthoring}, enabled on test chains only by the node's
 * {@code --unsafe-misbehave double-author}) also names the body of a second, different block on the
 * same parent in the same slot, so that tests can watch the network catch and punish the
 * equivocation, as CometBFT's e2e "misbehaviour" nodes do.
 */
@FunctionalInterface
public interface AuthoringStrategy {
    /**
     * Returns the extrinsics (after the timestamp inherent, which the slot fixes) of a second block
     * for {@code slot} on {@code parentHash}, whose state {@code parentState} gives (read only when
     * needed, so the honest path costs nothing); empty to author only the honest block.
     */
    Optional<List<byte[]>> secondBody(long slot, H256 parentHash, Supplier<TrieState> parentState);

    /** One block per slot: never equivocates. */
    AuthoringStrategy HONEST = (slot, parentHash, parentState) -> Optional.empty();
}
