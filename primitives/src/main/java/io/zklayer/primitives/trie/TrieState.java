package io.zklayer.primitives.trie;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The state the runtime reads and writes while it executes a block: a trie at a given root seen
 * through an overlay of pending changes, with nested transactional layers.
 *
 * <p>Reads look at the overlay layers from the innermost outwards and then at the trie. Writes go
 * to the innermost layer. {@link #startTransaction()} opens a layer; {@link #commitTransaction()}
 * folds it into the one below; {@link #rollbackTransaction()} drops it, so a failed extrinsic
 * leaves nothing behind. {@link #storageRoot()} gives the root with every pending change without
 * storing anything; {@link #commit()} writes the changes into the trie in ascending key order and
 * returns the new root and the {@link TrieChangeSet} to persist (inserted nodes, and the nodes the
 * block made obsolete, for pruning). Not thread-safe.
 */
public final class TrieState {
    /** A pending change: {@code value == null} means the key is deleted. */
    private record Change(byte[] value) {}

    private final Trie trie;
    private final List<TreeMap<byte[], Change>> layers = new ArrayList<>();

    /** Creates a state over {@code trie}; the trie must not be changed elsewhere meanwhile. */
    public TrieState(Trie trie) {
        this.trie = Objects.requireNonNull(trie, "trie");
        layers.add(newLayer());
    }

    /** Returns the state at {@code root}, reading nodes from {@code store}. */
    public static TrieState at(TrieLayout layout, NodeStore store, byte[] root) {
        return new TrieState(Trie.open(layout, store, root));
    }

    private static TreeMap<byte[], Change> newLayer() {
        return new TreeMap<>(Arrays::compareUnsigned);
    }

    /** Returns the value of {@code key} with the pending changes applied, or empty. */
    public Optional<byte[]> get(byte[] key) {
        Change c = pending(key);
        if (c != null) {
            return c.value() == null ? Optional.empty() : Optional.of(c.value().clone());
        }
        return trie.get(key);
    }

    /** Returns whether {@code key} has a value. */
    public boolean exists(byte[] key) {
        return get(key).isPresent();
    }

    /** Sets {@code key} to {@code value} in the innermost layer. */
    public void put(byte[] key, byte[] value) {
        top().put(key.clone(), new Change(Objects.requireNonNull(value, "value").clone()));
    }

    /** Deletes {@code key} in the innermost layer. */
    public void remove(byte[] key) {
        top().put(key.clone(), new Change(null));
    }

    /** Deletes every key that starts with {@code prefix}; returns how many keys were deleted. */
    public int clearPrefix(byte[] prefix) {
        List<byte[]> doomed = new ArrayList<>();
        for (Optional<byte[]> k = firstKeyWithPrefix(prefix); k.isPresent(); k = nextKey(k.get())) {
            if (!startsWith(k.get(), prefix)) {
                break;
            }
            doomed.add(k.get());
        }
        doomed.forEach(this::remove);
        return doomed.size();
    }

    /** Returns the smallest key strictly greater than {@code key} that has a value, pending changes applied. */
    public Optional<byte[]> nextKey(byte[] key) {
        byte[] cursor = key;
        while (true) {
            byte[] fromTrie = trie.nextKey(cursor).orElse(null);
            byte[] fromOverlay = null;
            for (TreeMap<byte[], Change> layer : layers) {
                byte[] k = layer.higherKey(cursor);
                if (k != null && (fromOverlay == null || Arrays.compareUnsigned(k, fromOverlay) < 0)) {
                    fromOverlay = k;
                }
            }
            byte[] candidate = min(fromTrie, fromOverlay);
            if (candidate == null) {
                return Optional.empty();
            }
            if (exists(candidate)) {
                return Optional.of(candidate.clone());
            }
            cursor = candidate;
        }
    }

    /** Opens a transactional layer. */
    public void startTransaction() {
        layers.add(newLayer());
    }

    /** Folds the innermost layer into the one below. */
    public void commitTransaction() {
        requireTransaction("commit");
        TreeMap<byte[], Change> inner = layers.remove(layers.size() - 1);
        top().putAll(inner);
    }

    /** Drops the innermost layer and its changes. */
    public void rollbackTransaction() {
        requireTransaction("rollback");
        layers.remove(layers.size() - 1);
    }

    /** Returns how many transactional layers are open. */
    public int transactionDepth() {
        return layers.size() - 1;
    }

    /** Returns the root with every pending change applied; nothing is stored or forgotten. */
    public byte[] storageRoot() {
        Trie.Checkpoint mark = trie.checkpoint();
        try {
            applyTo(trie);
            return trie.rootHash();
        } finally {
            trie.reset(mark);
        }
    }

    /**
     * Writes the pending changes into the trie and returns the new root with the nodes to persist
     * and the nodes made obsolete. The overlay is empty afterwards.
     *
     * @throws IllegalStateException when a transaction is still open
     */
    public TrieCommit commit() {
        if (transactionDepth() != 0) {
            throw new IllegalStateException("state: commit with " + transactionDepth() + " open transaction(s)");
        }
        applyTo(trie);
        layers.get(0).clear();
        return trie.commit();
    }

    private void applyTo(Trie t) {
        TreeMap<byte[], Change> merged = newLayer();
        layers.forEach(merged::putAll);
        for (Map.Entry<byte[], Change> e : merged.entrySet()) {
            if (e.getValue().value() == null) {
                t.remove(e.getKey());
            } else {
                t.put(e.getKey(), e.getValue().value());
            }
        }
    }

    private Optional<byte[]> firstKeyWithPrefix(byte[] prefix) {
        if (exists(prefix)) {
            return Optional.of(prefix.clone());
        }
        return nextKey(prefix);
    }

    private Change pending(byte[] key) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            Change c = layers.get(i).get(key);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private TreeMap<byte[], Change> top() {
        return layers.get(layers.size() - 1);
    }

    private void requireTransaction(String what) {
        if (layers.size() == 1) {
            throw new IllegalStateException("state: " + what + " with no open transaction");
        }
    }

    private static boolean startsWith(byte[] a, byte[] prefix) {
        return a.length >= prefix.length && Arrays.equals(a, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] min(byte[] a, byte[] b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return Arrays.compareUnsigned(a, b) <= 0 ? a : b;
    }

    /** Returns the entries with the pending changes applied whose key starts with {@code prefix}, in key order. */
    public Iterator<TrieEntry> iterator(byte[] prefix) {
        return new Iterator<>() {
            private Optional<byte[]> next = firstKeyWithPrefix(prefix).filter(k -> startsWith(k, prefix));

            @Override
            public boolean hasNext() {
                return next.isPresent();
            }

            @Override
            public TrieEntry next() {
                byte[] k = next.orElseThrow();
                byte[] v = get(k).orElseThrow();
                next = nextKey(k).filter(n -> startsWith(n, prefix));
                return new TrieEntry(k, v);
            }
        };
    }
}
