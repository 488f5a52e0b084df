package io.zklayer.node.storage;

import io.zklayer.primitives.codec.ScaleReader;
import io.zklayer.primitives.codec.ScaleWriter;
import io.zklayer.primitives.trie.TrieChangeSet;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One block's record of trie-node references for pruning: the hashes it inserted and the hashes it
 * made obsolete. SCALE {@code (Vec<[u8; 32]>, Vec<[u8; 32]>)}; keyed by
 * {@code number u32 BE ‖ block hash} so that one prefix scan finds every block of a height.
 *
 * @param inserted one hash per inserted reference
 * @param obsolete one hash per reference the block dropped
 */
record StateJournal(List<byte[]> inserted, List<byte[]> obsolete) {
    static StateJournal of(TrieChangeSet changes) {
        List<byte[]> ins = new ArrayList<>(changes.inserted().size());
        changes.inserted().forEach(e -> ins.add(e.hash()));
        return new StateJournal(ins, changes.obsolete());
    }

    static byte[] key(long number, byte[] blockHash) {
        return ByteBuffer.allocate(36).put(heightPrefix(number)).put(blockHash).array();
    }

    static byte[] heightPrefix(long number) {
        return ByteBuffer.allocate(4).putInt((int) number).array();
    }

    byte[] encode() {
        ScaleWriter w = new ScaleWriter(8 + 32 * (inserted.size() + obsolete.size()));
        w.compact(inserted.size());
        inserted.forEach(w::raw);
        w.compact(obsolete.size());
        obsolete.forEach(w::raw);
        return w.toByteArray();
    }

    static StateJournal decode(byte[] bytes) {
        ScaleReader r = new ScaleReader(bytes);
        List<byte[]> ins = readHashes(r);
        List<byte[]> obs = readHashes(r);
        r.expectEnd("StateJournal");
        return new StateJournal(ins, obs);
    }

    private static List<byte[]> readHashes(ScaleReader r) {
        int n = r.length("StateJournal hashes", 32);
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(r.raw(32, "StateJournal hash"));
        }
        return out;
    }
}
