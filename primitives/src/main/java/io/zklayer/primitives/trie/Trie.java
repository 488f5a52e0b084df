package io.zklayer.primitives.trie;

import io.zklayer.primitives.hashing.Hashing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Substrate state trie: base-16 Patricia-Merkle, no extension nodes, blake2b-256, in layout V0
 * or V1, over a {@link NodeStore}.
 *
 * <p>Reads load nodes from the store on demand. Changes build new nodes along the changed path
 * and leave everything else shared, so {@link #rootHash()} and {@link #commit()} encode and hash
 * only the nodes a batch of changes touched: an untouched subtree is known by its hash. A node
 * whose encoding is shorter than 32 bytes is written inline in its parent; the root is always
 * hashed. The root of the empty trie is {@link #EMPTY_ROOT} = blake2b-256({@code 0x00}) =
 * {@code 0x03170a2e…4c111314}.
 *
 * <p>{@link #commit()} returns the new root and a {@link TrieChangeSet}: the nodes to store and the
 * hashes of the stored nodes the changes replaced, for reference-counted pruning. An instance is
 * not thread-safe.
 */
public final class Trie {
    /** The root of the empty trie: blake2b-256 of the single byte {@code 0x00}. */
    public static final byte[] EMPTY_ROOT = Hashing.blake2b256(new byte[] {NodeCodec.EMPTY_TRIE});

    /** The longest key a trie takes: a partial key's nibble count must fit sp-trie's 16-bit bound. */
    public static final int MAX_KEY_BYTES = 32_767;

    private final TrieLayout layout;
    private final NodeStore store;
    private Object root;
    private List<byte[]> obsolete = new ArrayList<>();

    private Trie(TrieLayout layout, NodeStore store, Object root) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.store = Objects.requireNonNull(store, "store");
        this.root = root;
    }

    /** Returns an empty trie whose committed nodes will go to {@code store}. */
    public static Trie empty(TrieLayout layout, NodeStore store) {
        return new Trie(layout, store, null);
    }

    /** Returns the trie whose root is {@code root}; its nodes are read from {@code store} on demand. */
    public static Trie open(TrieLayout layout, NodeStore store, byte[] root) {
        if (root.length != NodeCodec.HASH_LENGTH) {
            throw new IllegalArgumentException("trie: a root is 32 bytes, got " + root.length);
        }
        return new Trie(layout, store, Arrays.equals(root, EMPTY_ROOT) ? null : new HashRef(root.clone()));
    }

    /** Returns the layout used when nodes are encoded. */
    public TrieLayout layout() {
        return layout;
    }

    /** Returns the store nodes are read from. */
    public NodeStore store() {
        return store;
    }

    /**
     * Returns the value under {@code key}, or empty when absent.
     *
     * @throws MissingNodeException when a node on the path is not in the store
     */
    public Optional<byte[]> get(byte[] key) {
        byte[] k = Nibbles.fromBytes(key);
        Node n = rootNode();
        int depth = 0;
        while (n != null) {
            int common = Nibbles.commonPrefix(n.partial, k, depth);
            if (common < n.partial.length) {
                return Optional.empty();
            }
            depth += common;
            if (depth == k.length) {
                return n.value == null ? Optional.empty() : Optional.of(valueBytes(n.value).clone());
            }
            if (n.isLeaf()) {
                return Optional.empty();
            }
            n = child(n, k[depth]);
            depth++;
        }
        return Optional.empty();
    }

    /** Sets {@code key} to {@code value} (an empty value is a present value). */
    public void put(byte[] key, byte[] value) {
        Objects.requireNonNull(value, "value");
        if (key.length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("trie: key of " + key.length + " bytes exceeds " + MAX_KEY_BYTES
                    + " (a partial key holds at most 65535 nibbles)");
        }
        root = insert(rootNode(), Nibbles.fromBytes(key), 0, value.clone());
    }

    /** Removes {@code key}; removing an absent key changes nothing. */
    public void remove(byte[] key) {
        Node r = rootNode();
        if (r != null) {
            root = remove(r, Nibbles.fromBytes(key), 0);
        }
    }

    /** Returns the root of the current content without storing anything. */
    public byte[] rootHash() {
        if (root == null) {
            return EMPTY_ROOT.clone();
        }
        if (root instanceof HashRef h) {
            return h.hash().clone();
        }
        return hashOf((Node) root).clone();
    }

    /**
     * Returns the root and the changes since the last commit (or since opening): every new node
     * to store, and every stored node the changes replaced. Later changes start from this state.
     */
    public TrieCommit commit() {
        List<TrieChangeSet.NodeEntry> inserted = new ArrayList<>();
        byte[] rootHash;
        if (root == null) {
            rootHash = EMPTY_ROOT.clone();
        } else if (root instanceof HashRef h) {
            rootHash = h.hash().clone();
        } else {
            Node r = (Node) root;
            commitNode(r, true, inserted);
            rootHash = r.storedHash.clone();
        }
        TrieChangeSet changes = new TrieChangeSet(inserted, obsolete);
        obsolete = new ArrayList<>();
        return new TrieCommit(rootHash, changes);
    }

    /** Returns a mark of the current content, to go back to with {@link #reset(Checkpoint)}. */
    public Checkpoint checkpoint() {
        return new Checkpoint(this, root, obsolete.size());
    }

    /**
     * Returns to the content of {@code mark}, forgetting the changes made since. Valid only while
     * no {@link #commit()} happened after the mark was taken.
     */
    public void reset(Checkpoint mark) {
        if (mark.trie != this || mark.obsoleteSize > obsolete.size()) {
            throw new IllegalStateException("trie: checkpoint is not from this trie or a commit happened since");
        }
        root = mark.root;
        obsolete.subList(mark.obsoleteSize, obsolete.size()).clear();
    }

    /** Returns the entries whose key starts with {@code prefix}, in ascending unsigned key order. */
    public Iterator<TrieEntry> iterator(byte[] prefix) {
        return new TrieIterator(this, Nibbles.fromBytes(prefix), Nibbles.EMPTY);
    }

    /**
     * Returns the entries whose key starts with {@code prefix} and is at least {@code from}, in
     * ascending unsigned key order.
     */
    public Iterator<TrieEntry> iterator(byte[] prefix, byte[] from) {
        return new TrieIterator(this, Nibbles.fromBytes(prefix), Nibbles.fromBytes(from));
    }

    /** Returns the smallest key strictly greater than {@code key}, or empty (Substrate's {@code next_key}). */
    public Optional<byte[]> nextKey(byte[] key) {
        Iterator<TrieEntry> it = iterator(new byte[0], key);
        while (it.hasNext()) {
            byte[] k = it.next().key();
            if (!Arrays.equals(k, key)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** An opaque mark of a trie's content; see {@link #checkpoint()}. */
    public static final class Checkpoint {
        private final Trie trie;
        private final Object root;
        private final int obsoleteSize;

        private Checkpoint(Trie trie, Object root, int obsoleteSize) {
            this.trie = trie;
            this.root = root;
            this.obsoleteSize = obsoleteSize;
        }
    }

    // ---- node access -------------------------------------------------------------------------

    Node rootNode() {
        if (root instanceof HashRef h) {
            root = load(h.hash());
        }
        return (Node) root;
    }

    /** Returns child {@code idx} of {@code parent}, loading it (and caching it in place) if needed. */
    Node child(Node parent, int idx) {
        Object c = parent.children[idx];
        if (c instanceof HashRef h) {
            Node loaded = load(h.hash());
            parent.children[idx] = loaded;
            return loaded;
        }
        return (Node) c;
    }

    byte[] valueBytes(Value v) {
        if (v.isHashOnly()) {
            byte[] bytes = store.get(v.hash());
            if (bytes == null) {
                throw new MissingNodeException(v.hash());
            }
            v.setLoadedBytes(bytes);
        }
        return v.bytesOrNull();
    }

    private Node load(byte[] hash) {
        byte[] bytes = store.get(hash);
        if (bytes == null) {
            throw new MissingNodeException(hash);
        }
        Node n = NodeCodec.decode(bytes);
        n.storedHash = hash;
        n.hash = hash;
        return n;
    }

    // ---- changes -----------------------------------------------------------------------------

    private Node insert(Node n, byte[] key, int depth, byte[] value) {
        if (n == null) {
            return Node.leaf(Nibbles.slice(key, depth, key.length), Value.of(value));
        }
        int common = Nibbles.commonPrefix(n.partial, key, depth);
        int rest = key.length - depth;
        if (common < n.partial.length) {
            drop(n);
            Object[] children = new Object[16];
            children[n.partial[common]] = n.withPartial(Nibbles.slice(n.partial, common + 1, n.partial.length));
            byte[] branchPartial = Nibbles.slice(n.partial, 0, common);
            if (common == rest) {
                return Node.branch(branchPartial, Value.of(value), children);
            }
            children[key[depth + common]] = Node.leaf(Nibbles.slice(key, depth + common + 1, key.length), Value.of(value));
            return Node.branch(branchPartial, null, children);
        }
        if (common == rest) {
            if (n.value != null && Arrays.equals(valueBytes(n.value), value)) {
                return n;
            }
            drop(n);
            return n.isLeaf() ? Node.leaf(n.partial, Value.of(value)) : Node.branch(n.partial, Value.of(value), n.children.clone());
        }
        int idx = key[depth + common];
        if (n.isLeaf()) {
            drop(n);
            Object[] children = new Object[16];
            children[idx] = Node.leaf(Nibbles.slice(key, depth + common + 1, key.length), Value.of(value));
            return Node.branch(n.partial, n.value, children);
        }
        Node c = child(n, idx);
        Node nc = insert(c, key, depth + common + 1, value);
        if (nc == c) {
            return n;
        }
        drop(n);
        Object[] children = n.children.clone();
        children[idx] = nc;
        return Node.branch(n.partial, n.value, children);
    }

    private Node remove(Node n, byte[] key, int depth) {
        int common = Nibbles.commonPrefix(n.partial, key, depth);
        if (common < n.partial.length) {
            return n;
        }
        if (common == key.length - depth) {
            if (n.value == null) {
                return n;
            }
            drop(n);
            return n.isLeaf() ? null : normalize(Node.branch(n.partial, null, n.children.clone()));
        }
        if (n.isLeaf()) {
            return n;
        }
        int idx = key[depth + common];
        Node c = child(n, idx);
        if (c == null) {
            return n;
        }
        Node nc = remove(c, key, depth + common + 1);
        if (nc == c) {
            return n;
        }
        drop(n);
        Object[] children = n.children.clone();
        children[idx] = nc;
        return normalize(Node.branch(n.partial, n.value, children));
    }

    /** Turns a fresh branch left with no children into a leaf, and one with a single child and no value into that child. */
    private Node normalize(Node b) {
        int count = b.childCount();
        if (count == 0) {
            return b.value == null ? null : Node.leaf(b.partial, b.value);
        }
        if (count > 1 || b.value != null) {
            return b;
        }
        int idx = 0;
        while (b.children[idx] == null) {
            idx++;
        }
        Node c = child(b, idx);
        drop(c);
        return c.withPartial(Nibbles.join(b.partial, idx, c.partial));
    }

    /** Records that a node leaves the trie: if the store holds it, its reference becomes obsolete. */
    private void drop(Node n) {
        if (n.storedHash != null) {
            obsolete.add(n.storedHash);
            if (NodeCodec.hasHashedValue(encoding(n))) {
                obsolete.add(n.value.hash());
            }
        }
    }

    // ---- encoding and hashing ----------------------------------------------------------------

    private void commitNode(Node n, boolean isRoot, List<TrieChangeSet.NodeEntry> out) {
        if (n.storedHash != null) {
            return;
        }
        if (!n.isLeaf()) {
            for (Object c : n.children) {
                if (c instanceof Node cn) {
                    commitNode(cn, false, out);
                }
            }
        }
        byte[] enc = encoding(n);
        if (isRoot || enc.length >= NodeCodec.HASH_LENGTH) {
            byte[] h = hashOf(n);
            n.storedHash = h;
            out.add(new TrieChangeSet.NodeEntry(h, enc));
            if (NodeCodec.hasHashedValue(enc)) {
                out.add(new TrieChangeSet.NodeEntry(n.value.hash(), valueBytes(n.value)));
            }
        }
    }

    private byte[] encoding(Node n) {
        if (n.encoded == null) {
            if (n.value != null && n.value.isHashOnly() && layout == TrieLayout.V0) {
                valueBytes(n.value);
            }
            n.encoded = NodeCodec.encode(n, layout, this::childReference);
        }
        return n.encoded;
    }

    private byte[] hashOf(Node n) {
        if (n.hash == null) {
            n.hash = Hashing.blake2b256(encoding(n));
        }
        return n.hash;
    }

    private byte[] childReference(Object c) {
        if (c instanceof HashRef h) {
            return h.hash();
        }
        Node n = (Node) c;
        if (n.storedHash != null) {
            return n.storedHash;
        }
        byte[] enc = encoding(n);
        return enc.length < NodeCodec.HASH_LENGTH ? enc : hashOf(n);
    }
}
