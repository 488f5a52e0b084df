package io.zklayer.primitives.trie;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Walks a trie depth-first in key order (a node's own value before its children, children 0 to
 * 15), visiting only subtrees that can hold keys with the given prefix and not below the given
 * lower bound. Nodes are loaded lazily as the walk reaches them.
 */
final class TrieIterator implements Iterator<TrieEntry> {
    private final Trie trie;
    private final byte[] prefix;
    private final byte[] lowerBound;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private TrieEntry pending;

    private static final class Frame {
        final Node node;
        final byte[] path;
        int next = -1;

        Frame(Node node, byte[] path) {
            this.node = node;
            this.path = path;
        }
    }

    TrieIterator(Trie trie, byte[] prefix, byte[] lowerBound) {
        this.trie = trie;
        this.prefix = prefix;
        this.lowerBound = lowerBound;
        Node root = trie.rootNode();
        if (root != null && relevant(root.partial)) {
            stack.push(new Frame(root, root.partial));
        }
    }

    @Override
    public boolean hasNext() {
        if (pending == null) {
            pending = advance();
        }
        return pending != null;
    }

    @Override
    public TrieEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        TrieEntry e = pending;
        pending = null;
        return e;
    }

    private TrieEntry advance() {
        while (!stack.isEmpty()) {
            Frame f = stack.peek();
            if (f.next == -1) {
                f.next = 0;
                if (f.node.value != null && accepts(f.path)) {
                    return new TrieEntry(Nibbles.toBytes(f.path), trie.valueBytes(f.node.value).clone());
                }
                continue;
            }
            if (f.node.isLeaf() || f.next > 15) {
                stack.pop();
                continue;
            }
            int i = f.next++;
            if (f.node.children[i] == null) {
                continue;
            }
            byte[] at = Nibbles.join(f.path, i, Nibbles.EMPTY);
            if (!relevant(at)) {
                continue;
            }
            Node c = trie.child(f.node, i);
            byte[] path = Nibbles.concat(at, c.partial);
            if (relevant(path)) {
                stack.push(new Frame(c, path));
            }
        }
        return null;
    }

    /** Returns whether keys starting with {@code path} can match the prefix and reach the lower bound. */
    private boolean relevant(byte[] path) {
        return Nibbles.compareCommon(path, prefix) == 0 && Nibbles.compareCommon(path, lowerBound) >= 0;
    }

    private boolean accepts(byte[] path) {
        return (path.length & 1) == 0 && Nibbles.startsWith(path, prefix) && Arrays.compare(path, lowerBound) >= 0;
    }
}
