package io.zklayer.node.network;

import io.zklayer.consensus.ChainHead;
import io.zklayer.consensus.ImportResult;
import io.zklayer.node.txpool.SubmitOutcome;
import io.zklayer.pallets.verifier.BlockProofBatch;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.Digest;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import io.zklayer.primitives.types.OpaqueExtrinsic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A block tree in memory behind {@link ChainAccess}, for tests of the protocols and of sync without
 * the runtime: blocks are made-up headers (a "fork tag" in the state root keeps forks apart) with
 * optional bodies; import accepts any block whose parent is known and makes the longest chain best
 * (ties to the lower hash). Thread-safe (synchronized).
 */
public final class FakeChain implements ChainAccess {
    private final Map<H256, Header> headers = new HashMap<>();
    private final Map<H256, List<OpaqueExtrinsic>> bodies = new HashMap<>();
    private final Map<H256, byte[]> justifications = new HashMap<>();
    private final Header genesis;
    private ChainHead best;
    private final List<byte[]> transactions = new ArrayList<>();
    private final List<ChainHead> offered = new ArrayList<>();
    private int imports;

    /** Creates a chain holding only genesis. */
    public FakeChain() {
        genesis = new Header(H256.ZERO, 0, H256.blake2b256Of(new byte[] {0}), H256.ZERO, Digest.EMPTY);
        headers.put(genesis.hash(), genesis);
        bodies.put(genesis.hash(), List.of());
        best = new ChainHead(genesis.hash(), 0);
    }

    /** Returns a child of {@code parent} with {@code bodySize} bytes of body, distinguished by {@code fork}. */
    public static Block child(Header parent, int fork, int bodySize) {
        byte[] tag = {(byte) fork, (byte) (parent.number() + 1), (byte) ((parent.number() + 1) >> 8)};
        Header h = new Header(parent.hash(), parent.number() + 1, H256.blake2b256Of(tag), H256.ZERO, Digest.EMPTY);
        List<OpaqueExtrinsic> body = bodySize == 0 ? List.of() : List.of(OpaqueExtrinsic.of(new byte[bodySize]));
        return new Block(h, body);
    }

    /** Extends the best chain by {@code n} blocks of fork {@code fork}; returns the last. */
    public synchronized Header extend(int n, int fork, int bodySize) {
        Header tip = headers.get(best.hash());
        for (int i = 0; i < n; i++) {
            Block b = child(tip, fork, bodySize);
            importBlock(b);
            tip = b.header();
        }
        return tip;
    }

    synchronized Header genesisHeader() {
        return genesis;
    }

    public synchronized void putJustification(H256 hash, byte[] proof) {
        justifications.put(hash, proof);
    }

    synchronized int importCount() {
        return imports;
    }

    synchronized List<byte[]> transactions() {
        return List.copyOf(transactions);
    }

    @Override
    public H256 genesisHash() {
        return genesis.hash();
    }

    @Override
    public synchronized ChainHead best() {
        return best;
    }

    @Override
    public ChainHead finalized() {
        return new ChainHead(genesis.hash(), 0);
    }

    @Override
    public synchronized Optional<Header> header(H256 hash) {
        return Optional.ofNullable(headers.get(hash));
    }

    @Override
    public synchronized Optional<List<OpaqueExtrinsic>> body(H256 hash) {
        return Optional.ofNullable(bodies.get(hash));
    }

    @Override
    public synchronized Optional<byte[]> justification(H256 hash) {
        return Optional.ofNullable(justifications.get(hash));
    }

    @Override
    public synchronized Optional<H256> canonicalHash(long number) {
        if (number > best.number() || number < 0) {
            return Optional.empty();
        }
        H256 h = best.hash();
        for (long n = best.number(); n > number; n--) {
            h = headers.get(h).parentHash();
        }
        return Optional.of(h);
    }

    @Override
    public synchronized ImportResult importBlock(Block block) {
        Header h = block.header();
        H256 hash = h.hash();
        ChainHead head = new ChainHead(hash, h.number());
        if (headers.containsKey(hash)) {
            return new ImportResult.AlreadyKnown(head);
        }
        Header parent = headers.get(h.parentHash());
        if (parent == null) {
            return new ImportResult.Rejected(ImportResult.Reason.UNKNOWN_PARENT, "fake: unknown parent");
        }
        if (parent.number() + 1 != h.number()) {
            return new ImportResult.Rejected(ImportResult.Reason.BAD_NUMBER, "fake: bad number");
        }
        headers.put(hash, h);
        bodies.put(hash, block.extrinsics());
        imports++;
        boolean makeBest = h.number() > best.number() || (h.number() == best.number() && hash.compareTo(best.hash()) < 0);
        if (makeBest) {
            best = head;
        }
        return new ImportResult.Imported(block, makeBest, false, 0, BlockProofBatch.Report.NONE);
    }

    /** Justifications offered by sync, in order. */
    synchronized List<ChainHead> offeredJustifications() {
        return List.copyOf(offered);
    }

    @Override
    public synchronized java.util.concurrent.CompletableFuture<JustificationCheck> importJustification(ChainHead target,
            byte[] justification) {
        offered.add(target);
        justifications.put(target.hash(), justification.clone());
        return java.util.concurrent.CompletableFuture.completedFuture(
                justification.length == 1 && justification[0] == (byte) 0xBA ? JustificationCheck.INVALID
                        : JustificationCheck.APPLIED);
    }

    @Override
    public Optional<String> checkAnnouncedHeader(Header header) {
        return Optional.empty();
    }

    @Override
    public synchronized SubmitOutcome submitTransaction(byte[] extrinsic) {
        transactions.add(extrinsic.clone());
        return new SubmitOutcome.Accepted(new byte[32], true);
    }
}
