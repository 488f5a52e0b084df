package io.zklayer.consensus.finality;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.consensus.ChainHead;
import io.zklayer.primitives.crypto.Ed25519KeyPair;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Header;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The round arithmetic on a small tree: genesis ← A ← B ← C ← D, and C ← E (a fork at C), with four
 * voters (threshold 3).
 */
class VotingRoundTest {
    private final BlockTree tree = new BlockTree();
    private final List<Ed25519KeyPair> keys = IntStream.range(0, 4).mapToObj(i -> Ed25519KeyPair.fromSecretUri("//Voter" + i)).toList();
    private final AuthoritySet set = new AuthoritySet(0, keys.stream().map(k -> AccountId32.of(k.publicKey().bytes())).toList());
    private final Header a = tree.child(tree.genesis());
    private final Header b = tree.child(a);
    private final Header c = tree.child(b);
    private final Header d = tree.child(c);
    private final Header e = tree.child(c);
    private final VotingRound round = new VotingRound(1, set, BlockTree.head(tree.genesis()));

    private VotingRound.AddResult vote(int voter, VoteKind kind, Header target) {
        return round.add(SignedVote.sign(keys.get(voter), kind, BlockTree.head(target), 1, 0), tree);
    }

    private static Optional<ChainHead> head(Header h) {
        return Optional.of(BlockTree.head(h));
    }

    @Test
    void thePrevoteGhostIsTheHighestBlockWithASupermajority() {
        vote(0, VoteKind.PREVOTE, d);
        vote(1, VoteKind.PREVOTE, e);
        assertThat(round.state().prevoteGhost()).as("two of four is not enough").isEmpty();
        vote(2, VoteKind.PREVOTE, d);
        assertThat(round.state().prevoteGhost()).as("D and E share C").isEqualTo(head(c));
        vote(3, VoteKind.PREVOTE, d);
        assertThat(round.state().prevoteGhost()).isEqualTo(head(d));
        assertThat(round.state().completable()).as("no precommits yet").isFalse();
    }

    @Test
    void theEstimateFallsBackToWhatPrecommitsCanStillFinalizeAndTheRoundCompletes() {
        for (int i = 0; i < 4; i++) {
            vote(i, VoteKind.PREVOTE, d);
        }
        vote(0, VoteKind.PRECOMMIT, d);
        vote(1, VoteKind.PRECOMMIT, e);
        vote(2, VoteKind.PRECOMMIT, b);
        // D: 1 precommit + 1 missing voter + 1 possible equivocation = 3, so D might still be finalized
        assertThat(round.state().estimate()).isEqualTo(head(d));
        vote(3, VoteKind.PRECOMMIT, b);
        RoundState s = round.state();
        assertThat(s.finalized()).as("four precommits for B or beyond").isEqualTo(head(b));
        // now D can reach at most 1 + 1 possible equivocation = 2 < 3; C (D and E) can reach 3
        assertThat(s.estimate()).isEqualTo(head(c));
        assertThat(s.completable()).as("the estimate is below the prevote-GHOST").isTrue();
    }

    @Test
    void aRoundIsNotCompletableWhileAChildOfTheGhostCouldStillBeFinalized() {
        vote(0, VoteKind.PREVOTE, c);
        vote(1, VoteKind.PREVOTE, c);
        vote(2, VoteKind.PREVOTE, d);
        vote(0, VoteKind.PRECOMMIT, c);
        vote(1, VoteKind.PRECOMMIT, d);
        assertThat(round.state().completable()).as("fewer precommits than the threshold").isFalse();
        vote(2, VoteKind.PRECOMMIT, c);
        RoundState s = round.state();
        assertThat(s.prevoteGhost()).isEqualTo(head(c));
        assertThat(s.estimate()).isEqualTo(head(c));
        assertThat(s.completable()).as("D: one precommit, one missing voter, one possible equivocation").isFalse();
        vote(3, VoteKind.PRECOMMIT, c);
        assertThat(round.state().completable()).isTrue();
        assertThat(round.state().finalized()).isEqualTo(head(c));
    }

    @Test
    void anEquivocatorCountsForEveryBlockInThePrevoteGhostAndIsReportedOnce() {
        vote(0, VoteKind.PREVOTE, d);
        vote(1, VoteKind.PREVOTE, d);
        VotingRound.AddResult first = vote(3, VoteKind.PREVOTE, e);
        assertThat(first.equivocation()).isEmpty();
        assertThat(round.state().prevoteGhost()).isEqualTo(head(c));
        VotingRound.AddResult second = vote(3, VoteKind.PREVOTE, a);
        assertThat(second.equivocation()).hasValueSatisfying(ev -> {
            assertThat(ev.kind()).isEqualTo(VoteKind.PREVOTE);
            assertThat(ev.check()).isEmpty();
        });
        assertThat(round.state().prevoteGhost()).as("the equivocator now supports D too").isEqualTo(head(d));
        assertThat(vote(3, VoteKind.PREVOTE, b).status()).isEqualTo(VotingRound.Added.EXCESS);
        assertThat(vote(3, VoteKind.PREVOTE, a).status()).isEqualTo(VotingRound.Added.DUPLICATE);
        assertThat(round.participants(VoteKind.PREVOTE)).isEqualTo(3);
    }

    @Test
    void finalizationNeedsDistinctVotersWithPrecommitsOnTheBlocksChain() {
        vote(0, VoteKind.PRECOMMIT, d);
        vote(1, VoteKind.PRECOMMIT, d);
        vote(3, VoteKind.PRECOMMIT, e);
        vote(3, VoteKind.PRECOMMIT, a);
        assertThat(round.state().finalized()).as("the equivocator's E vote counts for C, not for D").isEqualTo(head(c));
        assertThat(round.justificationFor(BlockTree.head(c), tree)).hasValueSatisfying(j ->
                assertThat(JustificationVerifier.verify(j, set, Optional.of(BlockTree.head(c))))
                        .isInstanceOf(JustificationVerifier.Result.Valid.class));
    }

    @Test
    void votesForUnknownBlocksWaitAndVotesBelowTheBaseOrOnOtherForksNeverCount() {
        Header f1 = tree.child(tree.genesis());
        Header f2 = tree.child(f1);
        VotingRound r = new VotingRound(1, set, BlockTree.head(a));
        HeaderLookup withoutD = hash -> hash.equals(d.hash()) ? Optional.empty() : tree.header(hash);
        SignedVote forD = SignedVote.sign(keys.get(0), VoteKind.PREVOTE, BlockTree.head(d), 1, 0);
        assertThat(r.add(forD, withoutD).status()).isEqualTo(VotingRound.Added.PENDING);
        assertThat(r.hasPending()).isTrue();
        assertThat(r.participants(VoteKind.PREVOTE)).isZero();
        assertThat(r.add(SignedVote.sign(keys.get(1), VoteKind.PREVOTE, BlockTree.head(tree.genesis()), 1, 0), tree).status())
                .isEqualTo(VotingRound.Added.NOT_DESCENDANT);
        assertThat(r.add(SignedVote.sign(keys.get(2), VoteKind.PREVOTE, BlockTree.head(f2), 1, 0), tree).status())
                .isEqualTo(VotingRound.Added.NOT_DESCENDANT);
        assertThat(r.refresh(tree)).isTrue();
        assertThat(r.hasPending()).isFalse();
        assertThat(r.participants(VoteKind.PREVOTE)).isEqualTo(1);
    }
}
