package io.zklayer.consensus;

import io.zklayer.consensus.epoch.AuthorOrder;
import io.zklayer.consensus.epoch.EpochData;
import io.zklayer.consensus.epoch.StateEpochSource;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.crypto.Ed25519KeyPair;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.Digest;
import io.zklayer.primitives.types.DigestItem;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import io.zklayer.primitives.types.OpaqueExtrinsic;
import io.zklayer.runtime.BlockExecution;
import io.zklayer.runtime.Executive;
import io.zklayer.runtime.Runtime;
import io.zklayer.runtime.RuntimeGenesisConfig;
import io.zklayer.runtime.RuntimeParameters;
import io.zklayer.runtime.ZklayerRuntime;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real runtime, genesis with the given dev validators, a hand-driven slot clock, and helpers that
 * build sealed blocks by hand (any parent, slot, signer and extra digest items) so tests can make
 * forks and break one rule at a time.
 */
public final class ChainFixture {
    public static final long SLOT_MILLIS = 2000;
    public static final Runtime RUNTIME = ZklayerRuntime.create(RuntimeParameters.defaults());
    public static final Executive EXECUTIVE = new Executive(RUNTIME, RuntimeParameters.defaults().limits());

    public final AtomicLong now = new AtomicLong(1_000_000L * SLOT_MILLIS);
    public final SlotClock clock = new SlotClock(SLOT_MILLIS, now::get);
    final RuntimeGenesisConfig genesis;
    public final List<AccountId32> validators;
    final long epochLength;

    public ChainFixture(long epochLength, DevAccounts... validators) {
        this.epochLength = epochLength;
        this.validators = Arrays.stream(validators).map(ChainFixture::account).toList();
        this.genesis = new RuntimeGenesisConfig(
                Map.of(account(DevAccounts.ALICE), RuntimeParameters.UNIT.multiply(BigInteger.valueOf(1000))),
                Optional.of(account(DevAccounts.ALICE)), this.validators).withEpochLength(epochLength);
    }

    public static AccountId32 account(DevAccounts d) {
        return AccountId32.of(d.keyPair().publicKey().bytes());
    }

    public MemoryChainBackend backend() {
        return new MemoryChainBackend(RUNTIME, genesis, EXECUTIVE.layout());
    }

    public BlockImporter importer(MemoryChainBackend b, OffenceReporter offences) {
        HeaderVerifier verifier = new HeaderVerifier(b, new StateEpochSource(b), clock, 1);
        return new BlockImporter(b, EXECUTIVE, verifier, new ForkChoice(b), offences, false);
    }

    BlockImporter importer(MemoryChainBackend b) {
        return importer(b, OffenceReporter.LOGGING);
    }

    /**
     * The epoch {@code index} of a chain whose blocks are exactly the ones listed (the randomness of
     * epoch {@code e + 1} chains the parent hash of epoch {@code e}'s last block); epoch 0 has zero randomness.
     */
    public EpochData epoch(long index) {
        if (index != 0) {
            throw new IllegalArgumentException("use epochAfter(backend, parent) for epochs after 0");
        }
        return new EpochData(0, validators, H256.ZERO);
    }

    /** The epoch of blocks built on {@code parent}, as the chain's state says. */
    public EpochData epochAfter(MemoryChainBackend b, Header parent) {
        return new StateEpochSource(b).epochAfter(parent.hash());
    }

    /** Returns the first slot ≥ {@code from} that {@code who} authors in epoch {@code epochIndex}. */
    long slotOf(DevAccounts who, long from, long epochIndex) {
        return slotOf(who, from, epoch(epochIndex));
    }

    /** Returns the first slot ≥ {@code from} that {@code who} authors in {@code epoch}. */
    long slotOf(DevAccounts who, long from, EpochData epoch) {
        for (long s = from; ; s++) {
            if (AuthorOrder.authorOf(s, epoch).equals(account(who))) {
                return s;
            }
        }
    }

    long currentSlot() {
        return clock.currentSlot();
    }

    /**
     * Builds a block on {@code parent} in {@code slot} with the timestamp inherent, extra pre-digest
     * {@code extra}, sealed by {@code signer}; {@code millisOffset} varies the timestamp so two blocks
     * of one slot differ.
     */
    Block build(MemoryChainBackend b, Header parent, long slot, Ed25519KeyPair signer, long millisOffset, DigestItem... extra) {
        List<DigestItem> pre = new ArrayList<>();
        pre.add(SlotDigests.slot(slot));
        pre.addAll(List.of(extra));
        BlockExecution exec = EXECUTIVE.begin(b.stateAt(parent.hash()), parent.hash(), parent.number() + 1, new Digest(pre));
        byte[] inherent = BlockAuthor.timestampInherent(clock.slotStartMillis(slot) + millisOffset);
        EXECUTIVE.apply(exec, inherent);
        Header unsealed = EXECUTIVE.finish(exec);
        return new Block(seal(unsealed, signer), List.of(OpaqueExtrinsic.CODEC.decode(inherent)));
    }

    Block build(MemoryChainBackend b, Header parent, long slot, DevAccounts signer, DigestItem... extra) {
        return build(b, parent, slot, signer.keyPair(), 0, extra);
    }

    static Header seal(Header unsealed, Ed25519KeyPair signer) {
        return SlotDigests.sealed(unsealed, SlotDigests.seal(signer.sign(unsealed.hash().bytes()).bytes()));
    }

    static Header header(MemoryChainBackend b, ChainHead head) {
        return b.header(head.hash()).orElseThrow();
    }
}
