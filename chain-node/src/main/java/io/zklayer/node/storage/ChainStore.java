package io.zklayer.node.storage;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.hashing.Hashing;
import io.zklayer.primitives.storage.KeyValueBatch;
import io.zklayer.primitives.storage.KeyValueStore;
import io.zklayer.primitives.trie.NodeStore;
import io.zklayer.primitives.trie.Trie;
import io.zklayer.primitives.trie.TrieChangeSet;
import io.zklayer.primitives.trie.TrieLayout;
import io.zklayer.primitives.trie.TrieState;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Typed access to the node's storage: blocks, the canonical chain, the genesis/best/finalized
 * pointers and the state-trie nodes, over any {@link KeyValueStore}.
 *
 * <p>Each import, best-block change and finalization is one atomic batch, so after a crash the
 * store holds every block whole or not at all and the pointers agree with the blocks. Trie nodes
 * are reference-counted; each block's insertions and obsoletions are journaled and, once the block
 * leaves the window of kept states (the last {@link Pruning#keep()} states on the best chain, and
 * never at or above the finalized block), the canonical block's obsoletions are applied and a
 * sibling fork's insertions are reverted. Reading a state that is gone is a
 * {@link StatePrunedException}. Writes are serialized; reads may run concurrently with them.
 */
public final class ChainStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChainStore.class);
    private static final byte[] ZERO_HASH = new byte[32];

    private final KeyValueStore kv;
    private final Pruning pruning;
    private final NodeStore nodes;

    private ChainStore(KeyValueStore kv, Pruning pruning) {
        this.kv = kv;
        this.pruning = pruning;
        this.nodes = hash -> kv.get(Column.TRIE_NODES, hash);
    }

    /**
     * Opens the chain store over {@code kv}, writing the schema version and pruning mode into an
     * empty store.
     *
     * @throws IncompatibleSchemaException when the store was written with another schema version
     *     or another pruning mode
     */
    public static ChainStore open(KeyValueStore kv, Pruning pruning) {
        byte[] version = kv.get(Column.META, Column.KEY_SCHEMA_VERSION);
        if (version == null) {
            if (kv.get(Column.META, Column.KEY_BEST) != null) {
                throw new IncompatibleSchemaException("storage: database holds blocks but no schema version; it was not written by this node");
            }
            kv.write(new KeyValueBatch()
                    .put(Column.META, Column.KEY_SCHEMA_VERSION, u32(Column.SCHEMA_VERSION))
                    .put(Column.META, Column.KEY_PRUNING, u32(pruning.keep()))
                    .put(Column.META, Column.KEY_JOURNAL_FROM, u32(1)));
            return new ChainStore(kv, pruning);
        }
        long found = readU32(version, "schema version");
        if (found != Column.SCHEMA_VERSION) {
            throw new IncompatibleSchemaException("storage: database schema version " + found + " is not version "
                    + Column.SCHEMA_VERSION + " that this node reads; use a new data directory or a node of the matching version");
        }
        long storedKeep = readU32(kv.get(Column.META, Column.KEY_PRUNING), "pruning mode");
        if (storedKeep != pruning.keep()) {
            throw new IncompatibleSchemaException("storage: database was created with pruning "
                    + new Pruning((int) storedKeep) + " and cannot be opened with " + pruning);
        }
        return new ChainStore(kv, pruning);
    }

    /** Opens (or creates) a RocksDB chain store in {@code dir}; see {@link #open(KeyValueStore, Pruning)}. */
    public static ChainStore openRocks(Path dir, Pruning pruning, boolean syncWrites) {
        RocksKeyValueStore rocks = RocksKeyValueStore.open(dir, List.of(Column.values()), syncWrites);
        try {
            ChainStore store = open(rocks, pruning);
            LOG.info("Opened chain store {} (best {}, finalized {}, pruning {})", dir,
                    store.best().map(ChainHead::toString).orElse("none"), store.finalized().map(ChainHead::toString).orElse("none"), pruning);
            return store;
        } catch (RuntimeException e) {
            rocks.close();
            throw e;
        }
    }

    /** Returns the pruning mode. */
    public Pruning pruning() {
        return pruning;
    }

    /** Returns the key-value store underneath. */
    public KeyValueStore keyValueStore() {
        return kv;
    }

    // ---- reads ---------------------------------------------------------------------------------

    /** Returns the SCALE header of block {@code hash}, if stored. */
    public Optional<byte[]> header(byte[] hash) {
        return Optional.ofNullable(kv.get(Column.HEADERS, hash));
    }

    /** Returns the SCALE body of block {@code hash}, if stored. */
    public Optional<byte[]> body(byte[] hash) {
        return Optional.ofNullable(kv.get(Column.BODIES, hash));
    }

    /** Returns the justification of block {@code hash}, if one is stored. */
    public Optional<byte[]> justification(byte[] hash) {
        return Optional.ofNullable(kv.get(Column.JUSTIFICATIONS, hash));
    }

    /** Returns parent, state root and number of block {@code hash}, if stored. */
    public Optional<BlockInfo> blockInfo(byte[] hash) {
        return Optional.ofNullable(kv.get(Column.BLOCK_INFO, hash)).map(BlockInfo::decode);
    }

    /** Returns the hash of the best-chain block at {@code number}, if any. */
    public Optional<byte[]> canonicalHash(long number) {
        BlockInfo.checkNumber(number);
        return Optional.ofNullable(kv.get(Column.CANONICAL, be32(number)));
    }

    /** Returns the genesis block, if imported. */
    public Optional<ChainHead> genesis() {
        return pointer(Column.KEY_GENESIS, "genesis");
    }

    /** Returns the best block, if any block was imported. */
    public Optional<ChainHead> best() {
        return pointer(Column.KEY_BEST, "best");
    }

    /** Returns the last finalized block (genesis until something else is finalized). */
    public Optional<ChainHead> finalized() {
        return pointer(Column.KEY_FINALIZED, "finalized");
    }

    /** Returns the node store over the trie-node column. */
    public NodeStore nodeStore() {
        return nodes;
    }

    /**
     * Returns the state root of block {@code hash} after checking that its state is still kept.
     *
     * @throws StatePrunedException when pruning removed that state
     * @throws StorageException when the block is unknown
     */
    public byte[] stateRoot(byte[] hash) {
        BlockInfo info = blockInfo(hash).orElseThrow(() -> new StorageException("storage: unknown block " + Hex.encode(hash)));
        if (!pruning.isArchive()) {
            long keptFrom = journalFrom() - 1;
            boolean canonical = canonicalHash(info.number()).map(c -> Arrays.equals(c, hash)).orElse(false);
            // Journals below journalFrom are applied: canonical states below keptFrom and fork states
            // at or below it are gone.
            if (info.number() < keptFrom || (info.number() == keptFrom && !canonical)) {
                throw new StatePrunedException(info.number(), "storage: state of block #" + info.number() + " (" + Hex.shortForm(hash)
                        + ") was pruned: this node keeps the last " + pruning.keep()
                        + " states and the finalized one (oldest kept #" + keptFrom + "); use archive pruning to keep all");
            }
            if (!canonical && !descendsFromFinalized(info)) {
                throw new StatePrunedException(info.number(), "storage: state of block #" + info.number() + " (" + Hex.shortForm(hash)
                        + ") was pruned: the block is on a fork that finality abandoned");
            }
        }
        return info.stateRoot();
    }

    private boolean descendsFromFinalized(BlockInfo info) {
        ChainHead fin = finalized().orElseThrow();
        if (info.number() <= fin.number()) {
            return false;
        }
        BlockInfo cur = info;
        byte[] hash = null;
        while (cur.number() > fin.number()) {
            hash = cur.parentHash();
            cur = blockInfo(hash).orElseThrow(() -> new StorageException("storage: ancestor of a stored block is missing"));
        }
        return Arrays.equals(hash, fin.hash());
    }

    /** Returns the runtime's view of the state after block {@code hash}; see {@link #stateRoot(byte[])}. */
    public TrieState state(byte[] hash, TrieLayout layout) {
        return new TrieState(trie(hash, layout));
    }

    /** Returns the trie of the state after block {@code hash}; see {@link #stateRoot(byte[])}. */
    public Trie trie(byte[] hash, TrieLayout layout) {
        return Trie.open(layout, nodes, stateRoot(hash));
    }

    /** Returns the exact number of trie nodes stored (a full scan of the column: for tests and tools). */
    public long trieNodeCount() {
        AtomicLong n = new AtomicLong();
        kv.scan(Column.TRIE_NODES, new byte[0], (k, v) -> {
            n.incrementAndGet();
            return true;
        });
        return n.get();
    }

    // ---- writes --------------------------------------------------------------------------------

    /**
     * Writes block, state changes, pointers and any pruning it triggers in one atomic batch.
     *
     * @throws StorageException naming the rule when the block's parent is unknown, its number does
     *     not follow the parent's, it is not above the finalized block, it is already stored, or a
     *     best/finality change would leave the finalized chain
     */
    public synchronized ChainHead importBlock(BlockImport b) {
        byte[] hash = Hashing.blake2b256(b.header());
        BlockInfo info = b.info();
        ChainHead head = new ChainHead(hash, info.number());
        if (kv.get(Column.BLOCK_INFO, hash) != null) {
            throw new StorageException("storage: block " + head + " is already stored");
        }
        Optional<ChainHead> genesis = genesis();
        if (info.number() == 0) {
            if (genesis.isPresent()) {
                throw new StorageException("storage: genesis " + genesis.get() + " is already stored; cannot import another genesis " + head);
            }
        } else {
            BlockInfo parent = blockInfo(info.parentHash()).orElseThrow(() -> new StorageException(
                    "storage: parent " + Hex.shortForm(info.parentHash()) + " of " + head + " is unknown"));
            if (parent.number() + 1 != info.number()) {
                throw new StorageException("storage: " + head + " does not follow its parent #" + parent.number());
            }
            ChainHead fin = finalized().orElseThrow();
            if (info.number() <= fin.number()) {
                throw new StorageException("storage: " + head + " is not above the finalized block " + fin);
            }
        }
        Txn t = new Txn();
        t.infos.put(ByteBuffer.wrap(hash), info);
        t.batch.put(Column.HEADERS, hash, b.header());
        t.batch.put(Column.BODIES, hash, b.body());
        t.batch.put(Column.BLOCK_INFO, hash, info.encode());
        if (b.justification() != null) {
            t.batch.put(Column.JUSTIFICATIONS, hash, b.justification());
        }
        TrieChangeSet changes = b.stateChanges();
        changes.inserted().forEach(e -> t.refs.insert(e.hash(), e.encoded()));
        if (!Arrays.equals(info.stateRoot(), Trie.EMPTY_ROOT)
                && changes.inserted().stream().noneMatch(e -> Arrays.equals(e.hash(), info.stateRoot()))
                && kv.get(Column.TRIE_NODES, info.stateRoot()) == null) {
            throw new StorageException("storage: state root " + Hex.shortForm(info.stateRoot()) + " of " + head
                    + " is neither stored nor among the block's trie changes");
        }
        if (!pruning.isArchive() && info.number() > 0) {
            t.pendingJournalKey = StateJournal.key(info.number(), hash);
            t.pendingJournal = StateJournal.of(changes);
        }
        ChainHead best = best().orElse(null);
        ChainHead fin = finalized().orElse(null);
        if (b.makeBest() || best == null) {
            makeCanonical(t, head, best, fin);
            best = head;
        }
        if (info.number() == 0) {
            // Genesis is final by definition.
            t.batch.put(Column.META, Column.KEY_GENESIS, head.encode());
            fin = head;
            t.batch.put(Column.META, Column.KEY_FINALIZED, head.encode());
        }
        if (b.makeFinal()) {
            fin = markFinal(t, head, fin, b.justification());
        }
        prune(t, best.number(), fin.number());
        t.commit();
        return head;
    }

    /**
     * Makes the stored block {@code hash} the best block, rewriting the canonical index back to the
     * common ancestor, in one batch.
     */
    public synchronized void setBest(byte[] hash) {
        BlockInfo info = blockInfo(hash).orElseThrow(() -> new StorageException("storage: cannot make unknown block " + Hex.encode(hash) + " best"));
        Txn t = new Txn();
        ChainHead head = new ChainHead(hash, info.number());
        ChainHead fin = finalized().orElseThrow();
        makeCanonical(t, head, best().orElse(null), fin);
        prune(t, head.number(), fin.number());
        t.commit();
    }

    /**
     * Finalizes the best-chain block {@code hash}, storing {@code justification} if not null, and
     * prunes what that allows, in one batch.
     */
    public synchronized void finalizeBlock(byte[] hash, byte[] justification) {
        BlockInfo info = blockInfo(hash).orElseThrow(() -> new StorageException("storage: cannot finalize unknown block " + Hex.encode(hash)));
        Txn t = new Txn();
        ChainHead fin = markFinal(t, new ChainHead(hash, info.number()), finalized().orElseThrow(), justification);
        prune(t, best().orElseThrow().number(), fin.number());
        t.commit();
    }

    @Override
    public void close() {
        kv.close();
    }

    // ---- internals -----------------------------------------------------------------------------

    /** One batch being assembled, with what it will have written visible to later steps. */
    private final class Txn {
        final KeyValueBatch batch = new KeyValueBatch();
        final RefCountDeltas refs = new RefCountDeltas();
        final Map<Long, byte[]> canonical = new HashMap<>();
        final Map<ByteBuffer, BlockInfo> infos = new HashMap<>();
        byte[] pendingJournalKey;
        StateJournal pendingJournal;
        Long journalFrom;

        byte[] canonicalAt(long n) {
            if (canonical.containsKey(n)) {
                return canonical.get(n);
            }
            return kv.get(Column.CANONICAL, be32(n));
        }

        void setCanonical(long n, byte[] hash) {
            canonical.put(n, hash);
            if (hash == null) {
                batch.delete(Column.CANONICAL, be32(n));
            } else {
                batch.put(Column.CANONICAL, be32(n), hash);
            }
        }

        BlockInfo info(byte[] hash) {
            BlockInfo i = infos.get(ByteBuffer.wrap(hash));
            return i != null ? i : blockInfo(hash).orElseThrow(() -> new StorageException("storage: block " + Hex.encode(hash) + " is missing"));
        }

        void commit() {
            if (pendingJournal != null) {
                batch.put(Column.STATE_JOURNAL, pendingJournalKey, pendingJournal.encode());
            }
            if (journalFrom != null) {
                batch.put(Column.META, Column.KEY_JOURNAL_FROM, u32(journalFrom));
            }
            refs.writeTo(kv, batch);
            kv.write(batch);
        }
    }

    private void makeCanonical(Txn t, ChainHead head, ChainHead oldBest, ChainHead fin) {
        long n = head.number();
        byte[] h = head.hash();
        while (true) {
            byte[] current = t.canonicalAt(n);
            if (current != null && Arrays.equals(current, h)) {
                break;
            }
            if (fin != null && n <= fin.number()) {
                throw new StorageException("storage: best block " + head + " does not descend from the finalized block " + fin);
            }
            t.setCanonical(n, h);
            if (n == 0) {
                break;
            }
            h = t.info(h).parentHash();
            n--;
        }
        if (oldBest != null) {
            for (long m = head.number() + 1; m <= oldBest.number(); m++) {
                t.setCanonical(m, null);
            }
        }
        t.batch.put(Column.META, Column.KEY_BEST, head.encode());
    }

    private ChainHead markFinal(Txn t, ChainHead block, ChainHead fin, byte[] justification) {
        if (fin != null && block.number() < fin.number()) {
            throw new StorageException("storage: finalizing " + block + " would go back from the finalized " + fin);
        }
        byte[] canonical = t.canonicalAt(block.number());
        if (canonical == null || !Arrays.equals(canonical, block.hash())) {
            throw new StorageException("storage: cannot finalize " + block + ": it is not on the best chain");
        }
        t.batch.put(Column.META, Column.KEY_FINALIZED, block.encode());
        if (justification != null) {
            t.batch.put(Column.JUSTIFICATIONS, block.hash(), justification);
        }
        return block;
    }

    /**
     * Applies the journals of heights that left the window: a canonical block's obsoletions (its
     * parent state goes) and a sibling fork's insertions (the fork's state goes).
     */
    private void prune(Txn t, long bestNumber, long finalizedNumber) {
        if (pruning.isArchive()) {
            return;
        }
        long from = journalFrom();
        long target = Math.min(bestNumber - (pruning.keep() - 1), finalizedNumber);
        for (long h = from; h <= target; h++) {
            byte[] canonical = t.canonicalAt(h);
            if (canonical == null) {
                throw new IllegalStateException("storage: no canonical block at #" + h + " below the finalized #" + finalizedNumber);
            }
            kv.scan(Column.STATE_JOURNAL, StateJournal.heightPrefix(h), (k, v) -> {
                applyJournal(t, Arrays.copyOfRange(k, 4, 36), canonical, StateJournal.decode(v));
                t.batch.delete(Column.STATE_JOURNAL, k);
                return true;
            });
            if (t.pendingJournal != null && heightOf(t.pendingJournalKey) == h) {
                applyJournal(t, Arrays.copyOfRange(t.pendingJournalKey, 4, 36), canonical, t.pendingJournal);
                t.pendingJournal = null;
            }
        }
        if (target >= from) {
            t.journalFrom = target + 1;
            LOG.trace("Pruned states below #{}", target);
        }
    }

    private static void applyJournal(Txn t, byte[] blockHash, byte[] canonical, StateJournal j) {
        if (Arrays.equals(blockHash, canonical)) {
            j.obsolete().forEach(t.refs::release);
        } else {
            j.inserted().forEach(t.refs::release);
        }
    }

    private long journalFrom() {
        return readU32(kv.get(Column.META, Column.KEY_JOURNAL_FROM), "journal start");
    }

    private Optional<ChainHead> pointer(byte[] key, String what) {
        return Optional.ofNullable(kv.get(Column.META, key)).map(v -> ChainHead.decode(v, what));
    }

    private static byte[] u32(long v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array();
    }

    private static long readU32(byte[] bytes, String what) {
        if (bytes == null || bytes.length != 4) {
            throw new StorageException("storage: metadata '" + what + "' is " + (bytes == null ? "missing" : bytes.length + " bytes, expected 4"));
        }
        return Integer.toUnsignedLong(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt());
    }

    private static long heightOf(byte[] journalKey) {
        return Integer.toUnsignedLong(ByteBuffer.wrap(journalKey, 0, 4).getInt());
    }

    private static byte[] be32(long number) {
        return ByteBuffer.allocate(4).putInt((int) number).array();
    }
}
