package io.zklayer.p2p.gossip;

import io.zklayer.p2p.host.Connection;
import io.zklayer.p2p.host.ConnectionListener;
import io.zklayer.p2p.host.Host;
import io.zklayer.p2p.host.Scheduler;
import io.zklayer.p2p.host.Stream;
import io.zklayer.p2p.host.StreamHandler;
import io.zklayer.p2p.peer.HostKey;
import io.zklayer.p2p.peer.PeerId;
import io.zklayer.p2p.wire.LengthPrefixedReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gossipsub v1.1 router ({@code /meshsub/1.1.0}, also serving {@code /meshsub/1.0.0} and
 * {@code /meshsub/1.2.0} peers, whose IDONTWANT is read and ignored).
 *
 * <p>Per topic it keeps a mesh of {@code D} peers (grafting below {@code D_lo}, pruning above
 * {@code D_hi} in the heartbeat), a fanout for topics it publishes to without subscribing, a
 * message cache announced by IHAVE to {@code max(D_lazy, 25%)} other peers and served on IWANT
 * (a peer that announces a message and then does not deliver it within the follow-up time when asked is
 * penalised), and a seen cache. Messages are StrictSign-signed and verified; ids are {@code from ‖ seqno}
 * unless another {@link MessageIdFunction} is given. Invalid signatures, malformed RPCs and
 * validator rejections lower the sender's {@link PeerScore}; low scores cut gossip, publishing and
 * finally all RPCs from the peer.
 *
 * <p>All router state lives on the injected {@link Scheduler}'s thread: stream callbacks decode on
 * the event loop and hand RPCs over; public methods hop onto the scheduler and return futures.
 */
public final class GossipRouter implements ConnectionListener {
    private static final Logger LOG = LoggerFactory.getLogger(GossipRouter.class);
    /** gossipsub v1.0. */
    public static final String MESHSUB_V10 = "/meshsub/1.0.0";
    /** gossipsub v1.1. */
    public static final String MESHSUB_V11 = "/meshsub/1.1.0";
    /** gossipsub v1.2 (accepted inbound; IDONTWANT ignored). */
    public static final String MESHSUB_V12 = "/meshsub/1.2.0";
    private static final List<String> OUTBOUND_PROTOCOLS = List.of(MESHSUB_V11, MESHSUB_V10);
    private static final int MAX_QUEUED_RPCS = 1024;
    private static final int MAX_IWANT_RETRANSMITS = 3;

    private final Host host;
    private final HostKey key;
    private final GossipConfig config;
    private final Scheduler scheduler;
    private final Random random;
    private final MessageIdFunction idFunction;
    private final GossipRpc.Limits rpcLimits = GossipRpc.Limits.defaults();
    private final Map<PeerId, GossipPeer> peers = new LinkedHashMap<>();
    private final Map<String, Set<PeerId>> mesh = new LinkedHashMap<>();
    private final Map<String, Set<PeerId>> fanout = new LinkedHashMap<>();
    private final Map<String, Long> lastPublished = new LinkedHashMap<>();
    private final Map<String, List<Consumer<GossipMessage>>> subscriptions = new LinkedHashMap<>();
    private final Map<String, TopicValidator> validators = new ConcurrentHashMap<>();
    private final BackoffTable backoff = new BackoffTable();
    private final MessageCache mcache;
    private final SeenCache seen;
    private final PeerScore score = new PeerScore();
    private final PromiseTracker promises = new PromiseTracker();
    private long seqno;
    private boolean started;

    /**
     * Creates the router and serves the meshsub protocols on the host.
     *
     * @param random seeds mesh selection and the first sequence number
     */
    public GossipRouter(Host host, GossipConfig config, MessageIdFunction idFunction, Random random) {
        this.host = host;
        this.key = host.config().hostKey();
        this.config = config;
        this.scheduler = host.scheduler();
        this.random = random;
        this.idFunction = idFunction;
        this.mcache = new MessageCache(config.mcacheLength(), config.mcacheGossip());
        this.seen = new SeenCache(config.seenTtlMillis());
        this.seqno = random.nextLong() & Long.MAX_VALUE;
        for (String p : List.of(MESHSUB_V12, MESHSUB_V11, MESHSUB_V10)) {
            host.setProtocolHandler(p, stream -> {
                PeerId peer = stream.remotePeer();
                scheduler.execute(() -> addPeer(peer));
                return new RpcStreamReader(config.maxRpcBytes(), rpcLimits,
                        rpc -> scheduler.execute(() -> handleRpc(peer, rpc)),
                        () -> scheduler.execute(() -> score.behaviourPenalty(peer)));
            });
        }
        host.addConnectionListener(this);
    }

    /** Starts the heartbeat. */
    public void start() {
        scheduler.execute(() -> {
            if (!started) {
                started = true;
                scheduler.schedule(this::heartbeatAndReschedule, config.heartbeatMillis());
            }
        });
    }

    /** Sets the validator of a topic (replacing any previous one). */
    public void setValidator(String topic, TopicValidator validator) {
        validators.put(topic, validator);
    }

    /** Subscribes to a topic; {@code listener} runs on the router thread for each new valid message. */
    public CompletableFuture<Void> subscribe(String topic, Consumer<GossipMessage> listener) {
        return onRouter(() -> {
            boolean first = !subscriptions.containsKey(topic);
            subscriptions.computeIfAbsent(topic, t -> new ArrayList<>()).add(listener);
            if (first) {
                GossipRpc announce = rpc(List.of(new GossipRpc.Subscription(true, topic)), List.of(), List.of(),
                        List.of(), List.of(), List.of());
                for (PeerId p : peers.keySet()) {
                    send(p, announce);
                }
                join(topic);
            }
            return null;
        });
    }

    /** Unsubscribes from a topic, pruning its mesh. */
    public CompletableFuture<Void> unsubscribe(String topic) {
        return onRouter(() -> {
            if (subscriptions.remove(topic) == null) {
                return null;
            }
            GossipRpc announce = rpc(List.of(new GossipRpc.Subscription(false, topic)), List.of(), List.of(),
                    List.of(), List.of(), List.of());
            for (PeerId p : peers.keySet()) {
                send(p, announce);
            }
            Set<PeerId> m = mesh.remove(topic);
            if (m != null) {
                for (PeerId p : m) {
                    addBackoff(topic, p, config.pruneBackoffMillis());
                    send(p, rpc(List.of(), List.of(), List.of(), List.of(), List.of(),
                            List.of(new GossipRpc.Prune(topic, config.pruneBackoffMillis() / 1000))));
                }
            }
            return null;
        });
    }

    /** Signs and publishes a message to the topic's peers. */
    public CompletableFuture<PublishResult> publish(String topic, byte[] data) {
        return onRouter(() -> {
            long now = scheduler.nowMillis();
            seqno++;
            byte[] seq = new byte[8];
            for (int i = 0; i < 8; i++) {
                seq[i] = (byte) (seqno >>> (56 - 8 * i));
            }
            PubMessage m = MessageSigning.sign(key, topic, data, seq);
            MessageId id = new MessageId(idFunction.id(m));
            seen.add(id, now);
            mcache.put(id, m);
            Set<PeerId> targets = new LinkedHashSet<>();
            if (config.floodPublish()) {
                for (GossipPeer p : peers.values()) {
                    if (p.topics.contains(topic) && score.score(p.id) >= PeerScore.PUBLISH_THRESHOLD) {
                        targets.add(p.id);
                    }
                }
            }
            if (subscriptions.containsKey(topic)) {
                targets.addAll(mesh.getOrDefault(topic, Set.of()));
            } else {
                Set<PeerId> f = fanout.computeIfAbsent(topic, t -> new LinkedHashSet<>());
                if (f.isEmpty()) {
                    f.addAll(pick(topic, config.d(), p -> score.score(p) >= PeerScore.PUBLISH_THRESHOLD, Set.of()));
                }
                targets.addAll(f);
                lastPublished.put(topic, now);
            }
            GossipRpc r = rpc(List.of(), List.of(m), List.of(), List.of(), List.of(), List.of());
            for (PeerId p : targets) {
                send(p, r);
            }
            return new PublishResult(id, targets.size());
        });
    }

    /** Returns the current mesh of a topic. */
    public CompletableFuture<Set<PeerId>> meshPeers(String topic) {
        return onRouter(() -> Set.copyOf(mesh.getOrDefault(topic, Set.of())));
    }

    /** Returns the peers known to be subscribed to a topic. */
    public CompletableFuture<Set<PeerId>> topicPeers(String topic) {
        return onRouter(() -> {
            Set<PeerId> out = new LinkedHashSet<>();
            for (GossipPeer p : peers.values()) {
                if (p.topics.contains(topic)) {
                    out.add(p.id);
                }
            }
            return Set.copyOf(out);
        });
    }

    /** Returns a peer's score. */
    public CompletableFuture<Long> scoreOf(PeerId peer) {
        return onRouter(() -> score.score(peer));
    }

    @Override
    public void onConnected(Connection connection) {
        PeerId peer = connection.remotePeer();
        scheduler.execute(() -> addPeer(peer));
    }

    @Override
    public void onDisconnected(Connection connection) {
        PeerId peer = connection.remotePeer();
        scheduler.execute(() -> {
            if (host.connection(peer).isEmpty()) {
                removePeer(peer);
            }
        });
    }

    private <T> CompletableFuture<T> onRouter(Supplier<T> task) {
        CompletableFuture<T> f = new CompletableFuture<>();
        scheduler.execute(() -> {
            try {
                f.complete(task.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    // ---- peers and streams (router thread) ----

    private void addPeer(PeerId peer) {
        if (peers.containsKey(peer) || host.connection(peer).isEmpty()) {
            return;
        }
        GossipPeer p = new GossipPeer(peer);
        peers.put(peer, p);
        openOutbound(p);
    }

    private void openOutbound(GossipPeer p) {
        p.opening = true;
        host.newStream(p.id, OUTBOUND_PROTOCOLS, new StreamHandler() {
            @Override
            public void onData(Stream stream, byte[] data) {
                // the peer writes to us on its own stream; anything here is ignored
            }

            @Override
            public void onClosed(Stream stream) {
                scheduler.execute(() -> onOutboundClosed(p, stream));
            }
        }).whenComplete((stream, e) -> scheduler.execute(() -> {
            p.opening = false;
            if (e != null) {
                LOG.debug("No gossipsub stream to {}: {}", p.id, e.getMessage());
                p.queued.clear();
                return;
            }
            if (peers.get(p.id) != p) {
                stream.reset();
                return;
            }
            p.out = stream;
            List<GossipRpc.Subscription> subs = new ArrayList<>();
            for (String t : subscriptions.keySet()) {
                subs.add(new GossipRpc.Subscription(true, t));
            }
            if (!subs.isEmpty()) {
                stream.write(LengthPrefixedReader.frame(rpc(subs, List.of(), List.of(), List.of(), List.of(),
                        List.of()).encode()));
            }
            for (byte[] q : p.queued) {
                stream.write(q);
            }
            p.queued.clear();
        }));
    }

    private void onOutboundClosed(GossipPeer p, Stream stream) {
        if (p.out != stream) {
            return;
        }
        p.out = null;
        if (peers.get(p.id) == p && host.connection(p.id).isPresent() && p.reopens++ < 3) {
            openOutbound(p);
        }
    }

    private void removePeer(PeerId peer) {
        GossipPeer p = peers.remove(peer);
        if (p == null) {
            return;
        }
        for (Set<PeerId> m : mesh.values()) {
            m.remove(peer);
        }
        for (Set<PeerId> f : fanout.values()) {
            f.remove(peer);
        }
        if (p.out != null) {
            p.out.reset();
        }
    }

    private void send(PeerId peer, GossipRpc r) {
        GossipPeer p = peers.get(peer);
        if (p == null || r.isEmpty()) {
            return;
        }
        byte[] framed = LengthPrefixedReader.frame(r.encode());
        if (p.out != null) {
            p.out.write(framed);
        } else if (p.opening && p.queued.size() < MAX_QUEUED_RPCS) {
            p.queued.add(framed);
        }
    }

    private static GossipRpc rpc(List<GossipRpc.Subscription> subs, List<PubMessage> msgs, List<GossipRpc.IHave> ihave,
            List<GossipRpc.IWant> iwant, List<String> graft, List<GossipRpc.Prune> prune) {
        return new GossipRpc(subs, msgs, ihave, iwant, graft, prune, List.of());
    }

    // ---- inbound RPCs (router thread) ----

    void handleRpc(PeerId from, GossipRpc r) {
        if (score.score(from) < PeerScore.GRAYLIST_THRESHOLD) {
            LOG.debug("Dropping RPC from graylisted {} (score {})", from, score.score(from));
            return;
        }
        addPeer(from);
        GossipPeer p = peers.get(from);
        if (p == null) {
            return;
        }
        for (GossipRpc.Subscription s : r.subscriptions()) {
            if (s.subscribe()) {
                if (p.topics.size() < 1000) {
                    p.topics.add(s.topic());
                }
            } else {
                p.topics.remove(s.topic());
                Set<PeerId> m = mesh.get(s.topic());
                if (m != null) {
                    m.remove(from);
                }
                Set<PeerId> f = fanout.get(s.topic());
                if (f != null) {
                    f.remove(from);
                }
            }
        }
        for (PubMessage m : r.messages()) {
            handleMessage(from, m);
        }
        List<PubMessage> wanted = handleIWant(p, r.iwant());
        List<byte[]> ask = handleIHave(p, r.ihave());
        List<GossipRpc.Prune> prunes = handleGraft(p, r.graft());
        handlePrune(p, r.prune());
        List<GossipRpc.IWant> iwant = ask.isEmpty() ? List.of() : List.of(new GossipRpc.IWant(ask));
        if (!ask.isEmpty()) {
            // like js-libp2p, hold the peer to one of the ids: it must arrive within the follow-up time
            MessageId promised = new MessageId(ask.get(random.nextInt(ask.size())));
            promises.promise(promised, from, scheduler.nowMillis() + config.iwantFollowupMillis());
        }
        send(from, rpc(List.of(), wanted, List.of(), iwant, List.of(), prunes));
    }

    private void handleMessage(PeerId source, PubMessage m) {
        if (!subscriptions.containsKey(m.topic())) {
            return;
        }
        MessageId id = new MessageId(idFunction.id(m));
        if (seen.contains(id)) {
            return;
        }
        var bad = MessageSigning.check(m);
        if (bad.isPresent()) {
            score.invalidMessage(source);
            LOG.info("Rejecting message {} on '{}' from {}: {} (score now {})", id, m.topic(), source, bad.get(),
                    score.score(source));
            return;
        }
        seen.add(id, scheduler.nowMillis());
        promises.delivered(id);
        PeerId author = PeerId.fromBytes(m.from());
        if (author.equals(key.peerId())) {
            return;
        }
        GossipMessage gm = new GossipMessage(id, m.topic(), m.data() == null ? new byte[0] : m.data(), author, source);
        ValidationResult verdict;
        try {
            verdict = validators.getOrDefault(m.topic(), x -> ValidationResult.ACCEPT).validate(gm);
        } catch (RuntimeException e) {
            LOG.warn("Validator of '{}' failed on {}; ignoring the message", m.topic(), id, e);
            verdict = ValidationResult.IGNORE;
        }
        if (verdict == ValidationResult.REJECT) {
            score.invalidMessage(source);
            LOG.info("Validator rejected message {} on '{}' from {} (score now {})", id, m.topic(), source,
                    score.score(source));
            return;
        }
        if (verdict == ValidationResult.IGNORE) {
            return;
        }
        mcache.put(id, m);
        for (Consumer<GossipMessage> l : List.copyOf(subscriptions.getOrDefault(m.topic(), List.of()))) {
            try {
                l.accept(gm);
            } catch (RuntimeException e) {
                LOG.warn("Subscriber of '{}' failed on {}", m.topic(), id, e);
            }
        }
        GossipRpc forward = rpc(List.of(), List.of(m), List.of(), List.of(), List.of(), List.of());
        for (PeerId p : mesh.getOrDefault(m.topic(), Set.of())) {
            if (!p.equals(source) && !p.equals(author)) {
                send(p, forward);
            }
        }
    }

    private List<PubMessage> handleIWant(GossipPeer p, List<GossipRpc.IWant> iwants) {
        List<PubMessage> out = new ArrayList<>();
        if (iwants.isEmpty() || score.score(p.id) < PeerScore.GOSSIP_THRESHOLD) {
            return out;
        }
        for (GossipRpc.IWant w : iwants) {
            for (byte[] raw : w.messageIds()) {
                MessageId id = new MessageId(raw);
                var m = mcache.get(id);
                if (m.isPresent() && mcache.countRequest(id, p.id) <= MAX_IWANT_RETRANSMITS) {
                    out.add(m.get());
                }
            }
        }
        return out;
    }

    private List<byte[]> handleIHave(GossipPeer p, List<GossipRpc.IHave> ihaves) {
        List<byte[]> ask = new ArrayList<>();
        if (ihaves.isEmpty() || score.score(p.id) < PeerScore.GOSSIP_THRESHOLD) {
            return ask;
        }
        if (++p.ihaveCount > config.maxIHaveMessages()) {
            LOG.debug("Ignoring IHAVE from {}: over {} this heartbeat", p.id, config.maxIHaveMessages());
            return ask;
        }
        Set<MessageId> asked = new LinkedHashSet<>();
        for (GossipRpc.IHave h : ihaves) {
            if (!subscriptions.containsKey(h.topic())) {
                continue;
            }
            for (byte[] raw : h.messageIds()) {
                MessageId id = new MessageId(raw);
                if (p.asked >= config.maxIHaveLength()) {
                    return ask;
                }
                if (!seen.contains(id) && asked.add(id)) {
                    ask.add(raw);
                    p.asked++;
                }
            }
        }
        return ask;
    }

    private List<GossipRpc.Prune> handleGraft(GossipPeer p, List<String> topics) {
        List<GossipRpc.Prune> prunes = new ArrayList<>();
        long now = scheduler.nowMillis();
        for (String topic : topics) {
            if (!subscriptions.containsKey(topic)) {
                prunes.add(new GossipRpc.Prune(topic, 0));
                continue;
            }
            if (backoff.active(topic, p.id, now)) {
                score.behaviourPenalty(p.id);
                LOG.debug("GRAFT from {} on '{}' during back-off; penalised", p.id, topic);
                prunes.add(new GossipRpc.Prune(topic, config.pruneBackoffMillis() / 1000));
                continue;
            }
            if (score.score(p.id) < 0) {
                prunes.add(new GossipRpc.Prune(topic, config.pruneBackoffMillis() / 1000));
                addBackoff(topic, p.id, config.pruneBackoffMillis());
                continue;
            }
            p.topics.add(topic);
            mesh.computeIfAbsent(topic, t -> new LinkedHashSet<>()).add(p.id);
        }
        return prunes;
    }

    private void handlePrune(GossipPeer p, List<GossipRpc.Prune> prunes) {
        for (GossipRpc.Prune pr : prunes) {
            Set<PeerId> m = mesh.get(pr.topic());
            if (m != null) {
                m.remove(p.id);
            }
            long millis = pr.backoffSeconds() > 0 ? Math.min(pr.backoffSeconds(), 3600) * 1000 : config.pruneBackoffMillis();
            addBackoff(pr.topic(), p.id, millis);
        }
    }

    private void addBackoff(String topic, PeerId peer, long millis) {
        backoff.extend(topic, peer, scheduler.nowMillis() + millis);
    }

    private boolean inBackoff(String topic, PeerId peer, long now) {
        return backoff.active(topic, peer, now);
    }

    // ---- mesh maintenance (router thread) ----

    private void join(String topic) {
        Set<PeerId> m = new LinkedHashSet<>();
        Set<PeerId> f = fanout.remove(topic);
        lastPublished.remove(topic);
        long now = scheduler.nowMillis();
        if (f != null) {
            for (PeerId p : f) {
                if (m.size() < config.d() && score.score(p) >= 0 && !inBackoff(topic, p, now)) {
                    m.add(p);
                }
            }
        }
        if (m.size() < config.d()) {
            m.addAll(pick(topic, config.d() - m.size(), p -> score.score(p) >= 0 && !inBackoff(topic, p, now), m));
        }
        mesh.put(topic, m);
        for (PeerId p : m) {
            send(p, rpc(List.of(), List.of(), List.of(), List.of(), List.of(topic), List.of()));
        }
    }

    private List<PeerId> pick(String topic, int n, java.util.function.Predicate<PeerId> ok, Set<PeerId> exclude) {
        List<PeerId> candidates = new ArrayList<>();
        for (GossipPeer p : peers.values()) {
            if (p.topics.contains(topic) && !exclude.contains(p.id) && ok.test(p.id)) {
                candidates.add(p.id);
            }
        }
        Collections.shuffle(candidates, random);
        return candidates.subList(0, Math.min(n, candidates.size()));
    }

    private void heartbeatAndReschedule() {
        try {
            heartbeat();
        } finally {
            scheduler.schedule(this::heartbeatAndReschedule, config.heartbeatMillis());
        }
    }

    /** Runs one heartbeat: scores, caches, mesh and fanout upkeep, gossip emission. */
    void heartbeat() {
        long now = scheduler.nowMillis();
        score.decay();
        seen.prune(now);
        backoff.prune(now);
        for (GossipPeer p : peers.values()) {
            p.ihaveCount = 0;
            p.asked = 0;
        }
        for (PeerId broken : promises.expire(now)) {
            score.behaviourPenalty(broken);
            LOG.debug("{} broke an IWANT promise; penalised", broken);
        }
        Map<PeerId, List<String>> grafts = new LinkedHashMap<>();
        Map<PeerId, List<GossipRpc.Prune>> prunes = new LinkedHashMap<>();
        Map<PeerId, List<GossipRpc.IHave>> ihaves = new LinkedHashMap<>();
        for (Map.Entry<String, Set<PeerId>> e : mesh.entrySet()) {
            String topic = e.getKey();
            Set<PeerId> m = e.getValue();
            for (PeerId p : List.copyOf(m)) {
                GossipPeer gp = peers.get(p);
                if (gp == null || !gp.topics.contains(topic) || score.score(p) < 0) {
                    m.remove(p);
                    if (gp != null) {
                        addBackoff(topic, p, config.pruneBackoffMillis());
                        prunes.computeIfAbsent(p, k -> new ArrayList<>())
                                .add(new GossipRpc.Prune(topic, config.pruneBackoffMillis() / 1000));
                    }
                }
            }
            if (m.size() < config.dLo()) {
                for (PeerId p : pick(topic, config.d() - m.size(),
                        p -> score.score(p) >= 0 && !inBackoff(topic, p, now) && peers.get(p).out != null, m)) {
                    m.add(p);
                    grafts.computeIfAbsent(p, k -> new ArrayList<>()).add(topic);
                }
            }
            if (m.size() > config.dHi()) {
                List<PeerId> list = new ArrayList<>(m);
                Collections.shuffle(list, random);
                for (PeerId p : list.subList(config.d(), list.size())) {
                    m.remove(p);
                    addBackoff(topic, p, config.pruneBackoffMillis());
                    prunes.computeIfAbsent(p, k -> new ArrayList<>())
                            .add(new GossipRpc.Prune(topic, config.pruneBackoffMillis() / 1000));
                }
            }
        }
        for (String topic : List.copyOf(fanout.keySet())) {
            Long last = lastPublished.get(topic);
            if (last == null || last + config.fanoutTtlMillis() < now) {
                fanout.remove(topic);
                lastPublished.remove(topic);
                continue;
            }
            Set<PeerId> f = fanout.get(topic);
            f.removeIf(p -> !peers.containsKey(p) || !peers.get(p).topics.contains(topic)
                    || score.score(p) < PeerScore.PUBLISH_THRESHOLD);
            if (f.size() < config.d()) {
                f.addAll(pick(topic, config.d() - f.size(), p -> score.score(p) >= PeerScore.PUBLISH_THRESHOLD, f));
            }
        }
        Set<String> gossipTopics = new LinkedHashSet<>(mesh.keySet());
        gossipTopics.addAll(fanout.keySet());
        for (String topic : gossipTopics) {
            List<MessageId> ids = mcache.gossipIds(topic);
            if (ids.isEmpty()) {
                continue;
            }
            if (ids.size() > config.maxIHaveLength()) {
                ids = ids.subList(0, config.maxIHaveLength());
            }
            Set<PeerId> exclude = new LinkedHashSet<>(mesh.getOrDefault(topic, Set.of()));
            exclude.addAll(fanout.getOrDefault(topic, Set.of()));
            List<PeerId> others = pick(topic, Integer.MAX_VALUE,
                    p -> score.score(p) >= PeerScore.GOSSIP_THRESHOLD && peers.get(p).out != null, exclude);
            int n = Math.max(config.dLazy(), others.size() * config.gossipFactorPercent() / 100);
            List<byte[]> raw = new ArrayList<>();
            for (MessageId id : ids) {
                raw.add(id.bytes());
            }
            for (PeerId p : others.subList(0, Math.min(n, others.size()))) {
                ihaves.computeIfAbsent(p, k -> new ArrayList<>()).add(new GossipRpc.IHave(topic, raw));
            }
        }
        Set<PeerId> targets = new LinkedHashSet<>(grafts.keySet());
        targets.addAll(prunes.keySet());
        targets.addAll(ihaves.keySet());
        for (PeerId p : targets) {
            send(p, rpc(List.of(), List.of(), ihaves.getOrDefault(p, List.of()), List.of(),
                    grafts.getOrDefault(p, List.of()), prunes.getOrDefault(p, List.of())));
        }
        mcache.shift();
    }
}
