package io.zklayer.consensus.finality;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.consensus.AuthorshipEquivocation;
import io.zklayer.consensus.BlockAuthor;
import io.zklayer.consensus.BlockImporter;
import io.zklayer.consensus.ChainFixture;
import io.zklayer.consensus.ChainHead;
import io.zklayer.consensus.ImportResult;
import io.zklayer.consensus.MemoryChainBackend;
import io.zklayer.consensus.OffenceReporter;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The fault-injection hook of {@link GrandpaVoter}: four validators author and finalize real blocks
 * while //Dave's voter uses {@link DoubleVoting}, so in each round it signs and gossips a second prevote
 * and precommit for another block. The three honest voters report it, with evidence whose two
 * signatures verify, and keep finalizing one chain; nobody else is reported.
 */
class DoubleVotingTest {
    private static final DevAccounts[] VALIDATORS = {DevAccounts.ALICE, DevAccounts.BOB, DevAccounts.CHARLIE, DevAccounts.DAVE};
    private static final AccountId32 DAVE = ChainFixture.account(DevAccounts.DAVE);

    private final ChainFixture fx = new ChainFixture(5, VALIDATORS);
    private final SimScheduler scheduler = new SimScheduler();
    private final SimNetwork network = new SimNetwork(scheduler, new Random(7), 10, 300, VALIDATORS.length);
    private final long t0 = fx.now.get();
    private final List<Node> nodes = new ArrayList<>();

    private final class Node implements OffenceReporter {
        final MemoryChainBackend backend = fx.backend();
        final BlockImporter importer = fx.importer(backend, this);
        final BlockAuthor author;
        final GrandpaVoter voter;
        final List<VoteEquivocation> reported = new ArrayList<>();

        Node(int i, VotingStrategy strategy) {
            author = new BlockAuthor(backend, ChainFixture.EXECUTIVE, importer, fx.clock, VALIDATORS[i].keyPair());
            BackendFinalityChain chain = new BackendFinalityChain(backend, importer, importer.verifier().epochs());
            voter = new GrandpaVoter(chain, network.endpoints.get(i), scheduler.new Loop(), VALIDATORS[i].keyPair(),
                    new FinalityConfig(300, 1200, 1200, 1024), this, VoterStateStore.inMemory(), strategy);
        }

        void receive(Block block, int attempts) {
            fx.now.set(t0 + scheduler.now());
            ImportResult r = importer.importBlock(block);
            if (r instanceof ImportResult.Imported) {
                voter.blockImported(block.header());
            } else if (r instanceof ImportResult.Rejected rej && rej.reason() == ImportResult.Reason.UNKNOWN_PARENT && attempts > 0) {
                scheduler.at(200, () -> receive(block, attempts - 1));
            }
        }

        @Override
        public void authorshipEquivocation(AuthorshipEquivocation evidence) {
            throw new AssertionError("nobody authors twice here: " + evidence);
        }

        @Override
        public void voteEquivocation(VoteEquivocation evidence) {
            reported.add(evidence);
        }
    }

    private void slot() {
        fx.now.set(t0 + scheduler.now());
        long slot = fx.clock.currentSlot();
        for (Node n : nodes) {
            if (n.author.author(slot, List::of, Long.MAX_VALUE) instanceof BlockAuthor.Outcome.Authored a) {
                n.voter.blockImported(a.block().header());
                for (Node other : nodes) {
                    if (other != n) {
                        scheduler.at(network.delay(), () -> other.receive(a.block(), 20));
                    }
                }
            }
        }
        scheduler.at(ChainFixture.SLOT_MILLIS, this::slot);
    }

    @Test
    void aDoubleVoterSignsTwoConflictingVotesOfEachKindThatTheHonestVotersReportWhileTheyKeepFinalizing() {
        for (int i = 0; i < VALIDATORS.length; i++) {
            nodes.add(new Node(i, i == 3 ? DoubleVoting.everyVote() : VotingStrategy.HONEST));
        }
        nodes.forEach(n -> n.voter.start());
        scheduler.at(ChainFixture.SLOT_MILLIS - (t0 % ChainFixture.SLOT_MILLIS), this::slot);
        scheduler.runFor(16 * ChainFixture.SLOT_MILLIS);

        List<Node> honest = nodes.subList(0, 3);
        for (Node n : honest) {
            assertThat(n.reported).as("reports of an honest node").isNotEmpty()
                    .allSatisfy(e -> {
                        assertThat(e.offender()).isEqualTo(DAVE);
                        assertThat(e.first().target()).isNotEqualTo(e.second().target());
                        assertThat(e.first().kind()).isEqualTo(e.second().kind()).isEqualTo(e.kind());
                        assertThat(e.check()).as("both votes signed by Dave for one round and set").isEmpty();
                        assertThat(e.toProof().checkSignatures()).isEmpty();
                    });
            Set<VoteKind> kinds = n.reported.stream().map(VoteEquivocation::kind).collect(Collectors.toSet());
            assertThat(kinds).containsExactlyInAnyOrder(VoteKind.PREVOTE, VoteKind.PRECOMMIT);
            long rounds = n.reported.stream().map(e -> e.setId() + "/" + e.round()).distinct().count();
            assertThat(rounds).as("equivocations in several rounds").isGreaterThan(1);
        }
        long finalized = honest.stream().mapToLong(n -> n.backend.finalized().number()).min().orElseThrow();
        assertThat(finalized).as("the honest three keep finalizing across set changes").isGreaterThanOrEqualTo(10);
        Node first = honest.get(0);
        for (Node n : honest) {
            for (long h = 1; h <= finalized; h++) {
                assertThat(n.importer.forkChoice().ancestorAt(n.backend.finalized(), h))
                        .isEqualTo(first.importer.forkChoice().ancestorAt(first.backend.finalized(), h));
            }
        }
    }

    @Test
    void theConflictingTargetIsTheParentOfTheHonestOneAndOnlyForTheChosenKinds() {
        MemoryChainBackend b = fx.backend();
        BlockImporter importer = fx.importer(b, OffenceReporter.LOGGING);
        BlockAuthor alice = new BlockAuthor(b, ChainFixture.EXECUTIVE, importer, fx.clock, DevAccounts.ALICE.keyPair());
        Block block = null;
        for (long s = fx.clock.currentSlot() + 1; block == null; s++) {
            fx.now.set(fx.clock.slotStartMillis(s));
            if (alice.author(s, List::of, Long.MAX_VALUE) instanceof BlockAuthor.Outcome.Authored a) {
                block = a.block();
            }
        }
        ChainHead target = new ChainHead(block.hash(), 1);
        HeaderLookup lookup = b::header;
        ChainHead genesis = new ChainHead(b.genesis().hash(), 0);

        assertThat(DoubleVoting.everyVote().conflictingTarget(VoteKind.PRECOMMIT, target, lookup)).hasValue(genesis);
        assertThat(new DoubleVoting(EnumSet.of(VoteKind.PREVOTE)).conflictingTarget(VoteKind.PRECOMMIT, target, lookup))
                .isEmpty();
        assertThat(DoubleVoting.everyVote().conflictingTarget(VoteKind.PREVOTE, genesis, lookup)).as("genesis has no parent")
                .isEmpty();
        assertThat(VotingStrategy.HONEST.conflictingTarget(VoteKind.PREVOTE, target, lookup)).isEmpty();
        Optional<Header> unknown = lookup.header(H256.ZERO);
        assertThat(unknown).isEmpty();
    }
}
