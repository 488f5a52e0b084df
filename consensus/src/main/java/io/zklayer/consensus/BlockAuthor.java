package io.zklayer.consensus;

import io.zklayer.consensus.epoch.AuthorOrder;
import io.zklayer.consensus.epoch.EpochData;
import io.zklayer.consensus.epoch.EpochDigest;
import io.zklayer.consensus.epoch.EpochSource;
import io.zklayer.pallets.timestamp.TimestampPallet;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.crypto.Ed25519KeyPair;
import io.zklayer.primitives.trie.TrieState;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.Call;
import io.zklayer.primitives.types.Digest;
import io.zklayer.primitives.types.Header;
import io.zklayer.primitives.types.OpaqueExtrinsic;
import io.zklayer.primitives.types.UncheckedExtrinsic;
import io.zklayer.runtime.ApplyOutcome;
import io.zklayer.runtime.BlockExecution;
import io.zklayer.runtime.Executive;
import io.zklayer.runtime.TransactionValidity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Authors blocks (ARCHITECTURE §4.2): when this node's key is the slot's author on the best block
 * (in the epoch's {@link AuthorOrder}), it builds on it — the timestamp inherent (the slot's start time), then ready pool transactions in
 * order until the block's weight or length limit or the time budget — seals the header with the
 * key and stores the block through the importer. The first block of an epoch announces the
 * epoch's validator set ({@link EpochDigest}). It never seals two blocks for one slot.
 */
public final class BlockAuthor {
    /** The result of a slot: a block, or why none was made. */
    public sealed interface Outcome {
        /** A block was authored; {@code skipped} transactions were found invalid and left out. */
        record Authored(Block block, int included, List<byte[]> skipped, long buildMillis) implements Outcome {}

        /** Not this node's slot, or nothing to do. */
        record NotOurSlot(AccountId32 author) implements Outcome {}

        /** The block could not be stored (the best block moved); {@code reason} says why. */
        record Failed(String reason) implements Outcome {}
    }

    private final ChainBackend backend;
    private final Executive executive;
    private final BlockImporter importer;
    private final SlotClock clock;
    private final Ed25519KeyPair key;
    private final AccountId32 me;
    private long lastAuthoredSlot = Long.MIN_VALUE;

    /** Creates an author signing with {@code key}. */
    public BlockAuthor(ChainBackend backend, Executive executive, BlockImporter importer, SlotClock clock,
                       Ed25519KeyPair key) {
        this.backend = backend;
        this.executive = executive;
        this.importer = importer;
        this.clock = clock;
        this.key = key;
        this.me = AccountId32.of(key.publicKey().bytes());
    }

    /** Returns the authoring account. */
    public AccountId32 account() {
        return me;
    }

    /**
     * Authors a block for {@code slot} if it is ours, taking transactions from {@code ready} in
     * order, spending at most {@code budgetNanos} on them.
     */
    public synchronized Outcome author(long slot, Supplier<List<byte[]>> ready, long budgetNanos) {
        long started = System.nanoTime();
        ChainHead best = backend.best();
        Header parent = backend.header(best.hash()).orElseThrow();
        OptionalLong parentSlot = best.number() == 0 ? OptionalLong.of(-1) : SlotDigests.slotOf(parent);
        if (parentSlot.isPresent() && slot <= parentSlot.getAsLong()) {
            return new Outcome.NotOurSlot(me);
        }
        if (slot <= lastAuthoredSlot) {
            // Never seal a second block in a slot (or an earlier one), even on another fork: that is equivocation.
            return new Outcome.NotOurSlot(me);
        }
        EpochSource epochs = importer.verifier().epochs();
        EpochData epoch = epochs.epochAfter(best.hash());
        AccountId32 author = AuthorOrder.authorOf(slot, epoch);
        if (!author.equals(me)) {
            return new Outcome.NotOurSlot(author);
        }
        TrieState state = backend.stateAt(best.hash());
        long number = best.number() + 1;
        boolean firstOfEpoch = number > 1 && (number - 1) % epochs.epochLength() == 0;
        Digest preDigest = firstOfEpoch ? Digest.of(SlotDigests.slot(slot), EpochDigest.item(epoch)) : Digest.of(SlotDigests.slot(slot));
        lastAuthoredSlot = slot;
        BlockExecution exec = executive.begin(state, best.hash(), number, preDigest);
        List<OpaqueExtrinsic> body = new ArrayList<>();
        byte[] inherent = timestampInherent(clock.slotStartMillis(slot));
        ApplyOutcome ts = executive.apply(exec, inherent);
        if (!(ts instanceof ApplyOutcome.Applied)) {
            return new Outcome.Failed("timestamp inherent rejected: " + ts);
        }
        body.add(OpaqueExtrinsic.CODEC.decode(inherent));
        List<byte[]> skipped = new ArrayList<>();
        for (byte[] xt : ready.get()) {
            if (System.nanoTime() - started > budgetNanos) {
                break;
            }
            ApplyOutcome out = executive.apply(exec, xt);
            if (out instanceof ApplyOutcome.Rejected r) {
                if (r.reason() == TransactionValidity.InvalidTransaction.EXHAUSTS_RESOURCES) {
                    break;
                }
                skipped.add(xt);
                continue;
            }
            body.add(OpaqueExtrinsic.CODEC.decode(xt));
        }
        Header unsealed = executive.finish(exec);
        Header sealed = SlotDigests.sealed(unsealed, SlotDigests.seal(key.sign(unsealed.hash().bytes()).bytes()));
        Block block = new Block(sealed, body);
        ImportResult stored = importer.importAuthored(block, exec);
        if (stored instanceof ImportResult.Rejected r) {
            return new Outcome.Failed(r.detail());
        }
        return new Outcome.Authored(block, body.size() - 1, skipped, (System.nanoTime() - started) / 1_000_000);
    }

    /** Returns the encoded {@code timestamp.set(millis)} inherent. */
    public static byte[] timestampInherent(long millis) {
        Call call = new Call(TimestampPallet.INDEX, 0, ScaleCodecs.COMPACT_U64.encode(millis));
        return UncheckedExtrinsic.unsigned(call).encode();
    }
}
