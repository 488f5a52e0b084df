package io.zklayer.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.Header;
import org.junit.jupiter.api.Test;

class ForkChoiceTest {
    private final ChainFixture fx = new ChainFixture(100, DevAccounts.ALICE, DevAccounts.BOB);
    private final MemoryChainBackend b = fx.backend();
    private final BlockImporter importer = fx.importer(b);
    private final Header genesis = ChainFixture.header(b, b.genesis());
    private final long start = fx.currentSlot() - 40;

    private Block importOn(Header parent, DevAccounts who, long from, long offset) {
        Block block = fx.build(b, parent, fx.slotOf(who, from, 0), who.keyPair(), offset);
        assertThat(importer.importBlock(block)).isInstanceOf(ImportResult.Imported.class);
        return block;
    }

    private static ChainHead head(Block block) {
        return new ChainHead(block.hash(), block.header().number());
    }

    @Test
    void theLongerChainIsBest() {
        Block a1 = importOn(genesis, DevAccounts.ALICE, start, 0);
        Block b1 = importOn(genesis, DevAccounts.BOB, start, 0);
        Block b2 = importOn(b1.header(), DevAccounts.ALICE, start + 10, 0);
        assertThat(b.best()).isEqualTo(head(b2));
        Block a2 = importOn(a1.header(), DevAccounts.BOB, start + 10, 0);
        Block a3 = importOn(a2.header(), DevAccounts.ALICE, start + 20, 0);
        assertThat(b.best()).isEqualTo(head(a3));
        assertThat(importer.forkChoice().leaves()).containsExactly(head(a3), head(b2));
    }

    @Test
    void betweenEquallyLongChainsTheLowestHashWinsWhateverTheImportOrder() {
        Block x = fx.build(b, genesis, fx.slotOf(DevAccounts.ALICE, start, 0), DevAccounts.ALICE);
        Block y = fx.build(b, genesis, fx.slotOf(DevAccounts.BOB, start, 0), DevAccounts.BOB);
        ChainHead lower = head(x).hash().compareTo(head(y).hash()) < 0 ? head(x) : head(y);
        importer.importBlock(x);
        importer.importBlock(y);
        assertThat(b.best()).isEqualTo(lower);
        MemoryChainBackend other = fx.backend();
        BlockImporter otherImporter = fx.importer(other);
        otherImporter.importBlock(y);
        otherImporter.importBlock(x);
        assertThat(other.best()).isEqualTo(lower);
    }

    @Test
    void finalizingABlockOnAShorterForkMovesTheBestBlockOntoIt() {
        Block a1 = importOn(genesis, DevAccounts.ALICE, start, 0);
        Block b1 = importOn(genesis, DevAccounts.BOB, start, 0);
        Block b2 = importOn(b1.header(), DevAccounts.ALICE, start + 10, 0);
        assertThat(b.best()).isEqualTo(head(b2));
        assertThat(importer.finalizeBlock(head(a1), new byte[] {1, 2})).isTrue();
        assertThat(b.finalized()).isEqualTo(head(a1));
        assertThat(b.best()).isEqualTo(head(a1));
        assertThat(b.justification(a1.hash())).hasValueSatisfying(j -> assertThat(j).containsExactly(1, 2));
        assertThat(importer.forkChoice().leaves()).containsExactly(head(a1));
        Block a2 = importOn(a1.header(), DevAccounts.BOB, start + 10, 0);
        assertThat(b.best()).isEqualTo(head(a2));
    }

    @Test
    void finalityNeverMovesBackOrOntoAConflictingFork() {
        Block a1 = importOn(genesis, DevAccounts.ALICE, start, 0);
        Block a2 = importOn(a1.header(), DevAccounts.BOB, start + 10, 0);
        Block b1 = importOn(genesis, DevAccounts.BOB, start, 0);
        assertThat(importer.finalizeBlock(head(a2), null)).isTrue();
        assertThat(importer.finalizeBlock(head(a1), null)).as("going back").isFalse();
        assertThat(importer.finalizeBlock(head(b1), null)).as("conflicting fork").isFalse();
        assertThat(b.finalized()).isEqualTo(head(a2));
    }

    @Test
    void bestContainingPicksThePreferredLeafAboveTheBase() {
        Block a1 = importOn(genesis, DevAccounts.ALICE, start, 0);
        Block a2 = importOn(a1.header(), DevAccounts.BOB, start + 10, 0);
        Block b1 = importOn(genesis, DevAccounts.BOB, start, 0);
        Block b2 = importOn(b1.header(), DevAccounts.ALICE, start + 10, 0);
        Block b3 = importOn(b2.header(), DevAccounts.BOB, start + 20, 0);
        ForkChoice fc = importer.forkChoice();
        assertThat(fc.bestContaining(head(a1))).contains(head(a2));
        assertThat(fc.bestContaining(b.genesis())).contains(head(b3));
        assertThat(fc.isAncestorOrSelf(head(a1), head(b3))).isFalse();
        assertThat(fc.ancestorAt(head(b3), 1)).contains(head(b1));
    }
}
