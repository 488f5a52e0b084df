package io.zklayer.consensus.finality;

import io.zklayer.consensus.ChainHead;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * The votes of one GRANDPA round and what follows from them: the prevote-GHOST, the round
 * estimate, completability and the finalized block ({@link RoundState}).
 *
 * <p>Each vote is linked to the round's base through the headers of its ancestry (its "path");
 * votes whose blocks are not known yet wait and are linked again after imports
 * ({@link #refresh}); votes not descending from the base never count. A voter that signs two
 * different votes of one kind is an equivocator: for the prevote-GHOST and the estimate it counts
 * as voting for every block (GRANDPA's rule), so no equivocation can make a block look less
 * supported than it might be. Finalization is stricter: a block is final when more than two thirds
 * of the voters have a precommit for it or a descendant, exactly what
 * {@link JustificationVerifier} accepts. Signatures are checked before votes come here.
 */
final class VotingRound {
    /** How adding a vote went. */
    enum Added {
        /** Counted. */
        ACCEPTED,
        /** Kept until its block is known. */
        PENDING,
        /** Already had it. */
        DUPLICATE,
        /** Its target is not the base or a descendant; never counts. */
        NOT_DESCENDANT,
        /** The signer is not a voter of the set. */
        UNKNOWN_VOTER,
        /** A third different vote of an equivocator; ignored. */
        EXCESS
    }

    /** The outcome of adding a vote: its status and, on a voter's second different vote, the evidence. */
    record AddResult(Added status, Optional<VoteEquivocation> equivocation) {}

    private final long number;
    private final AuthoritySet set;
    private final ChainHead base;
    private final Tally prevotes = new Tally(VoteKind.PREVOTE);
    private final Tally precommits = new Tally(VoteKind.PRECOMMIT);
    private RoundState cached;

    private static final class Tally {
        final VoteKind kind;
        final Map<AccountId32, List<SignedVote>> received = new LinkedHashMap<>();
        final Set<AccountId32> equivocators = new LinkedHashSet<>();
        final Map<SignedVote, List<H256>> paths = new LinkedHashMap<>();
        final Set<SignedVote> unresolved = new LinkedHashSet<>();

        Tally(VoteKind kind) {
            this.kind = kind;
        }
    }

    VotingRound(long number, AuthoritySet set, ChainHead base) {
        this.number = number;
        this.set = set;
        this.base = base;
    }

    long number() {
        return number;
    }

    AuthoritySet set() {
        return set;
    }

    ChainHead base() {
        return base;
    }

    /** Adds a signature-checked vote of this round. */
    AddResult add(SignedVote vote, HeaderLookup lookup) {
        if (!set.contains(vote.voter())) {
            return new AddResult(Added.UNKNOWN_VOTER, Optional.empty());
        }
        Tally t = vote.kind() == VoteKind.PREVOTE ? prevotes : precommits;
        List<SignedVote> mine = t.received.computeIfAbsent(vote.voter(), v -> new ArrayList<>(2));
        for (SignedVote v : mine) {
            if (v.target().equals(vote.target())) {
                return new AddResult(Added.DUPLICATE, Optional.empty());
            }
        }
        if (mine.size() >= 2) {
            return new AddResult(Added.EXCESS, Optional.empty());
        }
        Optional<VoteEquivocation> evidence = Optional.empty();
        if (mine.size() == 1) {
            t.equivocators.add(vote.voter());
            evidence = Optional.of(new VoteEquivocation(set.setId(), number, vote.kind(), vote.voter(), mine.get(0), vote));
        }
        mine.add(vote);
        cached = null;
        Added status = resolve(t, vote, lookup);
        return new AddResult(status, evidence);
    }

    /** Links waiting votes whose blocks became known; returns whether any was linked. */
    boolean refresh(HeaderLookup lookup) {
        boolean changed = false;
        for (Tally t : List.of(prevotes, precommits)) {
            for (SignedVote v : new ArrayList<>(t.unresolved)) {
                if (resolve(t, v, lookup) != Added.PENDING) {
                    changed = true;
                }
            }
        }
        if (changed) {
            cached = null;
        }
        return changed;
    }

    /** Returns whether some votes still wait for their blocks. */
    boolean hasPending() {
        return !prevotes.unresolved.isEmpty() || !precommits.unresolved.isEmpty();
    }

    private Added resolve(Tally t, SignedVote vote, HeaderLookup lookup) {
        t.unresolved.remove(vote);
        ChainHead target = vote.target();
        if (target.number() < base.number()) {
            return Added.NOT_DESCENDANT;
        }
        List<H256> path = new ArrayList<>();
        H256 h = target.hash();
        for (long n = target.number(); n > base.number(); n--) {
            Optional<Header> header = lookup.header(h);
            if (header.isEmpty()) {
                t.unresolved.add(vote);
                return Added.PENDING;
            }
            if (header.get().number() != n) {
                return Added.NOT_DESCENDANT;
            }
            path.add(h);
            h = header.get().parentHash();
        }
        if (!h.equals(base.hash())) {
            return Added.NOT_DESCENDANT;
        }
        path.add(h);
        t.paths.put(vote, List.copyOf(path));
        return Added.ACCEPTED;
    }

    /** Returns this voter's votes of {@code kind} (one, or two for an equivocator). */
    List<SignedVote> votesOf(AccountId32 voter, VoteKind kind) {
        return List.copyOf((kind == VoteKind.PREVOTE ? prevotes : precommits).received.getOrDefault(voter, List.of()));
    }

    /** Returns every received vote of {@code kind}, in arrival order per voter. */
    List<SignedVote> votes(VoteKind kind) {
        List<SignedVote> out = new ArrayList<>();
        (kind == VoteKind.PREVOTE ? prevotes : precommits).received.values().forEach(out::addAll);
        return out;
    }

    /** Returns how many distinct voters' votes of {@code kind} count (linked votes and equivocators). */
    int participants(VoteKind kind) {
        Tally t = kind == VoteKind.PREVOTE ? prevotes : precommits;
        Set<AccountId32> who = new HashSet<>(t.equivocators);
        for (SignedVote v : t.paths.keySet()) {
            who.add(v.voter());
        }
        return who.size();
    }

    /** Returns the round state, recomputed after changes. */
    RoundState state() {
        if (cached == null) {
            cached = compute();
        }
        return cached;
    }

    private RoundState compute() {
        int threshold = set.threshold();
        int total = set.size();
        Optional<ChainHead> finalized = Optional.empty();
        int currentPrecommits = participants(VoteKind.PRECOMMIT);
        if (currentPrecommits >= threshold) {
            List<ChainHead> chain = descend(base, b -> supporters(precommits, b) >= threshold, b -> supporters(precommits, b));
            finalized = chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(chain.size() - 1));
        }
        if (participants(VoteKind.PREVOTE) < threshold) {
            return new RoundState(Optional.empty(), Optional.empty(), finalized, false);
        }
        List<ChainHead> ghostChain = descend(base, b -> weight(prevotes, b) >= threshold, b -> weight(prevotes, b));
        if (ghostChain.isEmpty()) {
            return new RoundState(Optional.empty(), Optional.empty(), finalized, false);
        }
        ChainHead ghost = ghostChain.get(ghostChain.size() - 1);
        if (currentPrecommits < threshold) {
            return new RoundState(Optional.of(ghost), Optional.of(ghost), finalized, false);
        }
        int remaining = total - currentPrecommits;
        int additionalEquivocations = Math.max(0, (total - threshold) - precommits.equivocators.size());
        Predicate<ChainHead> possible = b -> {
            int precommitted = weight(precommits, b);
            int possibleEquivocations = Math.min(currentPrecommits - precommitted, additionalEquivocations);
            return precommitted + remaining + possibleEquivocations >= threshold;
        };
        ChainHead estimate = null;
        for (int i = ghostChain.size() - 1; i >= 0; i--) {
            if (possible.test(ghostChain.get(i))) {
                estimate = ghostChain.get(i);
                break;
            }
        }
        if (estimate == null) {
            return new RoundState(Optional.of(ghost), Optional.empty(), finalized, false);
        }
        boolean completable = !estimate.equals(ghost)
                || children(ghost).stream().noneMatch(possible);
        return new RoundState(Optional.of(ghost), Optional.of(estimate), finalized, completable);
    }

    /** GRANDPA weight: equivocators count for every block; others for the blocks on their vote's chain. */
    private int weight(Tally t, ChainHead b) {
        int count = t.equivocators.size();
        Set<AccountId32> counted = new HashSet<>();
        for (Map.Entry<SignedVote, List<H256>> e : t.paths.entrySet()) {
            AccountId32 voter = e.getKey().voter();
            if (!t.equivocators.contains(voter) && !counted.contains(voter) && onPath(e.getKey(), e.getValue(), b)) {
                counted.add(voter);
                count++;
            }
        }
        return count;
    }

    /** Distinct voters with a linked vote for {@code b} or a descendant (what a justification proves). */
    private int supporters(Tally t, ChainHead b) {
        Set<AccountId32> who = new HashSet<>();
        for (Map.Entry<SignedVote, List<H256>> e : t.paths.entrySet()) {
            if (onPath(e.getKey(), e.getValue(), b)) {
                who.add(e.getKey().voter());
            }
        }
        return who.size();
    }

    private static boolean onPath(SignedVote vote, List<H256> path, ChainHead b) {
        long index = vote.target().number() - b.number();
        return index >= 0 && index < path.size() && path.get((int) index).equals(b.hash());
    }

    /** The children of {@code c} that some linked vote (either kind) goes through, ordered by hash. */
    private List<ChainHead> children(ChainHead c) {
        TreeMap<H256, ChainHead> out = new TreeMap<>();
        for (Tally t : List.of(prevotes, precommits)) {
            for (Map.Entry<SignedVote, List<H256>> e : t.paths.entrySet()) {
                SignedVote v = e.getKey();
                if (v.target().number() > c.number() && onPath(v, e.getValue(), c)) {
                    H256 child = e.getValue().get((int) (v.target().number() - c.number() - 1));
                    out.put(child, new ChainHead(child, c.number() + 1));
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    /**
     * Walks up from {@code start} while some child passes {@code ok}, taking the heaviest such child
     * (ties to the lowest hash); returns the blocks walked, {@code start} first, or nothing when
     * {@code start} itself fails.
     */
    private List<ChainHead> descend(ChainHead start, Predicate<ChainHead> ok, ToIntFunction<ChainHead> weight) {
        List<ChainHead> walked = new ArrayList<>();
        if (!ok.test(start)) {
            return walked;
        }
        ChainHead current = start;
        walked.add(current);
        while (true) {
            ChainHead next = children(current).stream().filter(ok)
                    .max(Comparator.comparingInt(weight).thenComparing(ChainHead::hash, Comparator.reverseOrder()))
                    .orElse(null);
            if (next == null) {
                return walked;
            }
            walked.add(next);
            current = next;
        }
    }

    /**
     * Returns the commit for {@code target}: every linked precommit for it or a descendant (both of
     * an equivocator's when both qualify), voters in set order, and the headers linking them to it.
     */
    Optional<GrandpaJustification> justificationFor(ChainHead target, HeaderLookup lookup) {
        List<SignedVote> chosen = new ArrayList<>();
        TreeMap<H256, Header> ancestry = new TreeMap<>();
        for (AccountId32 voter : set.voters()) {
            for (SignedVote v : precommits.received.getOrDefault(voter, List.of())) {
                List<H256> path = precommits.paths.get(v);
                if (path == null || !onPath(v, path, target)) {
                    continue;
                }
                chosen.add(v);
                for (int i = 0; i < v.target().number() - target.number(); i++) {
                    Optional<Header> h = lookup.header(path.get(i));
                    if (h.isEmpty()) {
                        return Optional.empty();
                    }
                    ancestry.put(path.get(i), h.get());
                }
            }
        }
        List<Header> headers = new ArrayList<>(ancestry.values());
        headers.sort(Comparator.comparingLong(Header::number).reversed().thenComparing(Header::hash));
        return Optional.of(new GrandpaJustification(number, new Commit(target, chosen), headers));
    }
}
