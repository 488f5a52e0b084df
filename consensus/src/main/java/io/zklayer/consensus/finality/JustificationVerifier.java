package io.zklayer.consensus.finality;

import io.zklayer.consensus.ChainHead;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a {@link GrandpaJustification} with nothing but the authority set that should have signed
 * it, as a syncing node does:
 * <ol>
 *   <li>{@link Reason#WRONG_TARGET}: it finalizes the block it is presented for;</li>
 *   <li>{@link Reason#TOO_MANY_PRECOMMITS} / {@link Reason#TOO_MANY_ANCESTRY_HEADERS}: sizes are
 *       bounded before any signature is checked;</li>
 *   <li>{@link Reason#UNKNOWN_VOTER}: every precommit is by a voter of the set;</li>
 *   <li>{@link Reason#BAD_SIGNATURE}: every signature verifies for the justification's round and
 *       the set's id (so votes of another set or round fail here);</li>
 *   <li>{@link Reason#BAD_ANCESTRY}: every precommit is for the target or a descendant, linked by
 *       the ancestry headers;</li>
 *   <li>{@link Reason#UNUSED_ANCESTRY}: no ancestry header is superfluous;</li>
 *   <li>{@link Reason#INSUFFICIENT_PRECOMMITS}: more than two thirds of the set precommitted.</li>
 * </ol>
 * A voter with two different precommits counts once.
 */
public final class JustificationVerifier {
    /** Precommits beyond this many are refused (two per voter at most make sense). */
    public static final int MAX_PRECOMMITS_PER_VOTER = 2;
    /** Ancestry headers beyond this many per precommit are refused. */
    public static final int MAX_ANCESTRY_PER_PRECOMMIT = 4096;

    /** Why a justification is refused. */
    public enum Reason {
        /** It finalizes another block than the one it came with. */
        WRONG_TARGET,
        /** More precommits than the set could sign. */
        TOO_MANY_PRECOMMITS,
        /** More ancestry headers than the precommits could need. */
        TOO_MANY_ANCESTRY_HEADERS,
        /** A precommit's signer is not in the set. */
        UNKNOWN_VOTER,
        /** A precommit's signature does not verify for this round and set. */
        BAD_SIGNATURE,
        /** A precommit's target is not the commit target or linked to it by ancestry headers. */
        BAD_ANCESTRY,
        /** Some ancestry header links no precommit. */
        UNUSED_ANCESTRY,
        /** Fewer distinct voters than the threshold precommitted. */
        INSUFFICIENT_PRECOMMITS
    }

    /** The outcome of a check. */
    public sealed interface Result {
        /** Valid: {@code target} is final. */
        record Valid(ChainHead target, int voters) implements Result {}

        /** Refused, with the broken rule. */
        record Invalid(Reason reason, String detail) implements Result {}
    }

    private JustificationVerifier() {}

    /**
     * Checks {@code justification} against {@code set}; when {@code expectedTarget} is given the
     * commit must be for exactly that block.
     */
    public static Result verify(GrandpaJustification justification, AuthoritySet set, Optional<ChainHead> expectedTarget) {
        Commit commit = justification.commit();
        ChainHead target = commit.target();
        if (expectedTarget.isPresent() && !expectedTarget.get().equals(target)) {
            return invalid(Reason.WRONG_TARGET, "it finalizes " + target + ", not " + expectedTarget.get());
        }
        int maxPrecommits = MAX_PRECOMMITS_PER_VOTER * set.size();
        if (commit.precommits().size() > maxPrecommits) {
            return invalid(Reason.TOO_MANY_PRECOMMITS, commit.precommits().size() + " precommits for a set of " + set.size());
        }
        long maxAncestry = (long) MAX_ANCESTRY_PER_PRECOMMIT * Math.max(1, commit.precommits().size());
        if (justification.votesAncestries().size() > maxAncestry) {
            return invalid(Reason.TOO_MANY_ANCESTRY_HEADERS, justification.votesAncestries().size() + " ancestry headers");
        }
        Map<H256, Header> ancestry = new HashMap<>();
        for (Header h : justification.votesAncestries()) {
            ancestry.put(h.hash(), h);
        }
        Set<H256> used = new HashSet<>();
        Set<AccountId32> voters = new HashSet<>();
        int index = 0;
        for (SignedVote precommit : commit.precommits()) {
            if (!set.contains(precommit.voter())) {
                return invalid(Reason.UNKNOWN_VOTER, "precommit " + index + " is by " + precommit.voter()
                        + ", not a voter of set " + set.setId());
            }
            if (!precommit.verify(justification.round(), set.setId())) {
                return invalid(Reason.BAD_SIGNATURE, "precommit " + index + " by " + precommit.voter()
                        + " is not signed for round " + justification.round() + " of set " + set.setId());
            }
            if (!linksTo(precommit.target(), target, ancestry, used)) {
                return invalid(Reason.BAD_ANCESTRY, "precommit " + index + " for " + precommit.target()
                        + " is not linked to the target " + target + " by the ancestry headers");
            }
            voters.add(precommit.voter());
            index++;
        }
        if (used.size() != ancestry.size()) {
            return invalid(Reason.UNUSED_ANCESTRY, (ancestry.size() - used.size()) + " ancestry headers link no precommit");
        }
        if (voters.size() < set.threshold()) {
            return invalid(Reason.INSUFFICIENT_PRECOMMITS, voters.size() + " of " + set.size()
                    + " voters precommitted, " + set.threshold() + " needed");
        }
        return new Result.Valid(target, voters.size());
    }

    private static boolean linksTo(ChainHead from, ChainHead target, Map<H256, Header> ancestry, Set<H256> used) {
        H256 h = from.hash();
        long n = from.number();
        while (n > target.number()) {
            Header header = ancestry.get(h);
            if (header == null || header.number() != n) {
                return false;
            }
            used.add(h);
            h = header.parentHash();
            n--;
        }
        return n == target.number() && h.equals(target.hash());
    }

    private static Result invalid(Reason reason, String detail) {
        return new Result.Invalid(reason, "justification: " + detail);
    }
}
