package io.zklayer.node.service;

import io.zklayer.consensus.BlockImporter;
import io.zklayer.consensus.ChainHead;
import io.zklayer.consensus.HeaderVerifier;
import io.zklayer.consensus.ImportResult;
import io.zklayer.node.network.ChainAccess;
import io.zklayer.node.txpool.SubmitOutcome;
import io.zklayer.node.txpool.TransactionPool;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import io.zklayer.primitives.types.OpaqueExtrinsic;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The node's side of {@link ChainAccess}: the RocksDB backend for reads, the block importer for
 * what peers send, its header rules for a quick look at announced headers, and the pool for
 * gossiped transactions.
 */
final class NodeChainAccess implements ChainAccess {
    private final StoreChainBackend backend;
    private final BlockImporter importer;
    private final TransactionPool pool;
    private final TransactionPool.Validator validator;
    private volatile FinalityService finality;

    NodeChainAccess(StoreChainBackend backend, BlockImporter importer, TransactionPool pool,
                    TransactionPool.Validator validator) {
        this.backend = backend;
        this.importer = importer;
        this.pool = pool;
        this.validator = validator;
    }

    /** Sets the finality gadget that verifies justifications from peers (none on dev chains). */
    void setFinality(FinalityService finality) {
        this.finality = finality;
    }

    @Override
    public CompletableFuture<JustificationCheck> importJustification(ChainHead target, byte[] justification) {
        FinalityService f = finality;
        return f == null ? CompletableFuture.completedFuture(JustificationCheck.NOT_APPLICABLE)
                : f.importJustification(target, justification);
    }

    @Override
    public H256 genesisHash() {
        return backend.genesis().hash();
    }

    @Override
    public ChainHead best() {
        return backend.best();
    }

    @Override
    public ChainHead finalized() {
        return backend.finalized();
    }

    @Override
    public Optional<Header> header(H256 hash) {
        return backend.header(hash);
    }

    @Override
    public Optional<List<OpaqueExtrinsic>> body(H256 hash) {
        return backend.body(hash);
    }

    @Override
    public Optional<byte[]> justification(H256 hash) {
        return backend.store().justification(hash.bytes());
    }

    @Override
    public Optional<H256> canonicalHash(long number) {
        if (number < 0 || number > 0xFFFFFFFFL) {
            return Optional.empty();
        }
        return backend.canonicalHash(number);
    }

    @Override
    public ImportResult importBlock(Block block) {
        return importer.importBlock(block);
    }

    @Override
    public Optional<String> checkAnnouncedHeader(Header header) {
        HeaderVerifier.Verdict verdict;
        try {
            verdict = importer.verifier().verify(header);
        } catch (RuntimeException stateGone) {
            return Optional.empty();
        }
        if (verdict instanceof HeaderVerifier.Verdict.Invalid invalid) {
            return switch (invalid.rule()) {
                case UNKNOWN_PARENT, BELOW_FINALIZED, SLOT_IN_FUTURE, STATE_UNAVAILABLE -> Optional.empty();
                default -> Optional.of(invalid.rule() + ": " + invalid.detail());
            };
        }
        return Optional.empty();
    }

    @Override
    public SubmitOutcome submitTransaction(byte[] extrinsic) {
        return pool.submit(extrinsic, validator);
    }
}
