package io.zklayer.consensus;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.crypto.Ed25519PublicKey;
import io.zklayer.primitives.crypto.Ed25519Signature;
import io.zklayer.primitives.trie.TrieCommit;
import io.zklayer.primitives.trie.TrieState;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import io.zklayer.primitives.types.OpaqueExtrinsic;
import io.zklayer.runtime.ApplyOutcome;
import io.zklayer.runtime.BlockExecution;
import io.zklayer.runtime.Executive;
import io.zklayer.runtime.InvalidBlockException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The block import pipeline (ARCHITECTURE §4.3): check the header (parent known and above
 * finality, number, slot after the parent's and not in the future, author is the slot's author,
 * seal valid), execute every extrinsic on the parent's state, compare both roots, then write block,
 * state and heads in one batch and apply fork choice (longest chain; ties to the lower hash). Any
 * failure writes nothing and names the rule.
 */
public final class BlockImporter {
    private final ChainBackend backend;
    private final Executive executive;
    private final SlotClock clock;
    private final boolean instantFinality;
    private final long maxFutureSlots;

    /**
     * Creates an importer.
     *
     * @param instantFinality whether every block on the best chain is final at once (dev chains)
     * @param maxFutureSlots how many slots ahead of the local clock a block may be
     */
    public BlockImporter(ChainBackend backend, Executive executive, SlotClock clock, boolean instantFinality,
                         long maxFutureSlots) {
        this.backend = backend;
        this.executive = executive;
        this.clock = clock;
        this.instantFinality = instantFinality;
        this.maxFutureSlots = maxFutureSlots;
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
        Optional<Header> parent = backend.header(header.parentHash());
        if (parent.isEmpty()) {
            return reject(ImportResult.Reason.UNKNOWN_PARENT, head, "parent " + Hex.shortForm(header.parentHash().bytes())
                    + " is unknown");
        }
        if (header.number() != parent.get().number() + 1) {
            return reject(ImportResult.Reason.BAD_NUMBER, head, "number does not follow parent #" + parent.get().number());
        }
        ChainHead fin = backend.finalized();
        if (header.number() <= fin.number()) {
            return reject(ImportResult.Reason.BELOW_FINALIZED, head, "not above the finalized block " + fin);
        }
        OptionalLong slot = SlotDigests.slotOf(header);
        if (slot.isEmpty()) {
            return reject(ImportResult.Reason.BAD_SLOT, head, "no slot pre-runtime digest");
        }
        OptionalLong parentSlot = parent.get().number() == 0 ? OptionalLong.of(-1) : SlotDigests.slotOf(parent.get());
        if (parentSlot.isEmpty() || slot.getAsLong() <= parentSlot.getAsLong()) {
            return reject(ImportResult.Reason.BAD_SLOT, head, "slot " + slot.getAsLong() + " is not after parent slot "
                    + (parentSlot.isEmpty() ? "?" : parentSlot.getAsLong()));
        }
        if (slot.getAsLong() > clock.currentSlot() + maxFutureSlots) {
            return reject(ImportResult.Reason.BAD_SLOT, head, "slot " + slot.getAsLong() + " is in the future (now "
                    + clock.currentSlot() + ")");
        }
        TrieState state;
        try {
            state = backend.stateAt(header.parentHash());
        } catch (RuntimeException e) {
            return reject(ImportResult.Reason.STATE_UNAVAILABLE, head, e.getMessage());
        }
        AccountId32 author = SlotAuthority.authorOf(slot.getAsLong(), SlotAuthority.validators(state));
        Optional<byte[]> seal = SlotDigests.sealOf(header);
        Header unsealed = SlotDigests.withoutSeal(header);
        if (seal.isEmpty() || seal.get().length != Ed25519Signature.LENGTH
                || !Ed25519PublicKey.of(author.bytes()).verify(unsealed.hash().bytes(), Ed25519Signature.of(seal.get()))) {
            return reject(ImportResult.Reason.BAD_SEAL, head, "seal is missing or not signed by the slot author " + author);
        }
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
        ChainHead best = backend.best();
        boolean makeBest = header.number() > best.number()
                || (header.number() == best.number() && hash.compareTo(best.hash()) < 0);
        boolean makeFinal = instantFinality && makeBest;
        backend.commit(block, commit.changes(), makeBest, makeFinal, null);
        return new ImportResult.Imported(block, makeBest, makeFinal, (System.nanoTime() - started) / 1_000_000);
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
        return new ImportResult.Imported(block, true, instantFinality, 0);
    }

    private static ImportResult reject(ImportResult.Reason reason, ChainHead head, String detail) {
        return new ImportResult.Rejected(reason, "import " + head + ": " + detail);
    }
}
