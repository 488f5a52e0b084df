package io.zklayer.node.service;

import io.zklayer.consensus.ChainBackend;
import io.zklayer.consensus.ChainHead;
import io.zklayer.node.storage.BlockImport;
import io.zklayer.node.storage.BlockInfo;
import io.zklayer.node.storage.ChainStore;
import io.zklayer.primitives.trie.TrieChangeSet;
import io.zklayer.primitives.trie.TrieLayout;
import io.zklayer.primitives.trie.TrieState;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import io.zklayer.primitives.types.OpaqueExtrinsic;
import io.zklayer.primitives.codec.ScaleCodecs;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Consensus's view of the node's RocksDB {@link ChainStore}: headers, states and heads, and one
 * atomic batch per committed block. Listeners hear about every committed block after the batch is
 * durable.
 */
public final class StoreChainBackend implements ChainBackend {
    /** Told about each committed block, in commit order. */
    @FunctionalInterface
    public interface CommitListener {
        /** Called after {@code block} was written; {@code best}/{@code finalized} say how heads moved. */
        void onCommit(Block block, boolean best, boolean finalized);
    }

    private static final io.zklayer.primitives.codec.ScaleCodec<List<OpaqueExtrinsic>> BODY =
            ScaleCodecs.vec(OpaqueExtrinsic.CODEC);

    private final ChainStore store;
    private final TrieLayout layout;
    private final List<CommitListener> listeners = new CopyOnWriteArrayList<>();

    /** Wraps {@code store}, whose states use {@code layout}. */
    public StoreChainBackend(ChainStore store, TrieLayout layout) {
        this.store = store;
        this.layout = layout;
    }

    /** Returns the store. */
    public ChainStore store() {
        return store;
    }

    /** Returns the state layout. */
    public TrieLayout layout() {
        return layout;
    }

    /** Adds a commit listener. */
    public void addListener(CommitListener l) {
        listeners.add(l);
    }

    @Override
    public ChainHead genesis() {
        return head(store.genesis().orElseThrow(() -> new IllegalStateException("the database has no genesis")));
    }

    @Override
    public ChainHead best() {
        return head(store.best().orElseThrow());
    }

    @Override
    public ChainHead finalized() {
        return head(store.finalized().orElseThrow());
    }

    @Override
    public Optional<Header> header(H256 hash) {
        return store.header(hash.bytes()).map(Header.CODEC::decode);
    }

    /** Returns the body of block {@code hash}, if stored. */
    public Optional<List<OpaqueExtrinsic>> body(H256 hash) {
        return store.body(hash.bytes()).map(BODY::decode);
    }

    /** Returns the hash of the canonical block at {@code number}, if any. */
    public Optional<H256> canonicalHash(long number) {
        return store.canonicalHash(number).map(H256::of);
    }

    @Override
    public TrieState stateAt(H256 hash) {
        return store.state(hash.bytes(), layout);
    }

    @Override
    public void commit(Block block, TrieChangeSet stateChanges, boolean makeBest, boolean makeFinal, byte[] justification) {
        Header h = block.header();
        store.importBlock(new BlockImport(h.encode(), new BlockInfo(h.parentHash().bytes(), h.stateRoot().bytes(), h.number()),
                BODY.encode(block.extrinsics()), justification, stateChanges, makeBest, makeFinal));
        for (CommitListener l : listeners) {
            l.onCommit(block, makeBest, makeFinal);
        }
    }

    @Override
    public void setBest(H256 hash) {
        store.setBest(hash.bytes());
    }

    @Override
    public void finalize(H256 hash, byte[] justification) {
        store.finalizeBlock(hash.bytes(), justification);
    }

    @Override
    public Optional<byte[]> justification(H256 hash) {
        return store.justification(hash.bytes());
    }

    /** Stores the genesis block: header, empty body and state nodes. */
    public void commitGenesis(Header genesis, TrieChangeSet nodes) {
        store.importBlock(new BlockImport(genesis.encode(), new BlockInfo(genesis.parentHash().bytes(),
                genesis.stateRoot().bytes(), 0), BODY.encode(List.of()), null, nodes, true, true));
    }

    private static ChainHead head(io.zklayer.node.storage.ChainHead h) {
        return new ChainHead(H256.of(h.hash()), h.number());
    }
}
