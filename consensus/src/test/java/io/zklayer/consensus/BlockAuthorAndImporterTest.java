package io.zklayer.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.pallets.balances.BalancesCall;
import io.zklayer.pallets.balances.BalancesPallet;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.Call;
import io.zklayer.primitives.types.ExtrinsicSigner;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import io.zklayer.primitives.types.MultiAddress;
import io.zklayer.runtime.Executive;
import io.zklayer.runtime.Runtime;
import io.zklayer.runtime.RuntimeGenesisConfig;
import io.zklayer.runtime.RuntimeParameters;
import io.zklayer.runtime.ZklayerRuntime;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BlockAuthorAndImporterTest {
    private static final long SLOT = 2000;
    private final AtomicLong now = new AtomicLong(1_000_000L * SLOT);
    private final SlotClock clock = new SlotClock(SLOT, now::get);
    private final Runtime runtime = ZklayerRuntime.create(RuntimeParameters.defaults());
    private final Executive executive = new Executive(runtime, RuntimeParameters.defaults().limits());
    private final RuntimeGenesisConfig genesis = new RuntimeGenesisConfig(
            Map.of(account(DevAccounts.ALICE), RuntimeParameters.UNIT.multiply(BigInteger.valueOf(1000))),
            Optional.of(account(DevAccounts.ALICE)), List.of(account(DevAccounts.ALICE), account(DevAccounts.BOB)));

    private static AccountId32 account(DevAccounts d) {
        return AccountId32.of(d.keyPair().publicKey().bytes());
    }

    private MemoryChainBackend backend() {
        return new MemoryChainBackend(runtime, genesis, executive.layout());
    }

    /** Slots alternate Alice (even), Bob (odd). */
    private BlockAuthor.Outcome.Authored author(MemoryChainBackend b, DevAccounts who, long slot, List<byte[]> txs) {
        BlockImporter importer = new BlockImporter(b, executive, clock, true, 1);
        BlockAuthor author = new BlockAuthor(b, executive, importer, clock, who.keyPair());
        BlockAuthor.Outcome out = author.author(slot, () -> txs, Long.MAX_VALUE);
        assertThat(out).isInstanceOf(BlockAuthor.Outcome.Authored.class);
        return (BlockAuthor.Outcome.Authored) out;
    }

    private byte[] transfer(H256 genesisHash, long nonce) {
        ExtrinsicSigner signer = new ExtrinsicSigner(1, 1, genesisHash);
        byte[] full = BalancesCall.CODEC.encode(
                new BalancesCall.TransferAllowDeath(MultiAddress.id(account(DevAccounts.BOB)), RuntimeParameters.UNIT));
        Call call = new Call(BalancesPallet.INDEX, full[0] & 0xFF, java.util.Arrays.copyOfRange(full, 1, full.length));
        return signer.sign(DevAccounts.ALICE.keyPair(), call, nonce, BigInteger.ZERO).encode();
    }

    @Test
    void aBlockAuthoredOnOneNodeImportsOnAnotherWithTheSameRoots() {
        MemoryChainBackend a = backend();
        MemoryChainBackend b = backend();
        long slot = clock.currentSlot() - (clock.currentSlot() % 2); // Alice's slot
        var authored = author(a, DevAccounts.ALICE, slot, List.of(transfer(a.genesis().hash(), 0), transfer(a.genesis().hash(), 1)));
        assertThat(authored.included()).isEqualTo(2);
        BlockImporter importer = new BlockImporter(b, executive, clock, true, 1);
        ImportResult result = importer.importBlock(authored.block());
        assertThat(result).isInstanceOf(ImportResult.Imported.class);
        assertThat(b.best()).isEqualTo(a.best());
        assertThat(b.stateAt(b.best().hash()).storageRoot()).isEqualTo(a.stateAt(a.best().hash()).storageRoot());
        assertThat(importer.importBlock(authored.block())).isInstanceOf(ImportResult.AlreadyKnown.class);
    }

    @Test
    void onlyTheSlotAuthorAuthors() {
        MemoryChainBackend a = backend();
        BlockImporter importer = new BlockImporter(a, executive, clock, true, 1);
        long bobSlot = clock.currentSlot() | 1;
        BlockAuthor alice = new BlockAuthor(a, executive, importer, clock, DevAccounts.ALICE.keyPair());
        assertThat(alice.author(bobSlot, List::of, Long.MAX_VALUE)).isEqualTo(new BlockAuthor.Outcome.NotOurSlot(account(DevAccounts.BOB)));
        assertThat(a.commitCount()).isZero();
    }

    private ImportResult.Rejected rejectedOn(MemoryChainBackend target, Block block) {
        ImportResult r = new BlockImporter(target, executive, clock, true, 1).importBlock(block);
        assertThat(r).isInstanceOf(ImportResult.Rejected.class);
        assertThat(target.commitCount()).as("a rejected block writes nothing").isZero();
        return (ImportResult.Rejected) r;
    }

    @Test
    void rejectsABlockSealedByTheWrongAuthor() {
        MemoryChainBackend a = backend();
        long aliceSlot = clock.currentSlot() - (clock.currentSlot() % 2);
        Block block = author(a, DevAccounts.ALICE, aliceSlot, List.of()).block();
        Header unsealed = SlotDigests.withoutSeal(block.header());
        Header forged = SlotDigests.sealed(unsealed, SlotDigests.seal(DevAccounts.BOB.keyPair().sign(unsealed.hash().bytes()).bytes()));
        ImportResult.Rejected r = rejectedOn(backend(), new Block(forged, block.extrinsics()));
        assertThat(r.reason()).isEqualTo(ImportResult.Reason.BAD_SEAL);
    }

    @Test
    void rejectsATamperedStateRoot() {
        MemoryChainBackend a = backend();
        long aliceSlot = clock.currentSlot() - (clock.currentSlot() % 2);
        Block block = author(a, DevAccounts.ALICE, aliceSlot, List.of()).block();
        Header h = SlotDigests.withoutSeal(block.header());
        Header tampered = new Header(h.parentHash(), h.number(), H256.blake2b256Of(new byte[] {9}), h.extrinsicsRoot(), h.digest());
        Header resealed = SlotDigests.sealed(tampered, SlotDigests.seal(DevAccounts.ALICE.keyPair().sign(tampered.hash().bytes()).bytes()));
        assertThat(rejectedOn(backend(), new Block(resealed, block.extrinsics())).reason()).isEqualTo(ImportResult.Reason.ROOT_MISMATCH);
    }

    @Test
    void rejectsABlockFromTheFutureAndUnknownParents() {
        MemoryChainBackend a = backend();
        long farSlot = clock.currentSlot() + 10;
        farSlot -= farSlot % 2;
        Block block = author(a, DevAccounts.ALICE, farSlot, List.of()).block();
        assertThat(rejectedOn(backend(), block).reason()).isEqualTo(ImportResult.Reason.BAD_SLOT);
        long s2 = farSlot + 2;
        Block child = author(a, DevAccounts.ALICE, s2, List.of()).block();
        assertThat(rejectedOn(backend(), child).reason()).isEqualTo(ImportResult.Reason.UNKNOWN_PARENT);
    }
}
