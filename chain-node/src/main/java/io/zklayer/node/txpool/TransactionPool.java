package io.zklayer.node.txpool;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.hashing.Hashing;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transaction pool: transactions validated against the best state, held in a ready set (all
 * requirements met, so includable now) and a future set (waiting for a predecessor, such as a
 * lower nonce of the same sender), with Substrate's tag rules.
 *
 * <p>Order of inclusion: among transactions whose requirements are met, higher priority first (the
 * runtime derives priority from the tip), then earlier arrival. A transaction providing a tag that
 * another already provides replaces it only with strictly higher priority. Invalid transactions
 * are banned for a while so that a flood of one bad transaction costs one validation. Limits on
 * count and bytes evict the lowest-priority transactions, future ones first. After every imported
 * block the node calls {@link #onBlockImported}, which removes included transactions and
 * revalidates the rest against the new state.
 *
 * <p>Thread-safe; listeners are called outside the pool's lock.
 */
public final class TransactionPool {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionPool.class);

    /** Validates one encoded extrinsic against some chain state. */
    @FunctionalInterface
    public interface Validator {
        /** Returns the transaction's validity. */
        TransactionValidity validate(byte[] extrinsic);
    }

    /** Receives status changes of pool transactions. */
    @FunctionalInterface
    public interface StatusListener {
        /** Called with the transaction hash and its new status. */
        void onStatus(byte[] hash, TransactionStatus status);
    }

    /**
     * Pool limits.
     *
     * @param maxReady the most ready transactions
     * @param maxFuture the most future transactions
     * @param maxBytes the most bytes of all transactions together
     * @param maxTransactionBytes the largest single transaction
     * @param banTime how long an invalid transaction is refused
     */
    public record Config(int maxReady, int maxFuture, long maxBytes, int maxTransactionBytes, Duration banTime) {
        /** Substrate's defaults: 8192 ready, 819 future, 20 MiB, 5 MiB per transaction, 30 minutes ban. */
        public static Config defaults() {
            return new Config(8192, 819, 20L << 20, 5 << 20, Duration.ofMinutes(30));
        }
    }

    private static final class Entry {
        final ByteBuffer key;
        final byte[] hash;
        final byte[] bytes;
        final long seq;
        TransactionValidity.Valid validity;
        boolean ready;
        int missing;

        Entry(byte[] hash, byte[] bytes, long seq, TransactionValidity.Valid validity) {
            this.key = ByteBuffer.wrap(hash);
            this.hash = hash;
            this.bytes = bytes;
            this.seq = seq;
            this.validity = validity;
        }
    }

    private record Event(byte[] hash, TransactionStatus status) {}

    private final Config config;
    private final LongSupplier nanoClock;
    private final TreeMap<Long, Entry> bySeq = new TreeMap<>();
    private final Map<ByteBuffer, Entry> byHash = new HashMap<>();
    private final Map<ByteBuffer, Long> banned = new HashMap<>();
    private final Map<ByteBuffer, List<StatusListener>> watchers = new HashMap<>();
    private final List<StatusListener> globalListeners = new CopyOnWriteArrayList<>();
    private long nextSeq;
    private long totalBytes;

    /** Creates a pool; {@code nanoClock} (System::nanoTime in the node) drives ban expiry. */
    public TransactionPool(Config config, LongSupplier nanoClock) {
        this.config = config;
        this.nanoClock = nanoClock;
    }

    /** Adds a listener that sees every status change of every transaction (for gossip and metrics). */
    public void addListener(StatusListener listener) {
        globalListeners.add(listener);
    }

    /** Watches one transaction's status; returns a handle that stops watching. */
    public Runnable watch(byte[] hash, StatusListener listener) {
        ByteBuffer key = ByteBuffer.wrap(hash.clone());
        synchronized (this) {
            watchers.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(listener);
        }
        return () -> {
            synchronized (this) {
                List<StatusListener> l = watchers.get(key);
                if (l != null) {
                    l.remove(listener);
                    if (l.isEmpty()) {
                        watchers.remove(key);
                    }
                }
            }
        };
    }

    /** Validates and adds a transaction. */
    public SubmitOutcome submit(byte[] extrinsic, Validator validator) {
        if (extrinsic.length > config.maxTransactionBytes()) {
            return new SubmitOutcome.Rejected(SubmitOutcome.Reason.TOO_LARGE,
                    "transaction of " + extrinsic.length + " bytes exceeds the limit of " + config.maxTransactionBytes());
        }
        byte[] hash = Hashing.blake2b256(extrinsic);
        ByteBuffer key = ByteBuffer.wrap(hash);
        synchronized (this) {
            if (isBanned(key)) {
                return new SubmitOutcome.Rejected(SubmitOutcome.Reason.TEMPORARILY_BANNED,
                        "transaction " + Hex.shortForm(hash) + " was found invalid recently");
            }
            if (byHash.containsKey(key)) {
                return new SubmitOutcome.Rejected(SubmitOutcome.Reason.ALREADY_IMPORTED,
                        "transaction " + Hex.shortForm(hash) + " is already in the pool");
            }
        }
        TransactionValidity validity = validator.validate(extrinsic);
        List<Event> events = new ArrayList<>();
        SubmitOutcome outcome;
        synchronized (this) {
            outcome = insert(hash, key, extrinsic.clone(), validity, events);
        }
        dispatch(events);
        return outcome;
    }

    private SubmitOutcome insert(byte[] hash, ByteBuffer key, byte[] bytes, TransactionValidity validity,
                                 List<Event> events) {
        if (byHash.containsKey(key)) {
            return new SubmitOutcome.Rejected(SubmitOutcome.Reason.ALREADY_IMPORTED, "already in the pool");
        }
        if (validity instanceof TransactionValidity.Invalid invalid) {
            ban(key);
            return new SubmitOutcome.Rejected(SubmitOutcome.Reason.INVALID, invalid.reason());
        }
        if (validity instanceof TransactionValidity.Unknown unknown) {
            return new SubmitOutcome.Rejected(SubmitOutcome.Reason.UNKNOWN, unknown.reason());
        }
        TransactionValidity.Valid valid = (TransactionValidity.Valid) validity;
        List<Entry> replaced = new ArrayList<>();
        for (Tag tag : valid.provides()) {
            for (Entry e : bySeq.values()) {
                if (e.validity.provides().contains(tag) && !replaced.contains(e)) {
                    if (valid.priority() <= e.validity.priority()) {
                        return new SubmitOutcome.Rejected(SubmitOutcome.Reason.PRIORITY_TOO_LOW,
                                "transaction " + Hex.shortForm(e.hash) + " provides tag " + tag
                                        + " with priority " + e.validity.priority() + " ≥ " + valid.priority());
                    }
                    replaced.add(e);
                }
            }
        }
        for (Entry e : replaced) {
            remove(e);
            events.add(new Event(e.hash, new TransactionStatus.Usurped(hash)));
        }
        Entry entry = new Entry(hash, bytes, nextSeq++, valid);
        bySeq.put(entry.seq, entry);
        byHash.put(key, entry);
        totalBytes += bytes.length;
        Map<Entry, Boolean> before = readiness();
        recomputeReadiness();
        enforceLimits(events);
        if (!byHash.containsKey(key)) {
            emitReadinessChanges(before, events);
            return new SubmitOutcome.Rejected(SubmitOutcome.Reason.POOL_FULL,
                    "the pool is full and priority " + valid.priority() + " does not beat the lowest");
        }
        emitReadinessChanges(before, events);
        return new SubmitOutcome.Accepted(hash, entry.ready);
    }

    /** Returns the ready transactions in the order a block author should include them. */
    public synchronized List<byte[]> readyInOrder() {
        Map<Tag, List<Entry>> waiting = new HashMap<>();
        Map<Entry, Integer> missing = new HashMap<>();
        PriorityQueue<Entry> queue = new PriorityQueue<>(Comparator
                .comparingLong((Entry e) -> -e.validity.priority()).thenComparingLong(e -> e.seq));
        Map<Tag, Entry> readyProviders = new HashMap<>();
        for (Entry e : bySeq.values()) {
            if (e.ready) {
                e.validity.provides().forEach(t -> readyProviders.put(t, e));
            }
        }
        for (Entry e : bySeq.values()) {
            if (!e.ready) {
                continue;
            }
            int m = 0;
            for (Tag t : e.validity.requires()) {
                if (readyProviders.containsKey(t)) {
                    waiting.computeIfAbsent(t, k -> new ArrayList<>()).add(e);
                    m++;
                }
            }
            missing.put(e, m);
            if (m == 0) {
                queue.add(e);
            }
        }
        List<byte[]> out = new ArrayList<>();
        while (!queue.isEmpty()) {
            Entry e = queue.poll();
            out.add(e.bytes.clone());
            for (Tag t : e.validity.provides()) {
                for (Entry w : waiting.getOrDefault(t, List.of())) {
                    int m = missing.merge(w, -1, Integer::sum);
                    if (m == 0) {
                        queue.add(w);
                    }
                }
            }
        }
        return out;
    }

    /** Returns every pool transaction (ready and future) in arrival order. */
    public synchronized List<byte[]> pending() {
        List<byte[]> out = new ArrayList<>();
        bySeq.values().forEach(e -> out.add(e.bytes.clone()));
        return out;
    }

    /** Removes the transactions with these hashes (an operator's choice); returns the hashes removed. */
    public List<byte[]> remove(List<byte[]> hashes) {
        List<byte[]> removed = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        synchronized (this) {
            Map<Entry, Boolean> before = readiness();
            for (byte[] h : hashes) {
                Entry e = byHash.get(ByteBuffer.wrap(h));
                if (e != null) {
                    remove(e);
                    before.remove(e);
                    removed.add(e.hash.clone());
                    events.add(new Event(e.hash, new TransactionStatus.Dropped()));
                }
            }
            recomputeReadiness();
            emitReadinessChanges(before, events);
        }
        dispatch(events);
        return removed;
    }

    /** Returns the number of ready transactions. */
    public synchronized int readyCount() {
        return (int) bySeq.values().stream().filter(e -> e.ready).count();
    }

    /** Returns the number of future transactions. */
    public synchronized int futureCount() {
        return bySeq.size() - readyCount();
    }

    /** Returns whether the pool holds the transaction with this hash. */
    public synchronized boolean contains(byte[] hash) {
        return byHash.containsKey(ByteBuffer.wrap(hash));
    }

    /**
     * Updates the pool after block {@code blockHash} was imported on the best chain: the included
     * transactions leave the pool (status inBlock), and the others are revalidated against the new
     * best state (invalid ones are removed and banned).
     */
    public void onBlockImported(byte[] blockHash, List<byte[]> includedExtrinsics, Validator validator) {
        List<Event> events = new ArrayList<>();
        List<Entry> toRevalidate;
        synchronized (this) {
            for (byte[] xt : includedExtrinsics) {
                byte[] hash = Hashing.blake2b256(xt);
                Entry e = byHash.get(ByteBuffer.wrap(hash));
                if (e != null) {
                    remove(e);
                }
                events.add(new Event(hash, new TransactionStatus.InBlock(blockHash.clone())));
            }
            toRevalidate = new ArrayList<>(bySeq.values());
        }
        Map<Entry, TransactionValidity> results = new LinkedHashMap<>();
        for (Entry e : toRevalidate) {
            results.put(e, validator.validate(e.bytes));
        }
        synchronized (this) {
            Map<Entry, Boolean> before = readiness();
            for (Map.Entry<Entry, TransactionValidity> r : results.entrySet()) {
                Entry e = r.getKey();
                if (!byHash.containsKey(e.key)) {
                    continue;
                }
                if (r.getValue() instanceof TransactionValidity.Valid v) {
                    e.validity = v;
                } else {
                    remove(e);
                    before.remove(e);
                    if (r.getValue() instanceof TransactionValidity.Invalid inv) {
                        ban(e.key);
                        LOG.debug("Dropped {} from the pool: {}", Hex.shortForm(e.hash), inv.reason());
                    }
                    events.add(new Event(e.hash, new TransactionStatus.Invalid()));
                }
            }
            recomputeReadiness();
            emitReadinessChanges(before, events);
        }
        dispatch(events);
    }

    /** Reports that blocks became final: transactions watched in them get their final status. */
    public void onFinalized(byte[] blockHash, List<byte[]> extrinsicsOfBlock) {
        List<Event> events = new ArrayList<>();
        for (byte[] xt : extrinsicsOfBlock) {
            events.add(new Event(Hashing.blake2b256(xt), new TransactionStatus.Finalized(blockHash.clone())));
        }
        dispatch(events);
    }

    /**
     * Reports that a block left the best chain: its transactions are told, then resubmitted
     * (validated against the new best state); returns how many the pool accepted again.
     */
    public int onRetracted(byte[] blockHash, List<byte[]> extrinsicsOfBlock, Validator validator) {
        List<Event> events = new ArrayList<>();
        for (byte[] xt : extrinsicsOfBlock) {
            events.add(new Event(Hashing.blake2b256(xt), new TransactionStatus.Retracted(blockHash.clone())));
        }
        dispatch(events);
        int accepted = 0;
        for (byte[] xt : extrinsicsOfBlock) {
            if (submit(xt, validator) instanceof SubmitOutcome.Accepted) {
                accepted++;
            }
        }
        return accepted;
    }

    private Map<Entry, Boolean> readiness() {
        Map<Entry, Boolean> out = new LinkedHashMap<>();
        bySeq.values().forEach(e -> out.put(e, e.ready));
        return out;
    }

    private void emitReadinessChanges(Map<Entry, Boolean> before, List<Event> events) {
        for (Entry e : bySeq.values()) {
            Boolean was = before.get(e);
            if (was == null || was != e.ready) {
                events.add(new Event(e.hash, e.ready ? new TransactionStatus.Ready() : new TransactionStatus.Future()));
            }
        }
    }

    /** Marks ready every transaction whose requirements are provided by ready ones (Kahn's order). */
    private void recomputeReadiness() {
        Map<Tag, List<Entry>> waiting = new HashMap<>();
        ArrayDeque<Entry> queue = new ArrayDeque<>();
        for (Entry e : bySeq.values()) {
            e.ready = false;
            e.missing = e.validity.requires().size();
            for (Tag t : e.validity.requires()) {
                waiting.computeIfAbsent(t, k -> new ArrayList<>()).add(e);
            }
            if (e.missing == 0) {
                queue.add(e);
            }
        }
        while (!queue.isEmpty()) {
            Entry e = queue.poll();
            e.ready = true;
            for (Tag t : e.validity.provides()) {
                for (Entry w : waiting.getOrDefault(t, List.of())) {
                    if (--w.missing == 0) {
                        queue.add(w);
                    }
                }
            }
        }
    }

    private void enforceLimits(List<Event> events) {
        while (true) {
            long ready = bySeq.values().stream().filter(e -> e.ready).count();
            long future = bySeq.size() - ready;
            boolean overFuture = future > config.maxFuture();
            boolean overReady = ready > config.maxReady();
            boolean overBytes = totalBytes > config.maxBytes();
            if (!overFuture && !overReady && !overBytes) {
                return;
            }
            boolean pickFuture = overFuture || (overBytes && future > 0);
            Entry victim = null;
            for (Entry e : bySeq.values()) {
                if (e.ready == !pickFuture && (victim == null || e.validity.priority() < victim.validity.priority()
                        || (e.validity.priority() == victim.validity.priority() && e.seq > victim.seq))) {
                    victim = e;
                }
            }
            if (victim == null) {
                return;
            }
            remove(victim);
            events.add(new Event(victim.hash, new TransactionStatus.Dropped()));
            recomputeReadiness();
        }
    }

    private void remove(Entry e) {
        bySeq.remove(e.seq);
        byHash.remove(e.key);
        totalBytes -= e.bytes.length;
    }

    private boolean isBanned(ByteBuffer key) {
        Long until = banned.get(key);
        if (until == null) {
            return false;
        }
        if (nanoClock.getAsLong() - until >= 0) {
            banned.remove(key);
            return false;
        }
        return true;
    }

    private void ban(ByteBuffer key) {
        if (banned.size() > 100_000) {
            long now = nanoClock.getAsLong();
            banned.values().removeIf(until -> now - until >= 0);
        }
        banned.put(key, nanoClock.getAsLong() + config.banTime().toNanos());
    }

    private void dispatch(List<Event> events) {
        for (Event ev : events) {
            for (StatusListener l : globalListeners) {
                l.onStatus(ev.hash(), ev.status());
            }
            List<StatusListener> ws;
            synchronized (this) {
                List<StatusListener> l = watchers.get(ByteBuffer.wrap(ev.hash()));
                ws = l == null ? List.of() : List.copyOf(l);
            }
            for (StatusListener l : ws) {
                l.onStatus(ev.hash(), ev.status());
            }
        }
    }
}
