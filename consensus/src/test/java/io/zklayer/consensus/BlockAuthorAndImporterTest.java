package io.zklayer.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.consensus.epoch.EpochDigest;
import io.zklayer.pallets.balances.BalancesCall;
import io.zklayer.pallets.balances.BalancesPallet;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.Call;
import io.zklayer.primitives.types.ExtrinsicSigner;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.MultiAddress;
import io.zklayer.runtime.RuntimeParameters;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockAuthorAndImporterTest {
    private final ChainFixture fx = new ChainFixture(3, DevAccounts.ALICE, DevAccounts.BOB);

    private BlockAuthor.Outcome.Authored author(MemoryChainBackend b, BlockImporter importer, DevAccounts who, long slot,
                                                List<byte[]> txs) {
        BlockAuthor author = new BlockAuthor(b, ChainFixture.EXECUTIVE, importer, fx.clock, who.keyPair());
        BlockAuthor.Outcome out = author.author(slot, () -> txs, Long.MAX_VALUE);
        assertThat(out).isInstanceOf(BlockAuthor.Outcome.Authored.class);
        return (BlockAuthor.Outcome.Authored) out;
    }

    private byte[] transfer(H256 genesisHash, long nonce) {
        ExtrinsicSigner signer = new ExtrinsicSigner(1, 1, genesisHash);
        byte[] full = BalancesCall.CODEC.encode(new BalancesCall.TransferAllowDeath(
                MultiAddress.id(ChainFixture.account(DevAccounts.BOB)), RuntimeParameters.UNIT));
        Call call = new Call(BalancesPallet.INDEX, full[0] & 0xFF, java.util.Arrays.copyOfRange(full, 1, full.length));
        return signer.sign(DevAccounts.ALICE.keyPair(), call, nonce, BigInteger.ZERO).encode();
    }

    @Test
    void aBlockAuthoredOnOneNodeImportsOnAnotherWithTheSameRoots() {
        MemoryChainBackend a = fx.backend();
        MemoryChainBackend b = fx.backend();
        long slot = fx.slotOf(DevAccounts.ALICE, fx.currentSlot() - 5, 0);
        var authored = author(a, fx.importer(a), DevAccounts.ALICE, slot,
                List.of(transfer(a.genesis().hash(), 0), transfer(a.genesis().hash(), 1)));
        assertThat(authored.included()).isEqualTo(2);
        BlockImporter importer = fx.importer(b);
        ImportResult result = importer.importBlock(authored.block());
        assertThat(result).isInstanceOf(ImportResult.Imported.class);
        assertThat(b.best()).isEqualTo(a.best());
        assertThat(b.stateAt(b.best().hash()).storageRoot()).isEqualTo(a.stateAt(a.best().hash()).storageRoot());
        assertThat(importer.importBlock(authored.block())).isInstanceOf(ImportResult.AlreadyKnown.class);
    }

    @Test
    void onlyTheSlotAuthorInTheEpochOrderAuthors() {
        MemoryChainBackend a = fx.backend();
        long bobSlot = fx.slotOf(DevAccounts.BOB, fx.currentSlot() - 5, 0);
        BlockAuthor alice = new BlockAuthor(a, ChainFixture.EXECUTIVE, fx.importer(a), fx.clock, DevAccounts.ALICE.keyPair());
        assertThat(alice.author(bobSlot, List::of, Long.MAX_VALUE))
                .isEqualTo(new BlockAuthor.Outcome.NotOurSlot(ChainFixture.account(DevAccounts.BOB)));
        assertThat(a.commitCount()).isZero();
    }

    @Test
    void anAuthorNeverSealsTwoBlocksForOneSlot() {
        MemoryChainBackend a = fx.backend();
        BlockImporter importer = fx.importer(a);
        BlockAuthor alice = new BlockAuthor(a, ChainFixture.EXECUTIVE, importer, fx.clock, DevAccounts.ALICE.keyPair());
        long slot = fx.slotOf(DevAccounts.ALICE, fx.currentSlot() - 9, 0);
        assertThat(alice.author(slot, List::of, Long.MAX_VALUE)).isInstanceOf(BlockAuthor.Outcome.Authored.class);
        // the best block moves back to genesis's other child: Alice must still not author slot again
        Block bobFork = fx.build(a, ChainFixture.header(a, a.genesis()), fx.slotOf(DevAccounts.BOB, slot - 5, 0), DevAccounts.BOB);
        importer.importBlock(bobFork);
        assertThat(alice.author(slot, List::of, Long.MAX_VALUE)).isInstanceOf(BlockAuthor.Outcome.NotOurSlot.class);
    }

    @Test
    void theFirstBlockOfAnEpochAnnouncesTheEpochsSetAndImports() {
        MemoryChainBackend a = fx.backend();
        MemoryChainBackend b = fx.backend();
        BlockImporter importerA = fx.importer(a);
        BlockImporter importerB = fx.importer(b);
        long slot = fx.currentSlot() - 20;
        for (int n = 1; n <= 4; n++) {
            var epoch = fx.epochAfter(a, ChainFixture.header(a, a.best()));
            slot++;
            var author = io.zklayer.consensus.epoch.AuthorOrder.authorOf(slot, epoch);
            DevAccounts who = author.equals(ChainFixture.account(DevAccounts.ALICE)) ? DevAccounts.ALICE : DevAccounts.BOB;
            Block block = author(a, importerA, who, slot, List.of()).block();
            assertThat(EpochDigest.find(block.header())).hasSize(n == 4 ? 1 : 0);
            assertThat(importerB.importBlock(block)).isInstanceOf(ImportResult.Imported.class);
        }
        assertThat(EpochDigest.single(ChainFixture.header(b, b.best())).orElseThrow())
                .isEqualTo(new EpochDigest.Announcement(1, fx.validators));
        var epoch1 = fx.epochAfter(b, ChainFixture.header(b, b.best()));
        assertThat(epoch1.epoch()).isEqualTo(1);
        assertThat(epoch1.randomness()).as("epoch 1 randomness chains the parent hash of block #3")
                .isNotEqualTo(io.zklayer.primitives.types.H256.ZERO);
    }
}
