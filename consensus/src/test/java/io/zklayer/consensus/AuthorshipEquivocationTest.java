package io.zklayer.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.consensus.finality.VoteEquivocation;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.Header;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorshipEquivocationTest {
    private final ChainFixture fx = new ChainFixture(100, DevAccounts.ALICE, DevAccounts.BOB);
    private final List<AuthorshipEquivocation> reported = new ArrayList<>();
    private final OffenceReporter collect = new OffenceReporter() {
        @Override
        public void authorshipEquivocation(AuthorshipEquivocation evidence) {
            reported.add(evidence);
        }

        @Override
        public void voteEquivocation(VoteEquivocation evidence) {
            throw new AssertionError("unexpected " + evidence);
        }
    };

    @Test
    void twoBlocksSealedByOneAuthorInOneSlotAreReportedOnceAsCheckableEvidence() {
        MemoryChainBackend b = fx.backend();
        BlockImporter importer = fx.importer(b, collect);
        Header genesis = ChainFixture.header(b, b.genesis());
        long slot = fx.slotOf(DevAccounts.ALICE, fx.currentSlot() - 10, 0);
        Block first = fx.build(b, genesis, slot, DevAccounts.ALICE.keyPair(), 0);
        Block second = fx.build(b, genesis, slot, DevAccounts.ALICE.keyPair(), 1);
        Block third = fx.build(b, genesis, slot, DevAccounts.ALICE.keyPair(), 2);
        importer.importBlock(first);
        assertThat(reported).isEmpty();
        importer.importBlock(second);
        importer.importBlock(third);
        assertThat(reported).hasSize(1);
        AuthorshipEquivocation e = reported.get(0);
        assertThat(e.offender()).isEqualTo(ChainFixture.account(DevAccounts.ALICE));
        assertThat(e.slot()).isEqualTo(slot);
        assertThat(e.first()).isEqualTo(first.header());
        assertThat(e.second()).isEqualTo(second.header());
        assertThat(e.check()).isEmpty();
        assertThat(AuthorshipEquivocation.CODEC.decode(e.encode())).isEqualTo(e);
    }

    @Test
    void differentSlotsOrAuthorsAreNotEquivocation() {
        MemoryChainBackend b = fx.backend();
        BlockImporter importer = fx.importer(b, collect);
        Header genesis = ChainFixture.header(b, b.genesis());
        long s1 = fx.slotOf(DevAccounts.ALICE, fx.currentSlot() - 20, 0);
        long s2 = fx.slotOf(DevAccounts.ALICE, s1 + 1, 0);
        importer.importBlock(fx.build(b, genesis, s1, DevAccounts.ALICE));
        importer.importBlock(fx.build(b, genesis, s2, DevAccounts.ALICE));
        importer.importBlock(fx.build(b, genesis, fx.slotOf(DevAccounts.BOB, s1, 0), DevAccounts.BOB));
        assertThat(reported).isEmpty();
    }

    @Test
    void evidenceWithForgedOrMismatchedHeadersFailsItsCheck() {
        MemoryChainBackend b = fx.backend();
        Header genesis = ChainFixture.header(b, b.genesis());
        long slot = fx.slotOf(DevAccounts.ALICE, fx.currentSlot() - 10, 0);
        Header first = fx.build(b, genesis, slot, DevAccounts.ALICE.keyPair(), 0).header();
        Header second = fx.build(b, genesis, slot, DevAccounts.ALICE.keyPair(), 1).header();
        Header byBob = fx.build(b, genesis, slot, DevAccounts.BOB.keyPair(), 1).header();
        Header otherSlot = fx.build(b, genesis, slot + 1, DevAccounts.ALICE.keyPair(), 1).header();
        var alice = ChainFixture.account(DevAccounts.ALICE);
        assertThat(new AuthorshipEquivocation(alice, slot, first, first).check()).hasValueSatisfying(m -> assertThat(m).contains("same block"));
        assertThat(new AuthorshipEquivocation(alice, slot, first, byBob).check()).hasValueSatisfying(m -> assertThat(m).contains("not sealed by"));
        assertThat(new AuthorshipEquivocation(alice, slot, first, otherSlot).check()).hasValueSatisfying(m -> assertThat(m).contains("is not of slot"));
        assertThat(new AuthorshipEquivocation(alice, slot, first, second).check()).isEmpty();
    }

    @Test
    void theDetectorForgetsSlotsOutsideItsWindow() {
        AuthorshipEquivocationDetector d = new AuthorshipEquivocationDetector(10);
        MemoryChainBackend b = fx.backend();
        Header genesis = ChainFixture.header(b, b.genesis());
        long slot = fx.currentSlot() - 30;
        Header h1 = fx.build(b, genesis, slot, DevAccounts.ALICE.keyPair(), 0).header();
        Header h2 = fx.build(b, genesis, slot, DevAccounts.ALICE.keyPair(), 1).header();
        var alice = ChainFixture.account(DevAccounts.ALICE);
        assertThat(d.observe(slot, alice, h1)).isEmpty();
        assertThat(d.observe(slot + 11, alice, h1)).isEmpty();
        assertThat(d.observe(slot, alice, h2)).as("slot left the window").isEmpty();
    }
}
