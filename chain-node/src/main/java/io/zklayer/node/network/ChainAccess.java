package io.zklayer.node.network;

import io.zklayer.consensus.ChainHead;
import io.zklayer.consensus.ImportResult;
import io.zklayer.node.txpool.SubmitOutcome;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import io.zklayer.primitives.types.OpaqueExtrinsic;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What chain networking needs of the node: the stored chain to serve and compare against, block
 * import for what peers send, a cheap check of announced headers, and the transaction pool. The
 * node implements it over its RocksDB store, importer and pool; it is the seam that keeps the
 * protocols free of storage and runtime details.
 */
public interface ChainAccess {
    /** Returns the genesis hash. */
    H256 genesisHash();

    /** Returns the best block. */
    ChainHead best();

    /** Returns the last finalized block. */
    ChainHead finalized();

    /** Returns the header of {@code hash}, if stored. */
    Optional<Header> header(H256 hash);

    /** Returns the body of {@code hash}, if stored. */
    Optional<List<OpaqueExtrinsic>> body(H256 hash);

    /** Returns the stored justification of {@code hash}, if any. */
    Optional<byte[]> justification(H256 hash);

    /** Returns the hash of the best-chain block at {@code number}, if any. */
    Optional<H256> canonicalHash(long number);

    /**
     * Imports a block a peer sent (its justification, if any, goes to {@link #importJustification}
     * once the block is stored). Thread-safe; may take as long as executing the block.
     */
    ImportResult importBlock(Block block);

    /**
     * Checks what can be checked of an announced header before fetching its body (when its parent
     * is known: number, slot, epoch digest, author and seal). Returns the broken rule when the
     * header is certainly invalid, or empty when it passes or cannot be judged (unknown parent, a
     * slot ahead of our clock, below finality). Must be quick: it runs on the gossip thread.
     */
    Optional<String> checkAnnouncedHeader(Header header);

    /** What became of a justification a peer sent with a block. */
    enum JustificationCheck {
        /** It verified and finalized the block. */
        APPLIED,
        /** It could not be used now (block already final, another authority set, or no finality gadget). */
        NOT_APPLICABLE,
        /** It does not verify: the peer sent a false finality proof. */
        INVALID
    }

    /**
     * Verifies and applies the justification a peer sent with the stored block {@code target}
     * (checked against the authority set of its epoch, so a syncing node follows set changes).
     */
    CompletableFuture<JustificationCheck> importJustification(ChainHead target, byte[] justification);

    /** Offers a transaction received from a peer to the pool (validated against the best state). */
    SubmitOutcome submitTransaction(byte[] extrinsic);
}
