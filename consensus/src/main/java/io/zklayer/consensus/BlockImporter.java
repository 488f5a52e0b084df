package io.zklayer.consensus;

import io.zklayer.consensus.epoch.StateEpochSource;
import io.zklayer.pallets.verifier.BlockProofBatch;
import io.zklayer.pallets.verifier.VerifierPallet;
import io.zklayer.primitives.trie.TrieCommit;
import io.zklayer.primitives.trie.TrieState;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import io.zklayer.primitives.types.OpaqueExtrinsic;
import io.zklayer.runtime.ApplyOutcome;
import io.zklayer.runtime.BlockExecution;
import io.zklayer.runtime.Executive;
import io.zklayer.runtime.InvalidBlockException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The block import pipeline (ARCHITECTURE §4.3): check the header ({@link HeaderVerifier}), report
 * an author that sealed two blocks in one slot, verify all proofs of the block as one batch
 * ({@link BlockProofBatch}, when the runtime has the verifier), execute every extrinsic on the parent's
 * state, compare both roots, then write block, state and heads in one batch and apply fork choice
 * ({@link ForkChoice}). Any failure writes nothing and names the rule.
 *
 * <p>It also moves the finalized head ({@link #finalizeBlock}): finality and import both change
 * heads, so both run under this importer's lock.
 */
public final class BlockImporter {
    /** How many slots of authorship the equivocation detector remembers. */
    public static final long EQUIVOCATION_WINDOW_SLOTS = 4096;

    private static final Logger LOG = LoggerFactory.getLogger("import");

    private final ChainBackend backend;
    private final Executive executive;
    private final HeaderVerifier verifier;
    private final ForkChoice forkChoice;
    private final AuthorshipEquivocationDetector equivocations;
    private final OffenceReporter offences;
    private final boolean instantFinality;
    private volatile LastBatch lastBatch = new LastBatch(H256.ZERO, BlockProofBatch.Report.NONE);

    /** The proof batch of the block {@link #importBlock} stored last. */
    private record LastBatch(H256 block, BlockProofBatch.Report report) {}

    /**
     * Creates an importer reading epochs from state, with its own fork choice and logged offences.
     *
     * @param instantFinality whether every block on the best chain is final at once (dev chains)
     * @param maxFutureSlots how many slots ahead of the local clock a block may be
     */
    public BlockImporter(ChainBackend backend, Executive executive, SlotClock clock, boolean instantFinality,
                         long maxFutureSlots) {
        this(backend, executive, clock, instantFinality, maxFutureSlots, OffenceReporter.LOGGING);
    }

    /**
     * Creates an importer reading epochs from state, with its own fork choice, sending authorship
     * equivocations to {@code offences} (the node's reporter submits them to the chain).
     *
     * @param instantFinality whether every block on the best chain is final at once (dev chains)
     * @param maxFutureSlots how many slots ahead of the local clock a block may be
     */
    public BlockImporter(ChainBackend backend, Executive executive, SlotClock clock, boolean instantFinality,
                         long maxFutureSlots, OffenceReporter offences) {
        this(backend, executive, new HeaderVerifier(backend, new StateEpochSource(backend), clock,
                maxFutureSlots), new ForkChoice(backend), offences, instantFinality);
    }

    /**
     * Creates an importer.
     *
     * @param verifier the header rules
     * @param forkChoice the fork choice, shared with the finality gadget
     * @param offences where authorship equivocations go
     * @param instantFinality whether every block on the best chain is final at once (dev chains)
     */
    public BlockImporter(ChainBackend backend, Executive executive, HeaderVerifier verifier, ForkChoice forkChoice,
                         OffenceReporter offences, boolean instantFinality) {
        this.backend = backend;
        this.executive = executive;
        this.verifier = verifier;
        this.forkChoice = forkChoice;
        this.equivocations = new AuthorshipEquivocationDetector(EQUIVOCATION_WINDOW_SLOTS);
        this.offences = offences;
        this.instantFinality = instantFinality;
    }

    /** Returns the header rules. */
    public HeaderVerifier verifier() {
        return verifier;
    }

    /** Returns the fork choice. */
    public ForkChoice forkChoice() {
        return forkChoice;
    }

    /** Imports {@code block}; synchronized so that heads change one block at a time. */
    public synchronized ImportResult importBlock(Block block) {
        long started = System.nanoTime();
        Header header = block.header();
        H256 hash = header.hash();
        ChainHead head = new ChainHead(hash, header.number());
        if (backend.header(hash).isPresent()) {
            return new ImportResult.AlreadyKnown(head);
        }
        HeaderVerifier.Verdict verdict = verifier.verify(header);
        if (verdict instanceof HeaderVerifier.Verdict.Invalid invalid) {
            return reject(invalid.rule(), head, invalid.detail());
        }
        HeaderVerifier.Verdict.Valid valid = (HeaderVerifier.Verdict.Valid) verdict;
        equivocations.observe(valid.slot(), valid.author(), header).ifPresent(offences::authorshipEquivocation);
        TrieState state;
        try {
            state = backend.stateAt(header.parentHash());
        } catch (RuntimeException e) {
            return reject(ImportResult.Reason.STATE_UNAVAILABLE, head, e.getMessage());
        }
        BlockProofBatch.Report proofs = preverifyProofs(state, header, block);
        Header unsealed = SlotDigests.withoutSeal(header);
        BlockExecution exec = executive.begin(state, header.parentHash(), header.number(), unsealed.digest());
        Header computed;
        try {
            int index = 0;
            for (OpaqueExtrinsic x : block.extrinsics()) {
                ApplyOutcome out = executive.apply(exec, x.encode());
                if (out instanceof ApplyOutcome.Rejected r) {
                    return reject(ImportResult.Reason.INVALID_BODY, head, "extrinsic " + index + " is invalid: "
                            + r.reason() + " (" + r.detail() + ")");
                }
                index++;
            }
            computed = executive.finish(exec);
        } catch (InvalidBlockException e) {
            return reject(ImportResult.Reason.INVALID_BODY, head, e.getMessage());
        }
        if (!computed.stateRoot().equals(header.stateRoot())) {
            return reject(ImportResult.Reason.ROOT_MISMATCH, head, "state root " + computed.stateRoot()
                    + " computed, header says " + header.stateRoot());
        }
        if (!computed.extrinsicsRoot().equals(header.extrinsicsRoot())) {
            return reject(ImportResult.Reason.ROOT_MISMATCH, head, "extrinsics root " + computed.extrinsicsRoot()
                    + " computed, header says " + header.extrinsicsRoot());
        }
        if (!computed.digest().equals(unsealed.digest())) {
            return reject(ImportResult.Reason.ROOT_MISMATCH, head, "digest differs from the runtime's");
        }
        TrieCommit commit = exec.state().commit();
        boolean makeBest = ForkChoice.prefers(head, forkChoice.best());
        boolean makeFinal = instantFinality && makeBest;
        lastBatch = new LastBatch(hash, proofs);
        backend.commit(block, commit.changes(), makeBest, makeFinal, null);
        forkChoice.blockImported(header);
        if (makeFinal) {
            forkChoice.finalized(head);
        }
        return new ImportResult.Imported(block, makeBest, makeFinal, (System.nanoTime() - started) / 1_000_000, proofs);
    }

    /**
     * Step 3 of import: verifies the block's proofs as one randomized batch on the parent state, so that
     * execution finds each valid proof in the verifier's memo instead of pairing it alone. It changes the
     * speed of import only, never its result (see {@link BlockProofBatch}).
     */
    private BlockProofBatch.Report preverifyProofs(TrieState parentState, Header header, Block block) {
        boolean hasVerifier = executive.runtime().pallets().stream().anyMatch(VerifierPallet.class::isInstance);
        if (!hasVerifier || block.extrinsics().isEmpty()) {
            return BlockProofBatch.Report.NONE;
        }
        List<byte[]> extrinsics = block.extrinsics().stream().map(OpaqueExtrinsic::encode).toList();
        BlockProofBatch.Report report = BlockProofBatch.preverify(executive.runtime(), parentState,
                header.parentHash(), header.number(), extrinsics);
        if (report.claims() > 0) {
            LOG.debug("Block #{}: {} proofs, {} known from the pool, {} verified as one batch ({} invalid), {} skipped",
                    header.number(), report.claims(), report.alreadyKnown(), report.batched(), report.invalid(),
                    report.skipped());
        }
        return report;
    }

    /**
     * Returns the proof batch report of {@code blockHash} if it is the block {@link #importBlock} stored last
     * (set before the backend's commit listeners run), else {@link BlockProofBatch.Report#NONE}: for logs that
     * only see the committed block, never for decisions.
     */
    public BlockProofBatch.Report proofReport(H256 blockHash) {
        LastBatch last = lastBatch;
        return last.block().equals(blockHash) ? last.report() : BlockProofBatch.Report.NONE;
    }

    /**
     * Stores a block this node authored and executed itself on the current best block, without
     * executing it again. Rejected when the best block moved meanwhile.
     */
    public synchronized ImportResult importAuthored(Block block, BlockExecution executed) {
        Header header = block.header();
        ChainHead head = new ChainHead(header.hash(), header.number());
        ChainHead best = backend.best();
        if (!best.hash().equals(header.parentHash())) {
            return reject(ImportResult.Reason.UNKNOWN_PARENT, head, "the best block moved to " + best + " while authoring");
        }
        TrieCommit commit = executed.state().commit();
        backend.commit(block, commit.changes(), true, instantFinality, null);
        forkChoice.blockImported(header);
        if (instantFinality) {
            forkChoice.finalized(head);
        }
        return new ImportResult.Imported(block, true, instantFinality, 0, BlockProofBatch.Report.NONE);
    }

    /**
     * Finalizes the stored block {@code target} with {@code justification} (may be null): when it
     * is not on the best chain the best block first moves to the best chain containing it, then
     * the block and its ancestors become final and fork choice forgets forks without it. Returns
     * false, changing nothing, when the block is unknown or not above the finalized block.
     */
    public synchronized boolean finalizeBlock(ChainHead target, byte[] justification) {
        ChainHead fin = backend.finalized();
        Optional<Header> header = backend.header(target.hash());
        if (header.isEmpty() || header.get().number() != target.number() || target.number() <= fin.number()
                || !forkChoice.isAncestorOrSelf(fin, target)) {
            return false;
        }
        ChainHead newBest = forkChoice.bestContaining(target).orElse(target);
        if (!forkChoice.isAncestorOrSelf(target, backend.best())) {
            backend.setBest(newBest.hash());
        }
        backend.finalize(target.hash(), justification);
        forkChoice.finalized(target);
        return true;
    }

    private static ImportResult reject(ImportResult.Reason reason, ChainHead head, String detail) {
        return new ImportResult.Rejected(reason, "import " + head + ": " + detail);
    }
}
