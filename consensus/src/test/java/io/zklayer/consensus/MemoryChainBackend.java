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

/** An in-memory {@link ChainBackend} for consensus tests. */
final class MemoryChainBackend implements ChainBackend {
    private final MemoryNodeStore nodes = new MemoryNodeStore();
    private final Map<H256, Header> headers = new HashMap<>();
    private final Map<H256, Block> blocks = new HashMap<>();
    private final TrieLayout layout;
    private ChainHead genesis;
    private ChainHead best;
    private ChainHead finalized;
    int commits;

    MemoryChainBackend(io.zklayer.runtime.Runtime runtime, RuntimeGenesisConfig config, TrieLayout layout) {
        this.layout = layout;
        RuntimeGenesisConfig.Built built = config.build(runtime, nodes);
        nodes.apply(built.state().changes());
        headers.put(built.hash(), built.header());
        genesis = best = finalized = new ChainHead(built.hash(), 0);
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
            throw new IllegalArgumentException("unknown block " + hash);
        }
        return new TrieState(Trie.open(layout, nodes, h.stateRoot().bytes()));
    }

    @Override
    public void commit(Block block, TrieChangeSet changes, boolean makeBest, boolean makeFinal, byte[] justification) {
        nodes.applyInsertions(changes);
        H256 hash = block.header().hash();
        headers.put(hash, block.header());
        blocks.put(hash, block);
        ChainHead head = new ChainHead(hash, block.header().number());
        if (makeBest) {
            best = head;
        }
        if (makeFinal) {
            finalized = head;
        }
        commits++;
    }
}
