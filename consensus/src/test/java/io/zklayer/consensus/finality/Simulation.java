package io.zklayer.consensus.finality;

import io.zklayer.consensus.AuthorshipEquivocation;
import io.zklayer.consensus.ChainHead;
import io.zklayer.consensus.OffenceReporter;
import io.zklayer.consensus.network.BlockData;
import io.zklayer.consensus.network.BlockRequest;
import io.zklayer.consensus.network.ConsensusNetwork;
import io.zklayer.consensus.network.PeerRef;
import io.zklayer.primitives.crypto.Ed25519KeyPair;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * A deterministic network of finality voters: honest {@link GrandpaVoter}s on {@link SimChain}s,
 * optional Byzantine voters, round-robin block production with random propagation delays (so forks
 * happen; honest nodes announce every new block on, as block gossip does), nodes going offline and coming back (syncing the blocks they missed), and a crash-restart
 * of a voter from its snapshot. Everything runs on one {@link SimScheduler} from one seed.
 */
final class Simulation {
    static final long SLOT_MILLIS = 1000;

    final SimScheduler scheduler = new SimScheduler();
    final BlockTree tree = new BlockTree();
    final Random random;
    final SimNetwork network;
    final List<Ed25519KeyPair> keys = new ArrayList<>();
    final List<Node> nodes = new ArrayList<>();
    final List<VoteEquivocation> voteEquivocations = new ArrayList<>();
    final FinalityConfig config = new FinalityConfig(200, 800, 800, 1024);
    final LongFunction<AuthoritySet> sets;
    private long slot;

    final class Node {
        final int index;
        final boolean byzantine;
        final SimChain chain;
        final VoterStateStore store = VoterStateStore.inMemory();
        SimScheduler.Loop loop;
        GrandpaVoter voter;

        Node(int index, boolean byzantine, long epochLength) {
            this.index = index;
            this.byzantine = byzantine;
            this.chain = new SimChain(tree, sets, epochLength);
        }

        boolean online() {
            return network.endpoints.get(index).online;
        }

        void startVoter() {
            loop = scheduler.new Loop();
            voter = new GrandpaVoter(chain, network.endpoints.get(index), loop, keys.get(index), config, reporter, store);
            voter.start();
        }
    }

    private final OffenceReporter reporter = new OffenceReporter() {
        @Override
        public void authorshipEquivocation(AuthorshipEquivocation evidence) {
        }

        @Override
        public void voteEquivocation(VoteEquivocation evidence) {
            voteEquivocations.add(evidence);
        }
    };

    /**
     * Creates {@code n} voters, the last {@code byzantine} of them Byzantine, with message delays in
     * [{@code minDelay}, {@code maxDelay}] ms and epochs of {@code epochLength} blocks; set {@code s}
     * is given by {@code setsById} over the voter keys.
     */
    Simulation(long seed, int n, int byzantine, long minDelay, long maxDelay, long epochLength,
               java.util.function.BiFunction<Long, List<AccountId32>, List<AccountId32>> setsById) {
        this.random = new Random(seed);
        this.network = new SimNetwork(scheduler, random, minDelay, maxDelay, n);
        for (int i = 0; i < n; i++) {
            keys.add(Ed25519KeyPair.fromSecretUri("//Voter" + i));
        }
        List<AccountId32> all = keys.stream().map(k -> AccountId32.of(k.publicKey().bytes())).toList();
        this.sets = id -> new AuthoritySet(id, setsById.apply(id, all));
        for (int i = 0; i < n; i++) {
            nodes.add(new Node(i, i >= n - byzantine, epochLength));
        }
        network.blockServer = this::serveBlocks;
    }

    Simulation(long seed, int n, int byzantine, long minDelay, long maxDelay) {
        this(seed, n, byzantine, minDelay, maxDelay, 1_000_000, (id, all) -> all);
    }

    void start() {
        for (Node node : nodes) {
            if (node.byzantine) {
                new ByzantineVoter(node).start();
            } else {
                node.startVoter();
            }
        }
        scheduler.at(SLOT_MILLIS, this::slot);
    }

    void run(long millis) {
        scheduler.runFor(millis);
    }

    List<Node> honest() {
        return nodes.stream().filter(n -> !n.byzantine).toList();
    }

    /** Takes a node off the network (it keeps running, like a partition) or brings it back and syncs it. */
    void setOnline(int index, boolean online) {
        network.endpoints.get(index).online = online;
        if (online) {
            Node from = nodes.stream().filter(n -> n.index != index && n.online() && !n.byzantine).findFirst().orElseThrow();
            Node me = nodes.get(index);
            from.chain.finalizedByHeight.forEach((h, hash) -> deliver(me, tree.header(hash).orElseThrow()));
            deliver(me, tree.header(from.chain.best().hash()).orElseThrow());
        }
    }

    /** Kills a voter and starts a new one on the same chain and snapshot store (a process restart). */
    void restart(int index) {
        Node node = nodes.get(index);
        node.loop.crash();
        node.startVoter();
    }

    private void slot() {
        slot++;
        Node author = nodes.get((int) (slot % nodes.size()));
        if (author.online()) {
            if (author.byzantine) {
                for (int i = 0; i < 2; i++) {
                    List<Header> known = knownHeaders(author);
                    Header parent = known.get(random.nextInt(known.size()));
                    gossipBlock(author, tree.child(parent), i == 0 ? 0 : 1);
                }
            } else {
                Header child = tree.child(tree.header(author.chain.best().hash()).orElseThrow());
                gossipBlock(author, child, -1);
            }
        }
        scheduler.at(SLOT_MILLIS, this::slot);
    }

    /** Sends a block from its author to everyone ({@code half} 0 or 1 sends to one half only). */
    private void gossipBlock(Node author, Header block, int half) {
        deliver(author, block);
        for (Node other : nodes) {
            if (other != author && (half < 0 || other.index % 2 == half)) {
                scheduler.at(network.delay(), () -> {
                    if (author.online() && other.online()) {
                        deliver(other, block);
                    }
                });
            }
        }
    }

    /** Imports a block (and missing ancestors) on {@code node}; an honest node announces new blocks on to its peers. */
    private void deliver(Node node, Header block) {
        List<Header> added = node.chain.importWithAncestors(block);
        for (Header h : added) {
            if (node.voter != null) {
                node.voter.blockImported(h);
            }
        }
        if (!added.isEmpty() && !node.byzantine && node.online()) {
            Header newest = added.get(added.size() - 1);
            for (Node other : nodes) {
                if (other != node && !other.chain.knows(newest.hash())) {
                    scheduler.at(network.delay(), () -> {
                        if (node.online() && other.online()) {
                            deliver(other, newest);
                        }
                    });
                }
            }
        }
    }

    private List<Header> knownHeaders(Node node) {
        List<Header> out = new ArrayList<>();
        ChainHead best = node.chain.best();
        for (long n = node.chain.finalized().number(); n <= best.number(); n++) {
            node.chain.ancestorAt(best, n).flatMap(h -> tree.header(h.hash())).ifPresent(out::add);
        }
        return out;
    }

    private List<BlockData> serveBlocks(int peer, BlockRequest request) {
        SimChain chain = nodes.get(peer).chain;
        if (request.from() instanceof BlockRequest.From.Number n) {
            H256 hash = chain.finalizedByHeight.get(n.number());
            if (hash != null) {
                Optional<byte[]> j = Optional.ofNullable(chain.justifications.get(hash)).map(GrandpaJustification::encode);
                return List.of(new BlockData(hash, tree.header(hash), Optional.empty(), j));
            }
        }
        return List.of();
    }

    // ---- checks ------------------------------------------------------------------------------------

    /** Returns the lowest finalized height among the given nodes. */
    long minFinalized(List<Node> among) {
        return among.stream().mapToLong(n -> n.chain.finalized().number()).min().orElse(0);
    }

    /**
     * Returns a description of the first safety violation among honest nodes (two different blocks
     * finalized at one height, or conflicting finalized heads), or empty.
     */
    Optional<String> safetyViolation() {
        List<Node> honest = honest();
        for (int a = 0; a < honest.size(); a++) {
            for (int b = a + 1; b < honest.size(); b++) {
                SimChain x = honest.get(a).chain;
                SimChain y = honest.get(b).chain;
                for (Map.Entry<Long, H256> e : x.finalizedByHeight.entrySet()) {
                    H256 other = y.finalizedByHeight.get(e.getKey());
                    if (other != null && !other.equals(e.getValue())) {
                        return Optional.of("nodes " + honest.get(a).index + " and " + honest.get(b).index
                                + " finalized different blocks at #" + e.getKey());
                    }
                }
                if (tree.conflict(x.finalized(), y.finalized())) {
                    return Optional.of("conflicting finalized heads " + x.finalized() + " and " + y.finalized());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A Byzantine voter: whenever it sees a round of a set it has not attacked yet, it signs two
     * different prevotes and two different precommits for random known blocks (often on different
     * forks) and sends each to a different half of the network; it answers catch-up requests with
     * a catch-up holding only its own votes.
     */
    final class ByzantineVoter implements ConsensusNetwork.Inbound {
        private final Node node;
        private final Set<String> attacked = new HashSet<>();

        ByzantineVoter(Node node) {
            this.node = node;
        }

        void start() {
            network.endpoints.get(node.index).setInbound(this);
        }

        @Override
        public void onFinalityMessage(PeerRef from, FinalityMessage message) {
            long round;
            if (message instanceof FinalityMessage.VoteMessage v) {
                round = v.round();
            } else if (message instanceof FinalityMessage.CommitMessage c) {
                round = c.round() + 1;
            } else if (message instanceof FinalityMessage.CatchUpRequest r) {
                SignedVote pv = SignedVote.sign(keys.get(node.index), VoteKind.PREVOTE, randomBlock(), r.round(), r.setId());
                network.endpoints.get(node.index).send(from, new FinalityMessage.CatchUp(r.setId(), r.round(), List.of(pv),
                        List.of(), BlockTree.head(tree.genesis())));
                return;
            } else {
                return;
            }
            if (attacked.add(message.setId() + "/" + round)) {
                for (VoteKind kind : VoteKind.values()) {
                    for (int half = 0; half < 2; half++) {
                        SignedVote v = SignedVote.sign(keys.get(node.index), kind, randomBlock(), round, message.setId());
                        FinalityMessage m = new FinalityMessage.VoteMessage(round, message.setId(), v);
                        for (Node other : nodes) {
                            if (other.index % 2 == half && other != node) {
                                network.deliver(node.index, other.index, m);
                            }
                        }
                    }
                }
            }
        }

        private ChainHead randomBlock() {
            List<Header> known = knownHeaders(nodes.get(random.nextInt(nodes.size())));
            known.sort(Comparator.comparingLong(Header::number));
            return BlockTree.head(known.get(random.nextInt(known.size())));
        }
    }
}
