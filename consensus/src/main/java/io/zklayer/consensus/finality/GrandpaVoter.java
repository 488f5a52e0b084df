package io.zklayer.consensus.finality;

import io.zklayer.consensus.ChainHead;
import io.zklayer.consensus.OffenceReporter;
import io.zklayer.consensus.network.BlockData;
import io.zklayer.consensus.network.BlockRequest;
import io.zklayer.consensus.network.ConsensusNetwork;
import io.zklayer.consensus.network.PeerRef;
import io.zklayer.consensus.network.PeerReport;
import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.crypto.Ed25519KeyPair;
import io.zklayer.primitives.types.Header;
import io.zklayer.primitives.types.AccountId32;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The finality gadget of one node: a GRANDPA voter (or, without a key of the set, an observer)
 * for the current authority set.
 *
 * <p>Rounds: round {@code r} starts with base = the finalized block. The voter prevotes for the
 * head of the best chain containing the previous round's estimate (at the latest {@code 2T} after
 * the start, earlier when the round is already completable), then precommits for the
 * prevote-GHOST once it descends from that estimate (at the latest {@code 4T}). A block with
 * precommits from more than two thirds of the set is finalized; the precommits, with the headers
 * linking them, become its {@link GrandpaJustification}, stored with it and gossiped as a commit.
 * Round {@code r + 1} starts once round {@code r} is completable, this voter precommitted, and the
 * previous estimate is final.
 *
 * <p>Sets: set {@code s} (epoch {@code s}'s validators) finalizes blocks up to {@code (s + 1) · L}
 * and never votes beyond it. Once that block is final the voter switches to set {@code s + 1}
 * (voters read from that block's state), starting again at round 1 with that block as base.
 *
 * <p>Catching up: votes are re-sent every {@code rebroadcast} period; a voter that sees a later
 * round asks the sender for its last completed round ({@link FinalityMessage.CatchUp}) and jumps
 * ahead once the answer proves that round completable; a voter that sees a later set asks for the
 * justification of its set's last block. Equivocations (two votes of one kind in one round) go to
 * the {@link OffenceReporter}.
 *
 * <p>Threading: every input is moved onto the {@link FinalityScheduler}'s loop; all state is
 * touched only there. The gadget never reads a clock: timers come from the scheduler.
 */
public final class GrandpaVoter implements ConsensusNetwork.Inbound {
    private static final Logger LOG = LoggerFactory.getLogger(GrandpaVoter.class);

    /** The outcome of importing a justification received outside the rounds (sync, requests). */
    public sealed interface JustificationImport {
        /** The block is now final. */
        record Finalized(ChainHead target) implements JustificationImport {}

        /** The block was already final. */
        record AlreadyFinal(ChainHead target) implements JustificationImport {}

        /** The block is not known locally; import it first. */
        record UnknownBlock(ChainHead target) implements JustificationImport {}

        /** The block is beyond the current set's last block; import the earlier set's last justification first. */
        record NotCurrentSet(ChainHead target, long setId) implements JustificationImport {}

        /** The justification is malformed or does not verify. */
        record Invalid(String reason) implements JustificationImport {}
    }

    private final FinalityChain chain;
    private final ConsensusNetwork network;
    private final FinalityScheduler scheduler;
    private final Ed25519KeyPair key;
    private final AccountId32 me;
    private final FinalityConfig config;
    private final OffenceReporter offences;
    private final VoterStateStore store;
    private final VotingStrategy strategy;
    private final List<FinalityMessage.VoteMessage> conflictingVotes = new ArrayList<>();

    private AuthoritySet set;
    private ChainHead setBase;
    private long limit;
    private VotingRound current;
    private VotingRound previous;
    private boolean prevoteTimerFired;
    private boolean precommitTimerFired;
    private final List<SignedVote> ownVotes = new ArrayList<>();
    private final Deque<Buffered> buffered = new ArrayDeque<>();
    private final java.util.Set<PeerRef> answeredCatchUp = new java.util.HashSet<>();
    private final Deque<Buffered> pendingCommits = new ArrayDeque<>();
    private FinalityMessage.CommitMessage lastCommit;
    private boolean catchUpOutstanding;
    private boolean justificationRequestOutstanding;
    private boolean started;
    private volatile Status status = new Status(-1, -1);

    /**
     * Where the voter is, for status reports and metrics.
     *
     * @param setId the current authority set id (-1 before start)
     * @param round the current round (-1 before start)
     */
    public record Status(long setId, long round) {}

    private record Buffered(PeerRef from, FinalityMessage message) {}

    /**
     * Creates a voter; it does nothing until {@link #start()}.
     *
     * @param key this node's finality key, or null for an observer that never votes
     */
    public GrandpaVoter(FinalityChain chain, ConsensusNetwork network, FinalityScheduler scheduler, Ed25519KeyPair key,
                        FinalityConfig config, OffenceReporter offences, VoterStateStore store) {
        this(chain, network, scheduler, key, config, offences, store, VotingStrategy.HONEST);
    }

    /**
     * Creates a voter that votes as {@code strategy} says ({@link VotingStrategy#HONEST} except in
     * fault-injection tests); it does nothing until {@link #start()}.
     *
     * @param key this node's finality key, or null for an observer that never votes
     */
    public GrandpaVoter(FinalityChain chain, ConsensusNetwork network, FinalityScheduler scheduler, Ed25519KeyPair key,
                        FinalityConfig config, OffenceReporter offences, VoterStateStore store, VotingStrategy strategy) {
        this.strategy = java.util.Objects.requireNonNull(strategy, "strategy");
        this.chain = chain;
        this.network = network;
        this.scheduler = scheduler;
        this.key = key;
        this.me = key == null ? null : AccountId32.of(key.publicKey().bytes());
        this.config = config;
        this.offences = offences;
        this.store = store;
    }

    /** Registers with the network and starts voting from the chain's finalized block. */
    public void start() {
        network.setInbound(this);
        scheduler.execute(() -> {
            enterSetAt(chain.finalized(), loadSnapshot());
            started = true;
            scheduleRebroadcast();
            process();
        });
    }

    /** Tells the gadget a block was imported: votes and commits waiting for it may count now. */
    public void blockImported(Header header) {
        scheduler.execute(() -> {
            if (!started) {
                return;
            }
            current.refresh(chain);
            if (previous != null) {
                previous.refresh(chain);
            }
            retryPendingCommits();
            process();
        });
    }

    @Override
    public void onFinalityMessage(PeerRef from, FinalityMessage message) {
        scheduler.execute(() -> {
            if (started) {
                handle(from, message);
                process();
            }
        });
    }

    /**
     * Verifies and applies a justification for block {@code target} received outside the rounds
     * (block sync); completes on the gadget's loop.
     */
    public CompletableFuture<JustificationImport> importJustification(ChainHead target, byte[] encoded) {
        CompletableFuture<JustificationImport> out = new CompletableFuture<>();
        scheduler.execute(() -> {
            JustificationImport result = started ? applyJustification(target, encoded)
                    : new JustificationImport.NotCurrentSet(target, -1);
            out.complete(result);
            if (result instanceof JustificationImport.Finalized) {
                process();
            }
        });
        return out;
    }

    /** Returns the current set and round; safe on any thread, possibly a moment stale. */
    public Status status() {
        return status;
    }

    /** Returns a one-line account of the voter's rounds, for logs and test diagnostics (call on the loop). */
    String describe() {
        StringBuilder b = new StringBuilder("set " + set.setId() + " limit #" + limit + " finalized " + chain.finalized());
        for (VotingRound r : previous == null ? List.of(current) : List.of(previous, current)) {
            b.append(" | round ").append(r.number()).append(" base ").append(r.base()).append(' ').append(r.state())
                    .append(" prevotes ").append(r.participants(VoteKind.PREVOTE)).append(" precommits ")
                    .append(r.participants(VoteKind.PRECOMMIT)).append(r.hasPending() ? " (votes pending)" : "");
        }
        b.append(" | own ").append(ownVotes);
        return b.toString();
    }

    // ---- sets and rounds ------------------------------------------------------------------------

    private void enterSetAt(ChainHead finalized, Optional<VoterSnapshot> resume) {
        long length = chain.epochLength();
        long setId = finalized.number() / length;
        ChainHead base = chain.ancestorAt(finalized, setId * length).orElseThrow(() ->
                new IllegalStateException("finality: no block #" + setId * length + " below the finalized " + finalized));
        set = chain.authoritySet(setId, base);
        setBase = base;
        limit = Math.multiplyExact(setId + 1, length);
        previous = null;
        lastCommit = null;
        long round = 1;
        List<SignedVote> own = List.of();
        if (resume.isPresent() && resume.get().setId() == setId) {
            VoterSnapshot snap = resume.get();
            previous = snap.completed().flatMap(this::completedRoundOf).orElse(null);
            if (snap.completed().isPresent() && previous == null) {
                LOG.warn("Finality: could not rebuild round {} of set {} from the snapshot; building on the set base",
                        snap.completed().get().round(), setId);
            }
            round = Math.max(1, snap.round());
            own = snap.ownVotes();
            LOG.info("Finality: resuming round {} of set {} with {} own votes", round, setId, own.size());
        }
        startRound(round, own);
        LOG.info("Finality: authority set {} ({} voters, threshold {}) from {} up to #{}{}", setId, set.size(),
                set.threshold(), base, limit, isVoter() ? ", voting" : ", observing");
    }

    private void startRound(long number, List<SignedVote> own) {
        current = new VotingRound(number, set, chain.finalized());
        prevoteTimerFired = false;
        precommitTimerFired = false;
        answeredCatchUp.clear();
        ownVotes.clear();
        for (SignedVote v : own) {
            ownVotes.add(v);
            current.add(v, chain);
        }
        status = new Status(set.setId(), number);
        long setId = set.setId();
        scheduler.schedule(2 * config.gossipDurationMillis(), () -> timer(setId, number, true));
        scheduler.schedule(4 * config.gossipDurationMillis(), () -> timer(setId, number, false));
        saveSnapshot();
        replayBuffered();
    }

    private void timer(long setId, long round, boolean prevote) {
        if (set.setId() == setId && current.number() == round) {
            if (prevote) {
                prevoteTimerFired = true;
            } else {
                precommitTimerFired = true;
            }
            process();
        }
    }

    private boolean isVoter() {
        return me != null && set.contains(me);
    }

    private RoundState previousState() {
        return previous == null ? RoundState.genesis(setBase) : previous.state();
    }

    /** Runs the round logic until nothing changes. */
    private void process() {
        for (int guard = 0; guard < 64; guard++) {
            finalizeFromRounds();
            if (chain.finalized().number() >= limit) {
                enterSetAt(chain.finalized(), Optional.empty());
                continue;
            }
            vote();
            if (!tryCompleteRound()) {
                return;
            }
        }
    }

    private void finalizeFromRounds() {
        for (VotingRound r : previous == null ? List.of(current) : List.of(previous, current)) {
            Optional<ChainHead> f = r.state().finalized();
            if (f.isPresent() && f.get().number() > chain.finalized().number()) {
                r.justificationFor(f.get(), chain).ifPresent(j -> {
                    if (chain.finalize(f.get(), j)) {
                        LOG.info("Finalized {} in round {} of set {} ({} precommits)", f.get(), r.number(), set.setId(),
                                j.commit().precommits().size());
                        lastCommit = new FinalityMessage.CommitMessage(r.number(), set.setId(), j.commit());
                        network.broadcast(lastCommit);
                    }
                });
            }
        }
    }

    private void vote() {
        if (!isVoter()) {
            return;
        }
        RoundState state = current.state();
        ChainHead estimate = previousState().estimate().orElseThrow();
        if (current.votesOf(me, VoteKind.PREVOTE).isEmpty() && (prevoteTimerFired || state.completable())) {
            Optional<ChainHead> best = chain.bestContaining(estimate);
            ChainHead target = best.orElse(estimate);
            if (target.number() > limit) {
                target = chain.ancestorAt(target, limit).orElse(estimate);
            }
            cast(VoteKind.PREVOTE, target);
            state = current.state();
        }
        if (!current.votesOf(me, VoteKind.PREVOTE).isEmpty() && current.votesOf(me, VoteKind.PRECOMMIT).isEmpty()
                && (precommitTimerFired || state.completable())) {
            Optional<ChainHead> ghost = state.prevoteGhost();
            if (ghost.isPresent() && chain.isAncestorOrSelf(estimate, ghost.get())) {
                cast(VoteKind.PRECOMMIT, ghost.get());
            }
        }
    }

    private void cast(VoteKind kind, ChainHead target) {
        SignedVote vote = SignedVote.sign(key, kind, target, current.number(), set.setId());
        ownVotes.add(vote);
        saveSnapshot();
        current.add(vote, chain);
        network.broadcast(new FinalityMessage.VoteMessage(current.number(), set.setId(), vote));
        strategy.conflictingTarget(kind, target, chain).filter(other -> !other.equals(target)).ifPresent(other -> {
            SignedVote second = SignedVote.sign(key, kind, other, current.number(), set.setId());
            FinalityMessage.VoteMessage message = new FinalityMessage.VoteMessage(current.number(), set.setId(), second);
            conflictingVotes.add(message);
            network.broadcast(message);
            LOG.warn("Misbehaving on purpose: signed a second {} in round {} of set {}: for {} besides {}", kind,
                    current.number(), set.setId(), other, target);
        });
    }

    private boolean tryCompleteRound() {
        RoundState state = current.state();
        boolean precommitted = !isVoter() || !current.votesOf(me, VoteKind.PRECOMMIT).isEmpty();
        boolean previousEstimateFinal = previousState().estimate().map(e -> e.number() <= chain.finalized().number())
                .orElse(false);
        if (!state.completable() || !precommitted || !previousEstimateFinal) {
            return false;
        }
        previous = current;
        startRound(current.number() + 1, List.of());
        return true;
    }

    // ---- messages -------------------------------------------------------------------------------

    private void handle(PeerRef from, FinalityMessage message) {
        long setId = set.setId();
        if (message.setId() > setId) {
            if (message.setId() == setId + 1 && buffered.size() < config.maxBufferedMessages()) {
                buffered.add(new Buffered(from, message));
            }
            requestSetJustification(from);
            return;
        }
        if (message.setId() < setId) {
            network.report(from, PeerReport.PAST_OR_FUTURE_MESSAGE);
            return;
        }
        if (message instanceof FinalityMessage.VoteMessage v) {
            handleVote(from, v);
        } else if (message instanceof FinalityMessage.CommitMessage c) {
            handleCommit(from, c);
        } else if (message instanceof FinalityMessage.CatchUpRequest r) {
            handleCatchUpRequest(from, r);
        } else if (message instanceof FinalityMessage.CatchUp c) {
            handleCatchUp(from, c);
        }
    }

    private void handleVote(PeerRef from, FinalityMessage.VoteMessage m) {
        VotingRound round = m.round() == current.number() ? current
                : previous != null && m.round() == previous.number() ? previous : null;
        if (round == null) {
            if (m.round() > current.number()) {
                if (m.round() == current.number() + 1 && buffered.size() < config.maxBufferedMessages()) {
                    buffered.add(new Buffered(from, m));
                }
                requestCatchUp(from);
            }
            return;
        }
        SignedVote vote = m.vote();
        if (round.votesOf(vote.voter(), vote.kind()).contains(vote)) {
            return;
        }
        if (!set.contains(vote.voter()) || !vote.verify(m.round(), m.setId())) {
            network.report(from, PeerReport.BAD_SIGNATURE);
            return;
        }
        round.add(vote, chain).equivocation().ifPresent(offences::voteEquivocation);
    }

    private void handleCommit(PeerRef from, FinalityMessage.CommitMessage m) {
        if (m.round() > current.number()) {
            requestCatchUp(from);
        }
        if (m.commit().target().number() <= chain.finalized().number()) {
            return;
        }
        if (!applyCommit(from, m) && pendingCommits.size() < 8) {
            pendingCommits.add(new Buffered(from, m));
        }
    }

    /** Returns false when blocks the commit needs are unknown (keep it for later). */
    private boolean applyCommit(PeerRef from, FinalityMessage.CommitMessage m) {
        ChainHead target = m.commit().target();
        if (target.number() > limit) {
            network.report(from, PeerReport.INVALID_JUSTIFICATION);
            return true;
        }
        Optional<GrandpaJustification> j = FinalityProofs.withLocalAncestry(m.round(), m.commit(), chain);
        if (j.isEmpty()) {
            return false;
        }
        JustificationVerifier.Result result = JustificationVerifier.verify(j.get(), set, Optional.empty());
        if (result instanceof JustificationVerifier.Result.Invalid invalid) {
            LOG.debug("Refused commit from {}: {}", from, invalid.detail());
            network.report(from, PeerReport.INVALID_JUSTIFICATION);
            return true;
        }
        for (VotingRound r : previous == null ? List.of(current) : List.of(previous, current)) {
            if (r.number() == m.round()) {
                m.commit().precommits().forEach(p -> r.add(p, chain).equivocation().ifPresent(offences::voteEquivocation));
            }
        }
        if (target.number() > chain.finalized().number() && chain.finalize(target, j.get())) {
            LOG.info("Finalized {} by a commit of round {} of set {} from {}", target, m.round(), set.setId(), from);
            lastCommit = m;
            network.report(from, PeerReport.USEFUL_FINALITY_PROOF);
        }
        return true;
    }

    private void retryPendingCommits() {
        int n = pendingCommits.size();
        for (int i = 0; i < n; i++) {
            Buffered b = pendingCommits.poll();
            FinalityMessage.CommitMessage m = (FinalityMessage.CommitMessage) b.message();
            if (m.setId() == set.setId() && m.commit().target().number() > chain.finalized().number()
                    && !applyCommit(b.from(), m)) {
                pendingCommits.add(b);
            }
        }
    }

    private void handleCatchUpRequest(PeerRef from, FinalityMessage.CatchUpRequest r) {
        // one answer per peer per round of ours: a peer cannot make us send the same votes again and again
        if (previous != null && previous.number() >= r.round() && answeredCatchUp.add(from)) {
            network.send(from, new FinalityMessage.CatchUp(set.setId(), previous.number(), previous.votes(VoteKind.PREVOTE),
                    previous.votes(VoteKind.PRECOMMIT), previous.base()));
        }
    }

    private void handleCatchUp(PeerRef from, FinalityMessage.CatchUp c) {
        catchUpOutstanding = false;
        if (c.round() < current.number()) {
            return;
        }
        Optional<VotingRound> round = completedRoundOf(c);
        if (round.isEmpty()) {
            network.report(from, PeerReport.INVALID_CATCH_UP);
            return;
        }
        LOG.info("Caught up to round {} of set {} from {}", c.round(), set.setId(), from);
        previous = round.get();
        finalizeFromRounds();
        startRound(c.round() + 1, List.of());
        network.report(from, PeerReport.USEFUL_FINALITY_PROOF);
    }

    private Optional<VotingRound> completedRoundOf(FinalityMessage.CatchUp c) {
        return FinalityProofs.completedRound(c, set, chain, offences::voteEquivocation);
    }

    private void requestCatchUp(PeerRef from) {
        if (catchUpOutstanding) {
            return;
        }
        catchUpOutstanding = true;
        network.send(from, new FinalityMessage.CatchUpRequest(current.number(), set.setId()));
        scheduler.schedule(config.catchUpTimeoutMillis(), () -> catchUpOutstanding = false);
    }

    private void requestSetJustification(PeerRef from) {
        if (justificationRequestOutstanding) {
            return;
        }
        justificationRequestOutstanding = true;
        scheduler.schedule(config.catchUpTimeoutMillis(), () -> justificationRequestOutstanding = false);
        long wanted = limit;
        network.requestBlocks(from, BlockRequest.justificationAt(wanted)).whenComplete((blocks, error) ->
                scheduler.execute(() -> {
                    if (error != null || blocks == null) {
                        return;
                    }
                    for (BlockData b : blocks) {
                        if (b.header().isPresent() && b.headerMatchesHash() && b.justification().isPresent()) {
                            JustificationImport r = applyJustification(new ChainHead(b.hash(), b.header().get().number()),
                                    b.justification().get());
                            if (r instanceof JustificationImport.Invalid) {
                                network.report(from, PeerReport.INVALID_JUSTIFICATION);
                            }
                        }
                    }
                    process();
                }));
    }

    private JustificationImport applyJustification(ChainHead target, byte[] encoded) {
        GrandpaJustification j;
        try {
            j = GrandpaJustification.CODEC.decode(encoded);
        } catch (ScaleDecodeException e) {
            return new JustificationImport.Invalid("justification does not decode: " + e.getMessage());
        }
        if (target.number() <= chain.finalized().number()) {
            return new JustificationImport.AlreadyFinal(target);
        }
        if (target.number() > limit) {
            return new JustificationImport.NotCurrentSet(target, set.setId());
        }
        if (chain.header(target.hash()).isEmpty()) {
            return new JustificationImport.UnknownBlock(target);
        }
        JustificationVerifier.Result result = JustificationVerifier.verify(j, set, Optional.of(target));
        if (result instanceof JustificationVerifier.Result.Invalid invalid) {
            return new JustificationImport.Invalid(invalid.detail());
        }
        if (!chain.finalize(target, j)) {
            return new JustificationImport.Invalid("justification: " + target + " is not on the finalized chain");
        }
        LOG.info("Finalized {} by an imported justification (set {})", target, set.setId());
        return new JustificationImport.Finalized(target);
    }

    private void replayBuffered() {
        int n = buffered.size();
        for (int i = 0; i < n; i++) {
            Buffered b = buffered.poll();
            boolean thisSetAndRound = b.message().setId() == set.setId()
                    && (!(b.message() instanceof FinalityMessage.VoteMessage v) || v.round() <= current.number());
            if (thisSetAndRound) {
                handle(b.from(), b.message());
            } else if (b.message().setId() > set.setId()) {
                buffered.add(b);
            }
        }
    }

    // ---- rebroadcast and persistence ------------------------------------------------------------

    private void scheduleRebroadcast() {
        scheduler.schedule(config.rebroadcastMillis(), () -> {
            rebroadcast();
            scheduleRebroadcast();
        });
    }

    private void rebroadcast() {
        if (isVoter()) {
            for (VotingRound r : previous == null ? List.of(current) : List.of(previous, current)) {
                for (VoteKind kind : VoteKind.values()) {
                    for (SignedVote v : r.votesOf(me, kind)) {
                        network.broadcast(new FinalityMessage.VoteMessage(r.number(), set.setId(), v));
                    }
                }
            }
        }
        long oldest = previous == null ? current.number() : previous.number();
        conflictingVotes.removeIf(m -> m.setId() != set.setId() || m.round() < oldest);
        conflictingVotes.forEach(network::broadcast);
        if (lastCommit != null) {
            network.broadcast(lastCommit);
        }
        process();
    }

    private void saveSnapshot() {
        Optional<FinalityMessage.CatchUp> completed = previous == null ? Optional.empty()
                : Optional.of(new FinalityMessage.CatchUp(set.setId(), previous.number(), previous.votes(VoteKind.PREVOTE),
                previous.votes(VoteKind.PRECOMMIT), previous.base()));
        store.save(VoterSnapshot.CODEC.encode(new VoterSnapshot(set.setId(), current.number(), ownVotes, completed)));
    }

    private Optional<VoterSnapshot> loadSnapshot() {
        try {
            return store.load().map(VoterSnapshot.CODEC::decode);
        } catch (ScaleDecodeException e) {
            LOG.warn("Ignoring an unreadable finality voter snapshot: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
