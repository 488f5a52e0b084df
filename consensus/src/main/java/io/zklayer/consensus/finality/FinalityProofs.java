package io.zklayer.consensus.finality;

import io.zklayer.consensus.ChainHead;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Turning what peers send into things the voter can trust: a gossiped commit into a justification
 * with ancestry from the local chain, and a catch-up answer into a completed round.
 */
final class FinalityProofs {
    private FinalityProofs() {}

    /**
     * Returns the justification of {@code commit} with ancestry headers from {@code chain}, or empty
     * while the target or a precommit's block is not known locally (try again after imports).
     * Precommits that do not lead to the target get no headers, so verification refuses them.
     */
    static Optional<GrandpaJustification> withLocalAncestry(long round, Commit commit, HeaderLookup chain) {
        Map<H256, Header> headers = new TreeMap<>();
        ChainHead target = commit.target();
        if (chain.header(target.hash()).isEmpty()) {
            return Optional.empty();
        }
        for (SignedVote p : commit.precommits()) {
            H256 h = p.target().hash();
            for (long n = p.target().number(); n > target.number(); n--) {
                Optional<Header> header = chain.header(h);
                if (header.isEmpty()) {
                    return Optional.empty();
                }
                if (header.get().number() != n) {
                    break;
                }
                headers.put(h, header.get());
                h = header.get().parentHash();
            }
        }
        return Optional.of(new GrandpaJustification(round, commit, new ArrayList<>(headers.values())));
    }

    /**
     * Returns the round a catch-up answer describes when its base is known, every vote is by a voter
     * of {@code set} with a valid signature, prevotes and precommits each come from a supermajority,
     * and the round is completable; otherwise empty. Equivocations found go to {@code equivocations}.
     */
    static Optional<VotingRound> completedRound(FinalityMessage.CatchUp c, AuthoritySet set, HeaderLookup chain,
                                                Consumer<VoteEquivocation> equivocations) {
        if (chain.header(c.base().hash()).isEmpty() || c.prevotes().size() + c.precommits().size() > 4 * set.size()) {
            return Optional.empty();
        }
        VotingRound round = new VotingRound(c.round(), set, c.base());
        for (List<SignedVote> votes : List.of(c.prevotes(), c.precommits())) {
            for (SignedVote v : votes) {
                if (!set.contains(v.voter()) || !v.verify(c.round(), set.setId())) {
                    return Optional.empty();
                }
                round.add(v, chain).equivocation().ifPresent(equivocations);
            }
        }
        int threshold = set.threshold();
        boolean complete = round.participants(VoteKind.PREVOTE) >= threshold
                && round.participants(VoteKind.PRECOMMIT) >= threshold && round.state().completable();
        return complete ? Optional.of(round) : Optional.empty();
    }
}
