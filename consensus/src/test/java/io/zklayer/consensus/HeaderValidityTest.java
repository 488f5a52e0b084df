package io.zklayer.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.consensus.epoch.EpochDigest;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.Digest;
import io.zklayer.primitives.types.DigestItem;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per validity rule: each breaks exactly that rule and expects its reason, with nothing written. */
class HeaderValidityTest {
    private final ChainFixture fx = new ChainFixture(100, DevAccounts.ALICE, DevAccounts.BOB);
    private final MemoryChainBackend source = fx.backend();
    private final Header genesis = ChainFixture.header(source, source.genesis());
    private final long aliceSlot = fx.slotOf(DevAccounts.ALICE, fx.currentSlot() - 10, 0);

    private ImportResult.Rejected rejected(Block block) {
        MemoryChainBackend target = fx.backend();
        ImportResult r = fx.importer(target).importBlock(block);
        assertThat(r).isInstanceOf(ImportResult.Rejected.class);
        assertThat(target.commitCount()).as("a rejected block writes nothing").isZero();
        return (ImportResult.Rejected) r;
    }

    private static Header withDigest(Header h, List<DigestItem> logs) {
        return h.withDigest(new Digest(logs));
    }

    @Test
    void aWellFormedBlockByTheSlotAuthorIsValid() {
        Block block = fx.build(source, genesis, aliceSlot, DevAccounts.ALICE);
        assertThat(fx.importer(fx.backend()).importBlock(block)).isInstanceOf(ImportResult.Imported.class);
    }

    @Test
    void rejectsAnUnknownParent() {
        Block b1 = fx.build(source, genesis, aliceSlot, DevAccounts.ALICE);
        fx.importer(source).importBlock(b1);
        Block b2 = fx.build(source, b1.header(), fx.slotOf(DevAccounts.BOB, aliceSlot + 1, 0), DevAccounts.BOB);
        ImportResult.Rejected r = rejected(b2);
        assertThat(r.reason()).isEqualTo(ImportResult.Reason.UNKNOWN_PARENT);
        assertThat(r.detail()).contains("parent").contains("is unknown");
    }

    @Test
    void rejectsANumberThatDoesNotFollowTheParent() {
        Header h = SlotDigests.withoutSeal(fx.build(source, genesis, aliceSlot, DevAccounts.ALICE).header());
        Header renumbered = new Header(h.parentHash(), 2, h.stateRoot(), h.extrinsicsRoot(), h.digest());
        assertThat(rejected(new Block(ChainFixture.seal(renumbered, DevAccounts.ALICE.keyPair()), List.of())).reason())
                .isEqualTo(ImportResult.Reason.BAD_NUMBER);
    }

    @Test
    void rejectsBlocksAtOrBelowFinalityAndOnForksWithoutTheFinalizedBlock() {
        MemoryChainBackend b = fx.backend();
        BlockImporter importer = fx.importer(b);
        Block a1 = fx.build(b, genesis, aliceSlot, DevAccounts.ALICE);
        long bobSlot = fx.slotOf(DevAccounts.BOB, aliceSlot + 1, 0);
        Block b1 = fx.build(b, genesis, bobSlot, DevAccounts.BOB);
        importer.importBlock(a1);
        importer.importBlock(b1);
        Block b2 = fx.build(b, b1.header(), fx.slotOf(DevAccounts.ALICE, bobSlot + 1, 0), DevAccounts.ALICE);
        assertThat(importer.finalizeBlock(new ChainHead(a1.hash(), 1), null)).isTrue();
        ImportResult r = importer.importBlock(b2);
        assertThat(r).isInstanceOf(ImportResult.Rejected.class);
        assertThat(((ImportResult.Rejected) r).reason()).isEqualTo(ImportResult.Reason.BELOW_FINALIZED);
        assertThat(((ImportResult.Rejected) r).detail()).contains("does not contain the finalized block");
        Block other1 = fx.build(b, genesis, fx.slotOf(DevAccounts.ALICE, bobSlot + 1, 0), DevAccounts.ALICE.keyPair(), 7);
        ImportResult r1 = importer.importBlock(other1);
        assertThat(((ImportResult.Rejected) r1).reason()).isEqualTo(ImportResult.Reason.BELOW_FINALIZED);
    }

    @Test
    void rejectsAHeaderWithoutASlot() {
        Header h = SlotDigests.withoutSeal(fx.build(source, genesis, aliceSlot, DevAccounts.ALICE).header());
        Header noSlot = withDigest(h, List.of());
        assertThat(rejected(new Block(ChainFixture.seal(noSlot, DevAccounts.ALICE.keyPair()), List.of())).reason())
                .isEqualTo(ImportResult.Reason.MISSING_SLOT);
        Header twoSlots = withDigest(h, List.of(SlotDigests.slot(aliceSlot), SlotDigests.slot(aliceSlot)));
        assertThat(rejected(new Block(ChainFixture.seal(twoSlots, DevAccounts.ALICE.keyPair()), List.of())).reason())
                .isEqualTo(ImportResult.Reason.MISSING_SLOT);
    }

    @Test
    void rejectsASlotNotAfterTheParentsSlot() {
        MemoryChainBackend b = fx.backend();
        BlockImporter importer = fx.importer(b);
        Block a1 = fx.build(b, genesis, aliceSlot, DevAccounts.ALICE);
        importer.importBlock(a1);
        long earlierBobSlot = fx.slotOf(DevAccounts.BOB, aliceSlot - 40, 0);
        // the timestamp is moved forward so that only the slot rule is broken
        Block child = fx.build(b, a1.header(), earlierBobSlot, DevAccounts.BOB.keyPair(),
                (aliceSlot - earlierBobSlot + 1) * ChainFixture.SLOT_MILLIS);
        ImportResult r = importer.importBlock(child);
        assertThat(((ImportResult.Rejected) r).reason()).isEqualTo(ImportResult.Reason.SLOT_NOT_AFTER_PARENT);
        assertThat(((ImportResult.Rejected) r).detail()).contains("is not after parent slot " + aliceSlot);
    }

    @Test
    void rejectsASlotBeyondTheAllowedDrift() {
        long drift = 1;
        long ok = fx.slotOf(DevAccounts.ALICE, fx.currentSlot() + drift, 0);
        Block inDrift = fx.build(source, genesis, fx.slotOf(DevAccounts.ALICE, fx.currentSlot(), 0), DevAccounts.ALICE);
        assertThat(fx.importer(fx.backend()).importBlock(inDrift)).isInstanceOf(ImportResult.Imported.class);
        long far = fx.slotOf(DevAccounts.ALICE, ok + 1, 0);
        ImportResult.Rejected r = rejected(fx.build(source, genesis, far, DevAccounts.ALICE));
        assertThat(r.reason()).isEqualTo(ImportResult.Reason.SLOT_IN_FUTURE);
        assertThat(r.detail()).contains("slots after the current slot " + fx.currentSlot());
    }

    @Test
    void rejectsABlockSealedByAnotherValidatorAsWrongAuthor() {
        Block byBob = fx.build(source, genesis, aliceSlot, DevAccounts.BOB);
        ImportResult.Rejected r = rejected(byBob);
        assertThat(r.reason()).isEqualTo(ImportResult.Reason.WRONG_AUTHOR);
        assertThat(r.detail()).contains("belongs to " + ChainFixture.account(DevAccounts.ALICE));
    }

    @Test
    void rejectsAMissingOrForeignSeal() {
        Block byCharlie = fx.build(source, genesis, aliceSlot, DevAccounts.CHARLIE);
        assertThat(rejected(byCharlie).reason()).isEqualTo(ImportResult.Reason.BAD_SEAL);
        Header unsealed = SlotDigests.withoutSeal(byCharlie.header());
        assertThat(rejected(new Block(unsealed, byCharlie.extrinsics())).reason()).isEqualTo(ImportResult.Reason.BAD_SEAL);
    }

    @Test
    void rejectsATamperedStateRootEvenWhenResealed() {
        Header h = SlotDigests.withoutSeal(fx.build(source, genesis, aliceSlot, DevAccounts.ALICE).header());
        Header tampered = new Header(h.parentHash(), h.number(), H256.blake2b256Of(new byte[] {9}), h.extrinsicsRoot(), h.digest());
        Block block = fx.build(source, genesis, aliceSlot, DevAccounts.ALICE);
        assertThat(rejected(new Block(ChainFixture.seal(tampered, DevAccounts.ALICE.keyPair()), block.extrinsics())).reason())
                .isEqualTo(ImportResult.Reason.ROOT_MISMATCH);
    }

    @Test
    void theFirstBlockOfAnEpochMustAnnounceExactlyItsSetAndNoOtherBlockMay() {
        ChainFixture short2 = new ChainFixture(1, DevAccounts.ALICE, DevAccounts.BOB);
        MemoryChainBackend b = short2.backend();
        BlockImporter importer = short2.importer(b);
        Header g = ChainFixture.header(b, b.genesis());
        long s1 = short2.slotOf(DevAccounts.ALICE, short2.currentSlot() - 10, 0);
        Block announcingTooEarly = short2.build(b, g, s1, DevAccounts.ALICE, EpochDigest.item(short2.epoch(0)));
        assertThat(((ImportResult.Rejected) importer.importBlock(announcingTooEarly)).reason())
                .isEqualTo(ImportResult.Reason.BAD_EPOCH_DIGEST);
        Block b1 = short2.build(b, g, s1, DevAccounts.ALICE);
        assertThat(importer.importBlock(b1)).isInstanceOf(ImportResult.Imported.class);
        io.zklayer.consensus.epoch.EpochData epoch1 = short2.epochAfter(b, b1.header());
        assertThat(epoch1.epoch()).isEqualTo(1);
        long s2 = short2.slotOf(DevAccounts.BOB, s1 + 1, epoch1);
        Block silent = short2.build(b, b1.header(), s2, DevAccounts.BOB);
        ImportResult.Rejected r = (ImportResult.Rejected) importer.importBlock(silent);
        assertThat(r.reason()).isEqualTo(ImportResult.Reason.BAD_EPOCH_DIGEST);
        assertThat(r.detail()).contains("starts epoch 1");
        Block wrongSet = short2.build(b, b1.header(), s2, DevAccounts.BOB,
                EpochDigest.item(new io.zklayer.consensus.epoch.EpochData(1, List.of(ChainFixture.account(DevAccounts.BOB)), epoch1.randomness())));
        assertThat(((ImportResult.Rejected) importer.importBlock(wrongSet)).reason()).isEqualTo(ImportResult.Reason.BAD_EPOCH_DIGEST);
        Block right = short2.build(b, b1.header(), s2, DevAccounts.BOB, EpochDigest.item(epoch1));
        assertThat(importer.importBlock(right)).isInstanceOf(ImportResult.Imported.class);
        assertThat(b.commitCount()).isEqualTo(2);
    }

    @Test
    void everyRuleHasItsOwnReason() {
        List<ImportResult.Reason> rules = new ArrayList<>(List.of(ImportResult.Reason.values()));
        assertThat(rules).doesNotHaveDuplicates().contains(ImportResult.Reason.SLOT_IN_FUTURE,
                ImportResult.Reason.SLOT_NOT_AFTER_PARENT, ImportResult.Reason.WRONG_AUTHOR, ImportResult.Reason.BAD_SEAL);
    }
}
