package io.zklayer.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.consensus.finality.VoteEquivocation;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.Header;
import io.zklayer.primitives.types.UncheckedExtrinsic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The fault-injection hook of {@link BlockAuthor}: with {@link DoubleAuthoring} the author seals two
 * different valid blocks on one parent in its slot (the second with a signed remark instead of the pool's
 * transactions), stores both, and another node imports both and reports the equivocation with evidence
 * the runtime accepts; the honest default seals one.
 */
class DoubleAuthoringTest {
    private final ChainFixture fx = new ChainFixture(10, DevAccounts.ALICE, DevAccounts.BOB);
    private final MemoryChainBackend misbehaving = fx.backend();
    private final BlockImporter misbehavingImporter = fx.importer(misbehaving, OffenceReporter.LOGGING);
    private final List<AuthorshipEquivocation> caught = new ArrayList<>();
    private final MemoryChainBackend honest = fx.backend();
    private final BlockImporter honestImporter = fx.importer(honest, new OffenceReporter() {
        @Override
        public void authorshipEquivocation(AuthorshipEquivocation evidence) {
            caught.add(evidence);
        }

        @Override
        public void voteEquivocation(VoteEquivocation evidence) {
            throw new AssertionError("no votes here: " + evidence);
        }
    });

    private long aliceSlot() {
        long slot = fx.slotOf(DevAccounts.ALICE, fx.currentSlot() + 1, 0);
        fx.now.set(fx.clock.slotStartMillis(slot));
        return slot;
    }

    @Test
    void aDoubleAuthorSealsTwoDifferentValidBlocksOnOneParentInItsSlotThatAnotherNodeImportsAndReports() {
        BlockAuthor author = new BlockAuthor(misbehaving, ChainFixture.EXECUTIVE, misbehavingImporter, fx.clock,
                DevAccounts.ALICE.keyPair(), new DoubleAuthoring(DevAccounts.ALICE.keyPair(),
                ChainFixture.RUNTIME.version(), misbehaving.genesis().hash()));
        long slot = aliceSlot();

        BlockAuthor.Outcome out = author.author(slot, List::of, Long.MAX_VALUE);

        assertThat(out).isInstanceOf(BlockAuthor.Outcome.Authored.class);
        BlockAuthor.Outcome.Authored authored = (BlockAuthor.Outcome.Authored) out;
        Block first = authored.block();
        Block second = authored.equivocation().orElseThrow();
        Header a = first.header();
        Header b = second.header();
        assertThat(b.parentHash()).isEqualTo(a.parentHash()).isEqualTo(misbehaving.genesis().hash());
        assertThat(b.number()).isEqualTo(a.number()).isEqualTo(1);
        assertThat(SlotDigests.slotOf(a)).hasValue(slot);
        assertThat(SlotDigests.slotOf(b)).hasValue(slot);
        assertThat(b.hash()).isNotEqualTo(a.hash());
        assertThat(first.extrinsics()).hasSize(1);
        assertThat(second.extrinsics()).hasSize(2);
        assertThat(second.extrinsics().get(0)).isEqualTo(first.extrinsics().get(0)).as("the slot's timestamp inherent");
        UncheckedExtrinsic remark = UncheckedExtrinsic.CODEC.decode(second.extrinsics().get(1).encode());
        assertThat(remark.signature()).isPresent();
        assertThat(misbehaving.header(a.hash())).isPresent();
        assertThat(misbehaving.header(b.hash())).as("the second block is stored too, so peers can fetch it").isPresent();
        assertThat(new AuthorshipEquivocation(ChainFixture.account(DevAccounts.ALICE), slot, a, b).check())
                .as("both seals verify: valid evidence").isEmpty();

        assertThat(honestImporter.importBlock(first)).isInstanceOf(ImportResult.Imported.class);
        assertThat(honestImporter.importBlock(second)).isInstanceOf(ImportResult.Imported.class);
        assertThat(caught).singleElement().satisfies(e -> {
            assertThat(e.offender()).isEqualTo(ChainFixture.account(DevAccounts.ALICE));
            assertThat(e.slot()).isEqualTo(slot);
            assertThat(List.of(e.first().hash(), e.second().hash())).containsExactly(a.hash(), b.hash());
            assertThat(e.check()).isEmpty();
        });
    }

    @Test
    void theSecondBlockOfTheNextSlotIsAgainDifferentAndValid() {
        BlockAuthor author = new BlockAuthor(misbehaving, ChainFixture.EXECUTIVE, misbehavingImporter, fx.clock,
                DevAccounts.ALICE.keyPair(), new DoubleAuthoring(DevAccounts.ALICE.keyPair(),
                ChainFixture.RUNTIME.version(), misbehaving.genesis().hash()));
        BlockAuthor.Outcome.Authored one = (BlockAuthor.Outcome.Authored) author.author(aliceSlot(), List::of, Long.MAX_VALUE);
        long slot = aliceSlot();
        BlockAuthor.Outcome.Authored two = (BlockAuthor.Outcome.Authored) author.author(slot, List::of, Long.MAX_VALUE);
        assertThat(two.block().header().parentHash()).isEqualTo(one.block().hash());
        Block second = two.equivocation().orElseThrow();
        assertThat(second.header().parentHash()).isEqualTo(one.block().hash());
        assertThat(second.hash()).isNotEqualTo(two.block().hash());
        assertThat(misbehaving.header(second.hash())).isPresent();
    }

    @Test
    void anHonestAuthorSealsOneBlockPerSlot() {
        BlockAuthor author = new BlockAuthor(misbehaving, ChainFixture.EXECUTIVE, misbehavingImporter, fx.clock,
                DevAccounts.ALICE.keyPair());
        long slot = aliceSlot();
        BlockAuthor.Outcome.Authored out = (BlockAuthor.Outcome.Authored) author.author(slot, List::of, Long.MAX_VALUE);
        assertThat(out.equivocation()).isEqualTo(Optional.empty());
        assertThat(author.author(slot, List::of, Long.MAX_VALUE)).isInstanceOf(BlockAuthor.Outcome.NotOurSlot.class);
    }
}
