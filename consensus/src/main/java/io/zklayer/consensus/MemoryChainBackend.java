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
 * nodes in a {@link MemoryNodeStore} (insertions only, nothing pruned), headers in a map, heads in
 * fields. It isolates checking and executing blocks from the cost of RocksDB.
 */
public final class MemoryChainBackend implements ChainBackend {
    private final MemoryNodeStore nodes = new MemoryNodeStore();
    private final Map<H256, Header> headers = new HashMap<>();
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
    public ChainHead genesis() {
        return genesis;
    }

    @Override
    public ChainHead best() {
        return best;
    }

    @Override
    public ChainHead finalized() {
        return finalized;
    }

    @Override
    public Optional<Header> header(H256 hash) {
        return Optional.ofNullable(headers.get(hash));
    }

    @Override
    public TrieState stateAt(H256 hash) {
        Header h = headers.get(hash);
        if (h == null) {
            throw new IllegalArgumentException("memory backend: unknown block " + hash);
        }
        return new TrieState(Trie.open(layout, nodes, h.stateRoot().bytes()));
    }

    @Override
    public void commit(Block block, TrieChangeSet changes, boolean makeBest, boolean makeFinal, byte[] justification) {
        nodes.applyInsertions(changes);
        H256 hash = block.header().hash();
        headers.put(hash, block.header());
        ChainHead head = new ChainHead(hash, block.header().number());
        if (makeBest) {
            best = head;
        }
        if (makeFinal) {
            finalized = head;
        }
        commits++;
    }

    /** Returns how many blocks were committed since genesis (tests check rejected blocks write nothing). */
    public int commitCount() {
        return commits;
    }
}
