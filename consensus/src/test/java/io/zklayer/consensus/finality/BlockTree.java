package io.zklayer.consensus.finality;

import io.zklayer.consensus.ChainHead;
import io.zklayer.primitives.hashing.Hashing;
import io.zklayer.primitives.types.Digest;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Every header created in a simulation (real headers, no execution), and ancestry over them. */
final class BlockTree implements HeaderLookup {
    private final Map<H256, Header> all = new HashMap<>();
    private final Header genesis;
    private long counter;

    BlockTree() {
        genesis = new Header(H256.ZERO, 0, H256.blake2b256Of(new byte[] {0}), H256.ZERO, Digest.EMPTY);
        all.put(genesis.hash(), genesis);
    }

    Header genesis() {
        return genesis;
    }

    static ChainHead head(Header h) {
        return new ChainHead(h.hash(), h.number());
    }

    /** Creates a new child of {@code parent}, different from every other block. */
    Header child(Header parent) {
        byte[] seed = ByteBuffer.allocate(8).putLong(++counter).array();
        Header h = new Header(parent.hash(), parent.number() + 1, H256.of(Hashing.blake2b256(seed)), H256.ZERO, Digest.EMPTY);
        all.put(h.hash(), h);
        return h;
    }

    @Override
    public Optional<Header> header(H256 hash) {
        return Optional.ofNullable(all.get(hash));
    }

    /** Returns whether {@code a} is {@code b} or an ancestor of it. */
    boolean isAncestorOrSelf(ChainHead a, ChainHead b) {
        H256 h = b.hash();
        for (long n = b.number(); n > a.number(); n--) {
            h = all.get(h).parentHash();
        }
        return b.number() >= a.number() && h.equals(a.hash());
    }

    /** Returns whether neither block is on the other's chain. */
    boolean conflict(ChainHead a, ChainHead b) {
        return !isAncestorOrSelf(a, b) && !isAncestorOrSelf(b, a);
    }
}
