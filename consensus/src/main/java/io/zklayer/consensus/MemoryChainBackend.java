package io.zklayer.consensus;

import io.zklayer.primitives.trie.MemoryNodeStore;
import io.zklayer.primitives.trie.Trie;
import io.zklayer.primitives.trie.TrieChangeSet;
import io.zklayer.primitives.trie.TrieLayout;
import io.zklayer.primitives.trie.TrieState;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import io.zklayer.runtime.RuntimeGenesisConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory twin of the node's RocksDB backend, for tests and benchmarks of consensus: trie
 * nodes in a {@link MemoryNodeStore} (insertions only, nothing pruned), headers and
 * justifications in maps, heads in fields. It isolates checking and executing blocks from the cost
 * of RocksDB, and enforces the same head rules as the node's store (best and finalized blocks stay
 * on one chain).
 */
public final class MemoryChainBackend implements ChainBackend {
    private final MemoryNodeStore nodes = new MemoryNodeStore();
    private final Map<H256, Header> headers = new HashMap<>();
    private final Map<H256, byte[]> justifications = new HashMap<>();
    private final TrieLayout layout;
    private final ChainHead genesis;
    private ChainHead best;
    private ChainHead finalized;
    private int commits;

    /** Builds genesis from {@code config} into a fresh store. */
    public MemoryChainBackend(io.zklayer.runtime.Runtime runtime, RuntimeGenesisConfig config, TrieLayout layout) {
        this.layout = layout;
        RuntimeGenesisConfig.Built built = config.build(runtime, nodes);
        nodes.apply(built.state().changes());
        headers.put(built.hash(), built.header());
        genesis = new ChainHead(built.hash(), 0);
        best = genesis;
        finalized = genesis;
    }

    @Override
    public synchronized ChainHead genesis() {
        return genesis;
    }

    @Override
    public synchronized ChainHead best() {
        return best;
    }

    @Override
    public synchronized ChainHead finalized() {
        return finalized;
    }

    @Override
    public synchronized Optional<Header> header(H256 hash) {
        return Optional.ofNullable(headers.get(hash));
    }

    @Override
    public synchronized TrieState stateAt(H256 hash) {
        Header h = headers.get(hash);
        if (h == null) {
            throw new IllegalArgumentException("memory backend: unknown block " + hash);
        }
        return new TrieState(Trie.open(layout, nodes, h.stateRoot().bytes()));
    }

    @Override
    public synchronized void commit(Block block, TrieChangeSet changes, boolean makeBest, boolean makeFinal,
                                    byte[] justification) {
        Header header = block.header();
        H256 hash = header.hash();
        if (headers.containsKey(hash)) {
            throw new IllegalStateException("memory backend: block " + hash + " is already stored");
        }
        Header parent = headers.get(header.parentHash());
        if (parent == null || parent.number() + 1 != header.number()) {
            throw new IllegalStateException("memory backend: block #" + header.number() + " does not follow a stored parent");
        }
        if (header.number() <= finalized.number()) {
            throw new IllegalStateException("memory backend: block #" + header.number() + " is not above the finalized " + finalized);
        }
        nodes.applyInsertions(changes);
        headers.put(hash, header);
        if (justification != null) {
            justifications.put(hash, justification.clone());
        }
        ChainHead head = new ChainHead(hash, header.number());
        if (makeBest) {
            best = head;
        }
        if (makeFinal) {
            finalized = head;
        }
        commits++;
    }

    @Override
    public synchronized void setBest(H256 hash) {
        Header h = headers.get(hash);
        if (h == null) {
            throw new IllegalStateException("memory backend: cannot make unknown block " + hash + " best");
        }
        ChainHead head = new ChainHead(hash, h.number());
        if (!isOnChainOf(finalized, head)) {
            throw new IllegalStateException("memory backend: best block " + head + " does not descend from the finalized block " + finalized);
        }
        best = head;
    }

    @Override
    public synchronized void finalize(H256 hash, byte[] justification) {
        Header h = headers.get(hash);
        if (h == null) {
            throw new IllegalStateException("memory backend: cannot finalize unknown block " + hash);
        }
        ChainHead head = new ChainHead(hash, h.number());
        if (head.number() < finalized.number()) {
            throw new IllegalStateException("memory backend: finalizing " + head + " would go back from the finalized " + finalized);
        }
        if (!isOnChainOf(head, best)) {
            throw new IllegalStateException("memory backend: cannot finalize " + head + ": it is not on the best chain");
        }
        if (justification != null) {
            justifications.put(hash, justification.clone());
        }
        finalized = head;
    }

    @Override
    public synchronized Optional<byte[]> justification(H256 hash) {
        return Optional.ofNullable(justifications.get(hash)).map(byte[]::clone);
    }

    /** Returns how many blocks were committed since genesis (tests check rejected blocks write nothing). */
    public synchronized int commitCount() {
        return commits;
    }

    /** Returns whether {@code ancestor} is {@code block} or one of its ancestors. */
    private boolean isOnChainOf(ChainHead ancestor, ChainHead block) {
        H256 h = block.hash();
        long n = block.number();
        while (n > ancestor.number()) {
            h = headers.get(h).parentHash();
            n--;
        }
        return n == ancestor.number() && h.equals(ancestor.hash());
    }
}
