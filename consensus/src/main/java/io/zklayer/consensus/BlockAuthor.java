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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authors blocks (ARCHITECTURE §4.2): when this node's key is the slot's author on the best block
 * (in the epoch's {@link AuthorOrder}), it builds on it — the timestamp inherent (the slot's start time), then ready pool transactions in
 * order until the block's weight or length limit or the time budget — seals the header with the
 * key and stores the block through the importer. The first block of an epoch announces the
 * epoch's validator set ({@link EpochDigest}). It never seals two blocks for one slot — unless it was
 * given a fault-injection {@link AuthoringStrategy} (test chains only), which makes it also seal a
 * second, different valid block on the same parent in each of its slots and store it through the
 * import pipeline, logging a warning each time.
 */
public final class BlockAuthor {
    /** The result of a slot: a block, or why none was made. */
    public sealed interface Outcome {
        /**
         * A block was authored; {@code skipped} transactions were found invalid and left out;
         * {@code equivocation} is the second block of the same slot a fault-injection strategy made
         * (announce it too), empty for an honest author.
         */
        record Authored(Block block, int included, List<byte[]> skipped, long buildMillis, Optional<Block> equivocation)
                implements Outcome {
            /** An honest outcome: one block. */
            public Authored(Block block, int included, List<byte[]> skipped, long buildMillis) {
                this(block, included, skipped, buildMillis, Optional.empty());
            }
        }

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
    private final AuthoringStrategy strategy;
    private long lastAuthoredSlot = Long.MIN_VALUE;

    private static final Logger LOG = LoggerFactory.getLogger(BlockAuthor.class);

    /** Creates an honest author signing with {@code key}. */
    public BlockAuthor(ChainBackend backend, Executive executive, BlockImporter importer, SlotClock clock,
                       Ed25519KeyPair key) {
        this(backend, executive, importer, clock, key, AuthoringStrategy.HONEST);
    }

    /**
     * Creates an author signing with {@code key} that behaves as {@code strategy} says
     * ({@link AuthoringStrategy#HONEST} except in fault-injection tests).
     */
    public BlockAuthor(ChainBackend backend, Executive executive, BlockImporter importer, SlotClock clock,
                       Ed25519KeyPair key, AuthoringStrategy strategy) {
        this.backend = backend;
        this.executive = executive;
        this.importer = importer;
        this.clock = clock;
        this.key = key;
        this.me = AccountId32.of(key.publicKey().bytes());
        this.strategy = java.util.Objects.requireNonNull(strategy, "strategy");
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
        Optional<Block> second = strategy.secondBody(slot, best.hash(), () -> backend.stateAt(best.hash()))
                .flatMap(extra -> sealSecond(slot, best, preDigest, inherent, extra, block));
        return new Outcome.Authored(block, body.size() - 1, skipped, (System.nanoTime() - started) / 1_000_000, second);
    }

    /**
     * Fault injection: builds, seals and imports a second block of {@code slot} on {@code parent} with the
     * same pre-digest and timestamp inherent as {@code first} and {@code extra} after it. Returns it when it
     * differs from {@code first} and imported; else logs why not and returns empty.
     */
    private Optional<Block> sealSecond(long slot, ChainHead parent, Digest preDigest, byte[] inherent, List<byte[]> extra,
                                       Block first) {
        BlockExecution exec = executive.begin(backend.stateAt(parent.hash()), parent.hash(), parent.number() + 1, preDigest);
        List<OpaqueExtrinsic> body = new ArrayList<>();
        for (byte[] xt : concat(inherent, extra)) {
            ApplyOutcome out = executive.apply(exec, xt);
            if (!(out instanceof ApplyOutcome.Applied)) {
                LOG.warn("Misbehaving on purpose failed: the second block of slot {} would not apply an extrinsic: {}",
                        slot, out);
                return Optional.empty();
            }
            body.add(OpaqueExtrinsic.CODEC.decode(xt));
        }
        Header unsealed = executive.finish(exec);
        Header sealed = SlotDigests.sealed(unsealed, SlotDigests.seal(key.sign(unsealed.hash().bytes()).bytes()));
        Block second = new Block(sealed, body);
        if (second.hash().equals(first.hash())) {
            LOG.warn("Misbehaving on purpose failed: the second block of slot {} equals the first", slot);
            return Optional.empty();
        }
        ImportResult stored = importer.importBlock(second);
        if (stored instanceof ImportResult.Rejected r) {
            LOG.warn("Misbehaving on purpose failed: the second block of slot {} was rejected: {}", slot, r.detail());
            return Optional.empty();
        }
        LOG.warn("Misbehaving on purpose: sealed a second block for slot {}: #{} {} besides {}", slot, sealed.number(),
                second.hash(), first.hash());
        return Optional.of(second);
    }

    private static List<byte[]> concat(byte[] first, List<byte[]> rest) {
        List<byte[]> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /** Returns the encoded {@code timestamp.set(millis)} inherent. */
    public static byte[] timestampInherent(long millis) {
        Call call = new Call(TimestampPallet.INDEX, 0, ScaleCodecs.COMPACT_U64.encode(millis));
        return UncheckedExtrinsic.unsigned(call).encode();
    }
}
