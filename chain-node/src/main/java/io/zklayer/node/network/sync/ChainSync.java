package io.zklayer.node.network.sync;

import io.zklayer.consensus.ChainHead;
import io.zklayer.consensus.ImportResult;
import io.zklayer.node.network.ChainAccess;
import io.zklayer.node.network.PeerReputation.Change;
import io.zklayer.consensus.network.BlockData;
import io.zklayer.consensus.network.BlockRequest;
import io.zklayer.consensus.network.BlockRequest.Direction;
import io.zklayer.consensus.network.BlockRequest.Field;
import io.zklayer.consensus.network.BlockRequest.From;
import io.zklayer.node.network.protocol.BlockAnnounce;
import io.zklayer.p2p.peer.PeerId;
import io.zklayer.p2p.reqresp.RequestFailedException;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings this node to the head of its peers and keeps it there.
 *
 * <p><b>Range sync.</b> On each {@link #tick()}, with no range request in flight, the peer with the
 * highest best block that is above ours (or at our height with a hash we lack: an equal-length
 * fork, which fork choice needs to see) is asked for up to {@link BlockRequest#MAX_BLOCKS} blocks
 * from our best number + 1 upwards. If the first block's parent is unknown, the two chains fork
 * below our best: the next request starts 1, 2, 4, … blocks lower (never at or below our finalized
 * block; a peer that is still unknown there is on another finalized chain). Blocks are checked
 * ({@link BlockRanges}) and imported in order.
 *
 * <p><b>Announcements.</b> A gossiped header whose parent we have is fetched at once from its
 * announcer (else from the peer that forwarded it) and imported; one whose parent we lack raises
 * the announcer's known best so the next tick syncs the gap.
 *
 * <p><b>Justifications.</b> A block that comes with one is imported first; then the justification
 * goes to the finality gadget, which checks it against the authority set of the block's epoch and
 * finalizes the block (so a syncing node follows set changes in order).
 *
 * <p><b>Penalties.</b> A block that fails import costs the peer that served it
 * {@link Change#INVALID_BLOCK} (a ban); a malformed or mismatched response
 * {@link Change#MALFORMED_MESSAGE}; a failed request {@link Change#REQUEST_FAILED} and a short
 * pause before that peer is asked again.
 *
 * <p>Every method runs on the network thread; request callbacks are brought back there through
 * the executor given to the constructor.
 */
public final class ChainSync {
    private static final Logger LOG = LoggerFactory.getLogger(ChainSync.class);
    /** A node this many blocks behind its best peer is "major syncing" and does not author. */
    public static final long MAJOR_SYNC_DISTANCE = 5;
    /** How long a peer that failed a request is skipped. */
    public static final long COOLDOWN_MILLIS = 2_000;
    private static final EnumSet<Field> FIELDS = EnumSet.of(Field.HEADER, Field.BODY, Field.JUSTIFICATION);

    /** Sends a block request to a peer. */
    @FunctionalInterface
    public interface Requester {
        /** Returns the peer's decoded answer, or a failed future. */
        CompletableFuture<List<BlockData>> request(PeerId peer, BlockRequest request);
    }

    /** Receives reputation changes. */
    @FunctionalInterface
    public interface Reporter {
        /** Reports that {@code peer} did something worth {@code change}; {@code detail} says what. */
        void report(PeerId peer, Change change, String detail);
    }

    private static final class PeerSync {
        long bestNumber;
        H256 bestHash;
        long cooldownUntil;
    }

    private record InFlight(PeerId peer, BlockRequest request) {}

    private final ChainAccess chain;
    private final Requester requester;
    private final Reporter reporter;
    private final Executor networkThread;
    private final LongSupplier nowMillis;
    private final Map<PeerId, PeerSync> peers = new LinkedHashMap<>();
    private final Set<H256> fetching = new HashSet<>();
    private InFlight inFlight;
    private PeerId forkPeer;
    private long forkStep;
    private volatile boolean majorSyncing;
    private volatile long highestPeerBlock;
    private volatile long startingBlock;

    /** Creates the sync; callbacks of {@code requester}'s futures run on {@code networkThread}. */
    public ChainSync(ChainAccess chain, Requester requester, Reporter reporter, Executor networkThread, LongSupplier nowMillis) {
        this.chain = chain;
        this.requester = requester;
        this.reporter = reporter;
        this.networkThread = networkThread;
        this.nowMillis = nowMillis;
        this.startingBlock = chain.best().number();
    }

    /** Records a peer's status (from the status handshake or its refresh). */
    public void onPeerStatus(PeerId peer, long bestNumber, H256 bestHash) {
        PeerSync p = peers.computeIfAbsent(peer, k -> new PeerSync());
        p.bestNumber = bestNumber;
        p.bestHash = bestHash;
        updateHighest();
    }

    /** Forgets a disconnected peer. */
    public void onPeerDisconnected(PeerId peer) {
        peers.remove(peer);
        if (peer.equals(forkPeer)) {
            forkPeer = null;
            forkStep = 0;
        }
        updateHighest();
    }

    /** Returns the peers sync knows, with their best block. */
    public Map<PeerId, ChainHead> peerHeads() {
        Map<PeerId, ChainHead> out = new LinkedHashMap<>();
        peers.forEach((id, p) -> {
            if (p.bestHash != null) {
                out.put(id, new ChainHead(p.bestHash, p.bestNumber));
            }
        });
        return out;
    }

    /** Returns whether this node is far behind its best peer (thread-safe). */
    public boolean isMajorSyncing() {
        return majorSyncing;
    }

    /** Returns the highest best block number any peer reported (thread-safe). */
    public long highestPeerBlock() {
        return highestPeerBlock;
    }

    /** Returns our best number when the current sync started (thread-safe). */
    public long startingBlock() {
        return startingBlock;
    }

    /**
     * Handles a gossiped announcement authored by {@code from} and forwarded by {@code via}: raises
     * the announcer's known best, and fetches and imports the block when its parent is known.
     */
    public void onAnnounce(PeerId from, PeerId via, BlockAnnounce announce) {
        Header header = announce.header();
        H256 hash = header.hash();
        PeerSync announcer = peers.get(from);
        if (announcer != null && announce.best() && header.number() >= announcer.bestNumber) {
            announcer.bestNumber = header.number();
            announcer.bestHash = hash;
            updateHighest();
        }
        if (chain.header(hash).isPresent() || header.number() <= chain.finalized().number()
                || chain.header(header.parentHash()).isEmpty() || !fetching.add(hash)) {
            return;
        }
        PeerId source = peers.containsKey(from) ? from : via;
        BlockRequest request = new BlockRequest(new From.Hash(hash), Direction.ASCENDING, 1, FIELDS);
        requester.request(source, request).whenCompleteAsync((response, error) -> {
            fetching.remove(hash);
            if (error != null) {
                LOG.debug("Fetching announced #{} ({}) from {} failed: {}", header.number(), Hex.shortForm(hash.bytes()),
                        source, cause(error).getMessage());
                reportFailure(source, error);
                return;
            }
            importResponse(source, request, response);
        }, networkThread);
    }

    /** Starts a range request when the node is behind a peer and none is in flight. */
    public void tick() {
        ChainHead best = chain.best();
        updateSyncing(best);
        if (inFlight != null) {
            return;
        }
        long now = nowMillis.getAsLong();
        PeerId target = null;
        PeerSync targetState = null;
        for (Map.Entry<PeerId, PeerSync> e : peers.entrySet()) {
            PeerSync p = e.getValue();
            if (p.bestHash == null || p.cooldownUntil > now) {
                continue;
            }
            boolean ahead = p.bestNumber > best.number()
                    || (p.bestNumber == best.number() && chain.header(p.bestHash).isEmpty());
            if (ahead && (targetState == null || p.bestNumber > targetState.bestNumber)) {
                target = e.getKey();
                targetState = p;
            }
        }
        if (target == null) {
            return;
        }
        if (!target.equals(forkPeer)) {
            forkPeer = target;
            forkStep = 0;
        }
        long finalized = chain.finalized().number();
        long base = Math.min(best.number() + 1, targetState.bestNumber);
        long from = Math.max(finalized + 1, base - forkStep);
        long count = Math.min(BlockRequest.MAX_BLOCKS, targetState.bestNumber - from + 1);
        if (count < 1) {
            return;
        }
        BlockRequest request = new BlockRequest(new From.Number(from), Direction.ASCENDING, (int) count, FIELDS);
        InFlight sent = new InFlight(target, request);
        inFlight = sent;
        PeerId peer = target;
        LOG.debug("Requesting #{}…#{} from {} (its best #{})", from, from + count - 1, peer, targetState.bestNumber);
        requester.request(peer, request).whenCompleteAsync((response, error) -> {
            if (inFlight == sent) {
                inFlight = null;
            }
            if (error != null) {
                LOG.debug("Block request to {} failed: {}", peer, cause(error).getMessage());
                reportFailure(peer, error);
                return;
            }
            onRangeResponse(peer, request, response);
            tick();
        }, networkThread);
    }

    private void onRangeResponse(PeerId peer, BlockRequest request, List<BlockData> response) {
        BlockRanges.Checked checked;
        try {
            checked = BlockRanges.check(request, response);
        } catch (IllegalArgumentException e) {
            reporter.report(peer, Change.MALFORMED_MESSAGE, e.getMessage());
            pause(peer);
            return;
        }
        if (checked.blocks().isEmpty()) {
            pause(peer);
            return;
        }
        Block first = checked.blocks().get(0);
        if (chain.header(first.header().parentHash()).isEmpty()) {
            if (((From.Number) request.from()).number() <= chain.finalized().number() + 1) {
                reporter.report(peer, Change.WRONG_CHAIN, "its chain does not contain our finalized block "
                        + chain.finalized());
                pause(peer);
                return;
            }
            forkStep = forkStep == 0 ? 1 : Math.min(forkStep * 2, 1L << 31);
            LOG.debug("Blocks from {} fork below #{}; searching {} blocks lower", peer, first.header().number(), forkStep);
            return;
        }
        forkStep = 0;
        importAll(peer, checked);
    }

    private void importResponse(PeerId peer, BlockRequest request, List<BlockData> response) {
        BlockRanges.Checked checked;
        try {
            checked = BlockRanges.check(request, response);
        } catch (IllegalArgumentException e) {
            reporter.report(peer, Change.MALFORMED_MESSAGE, e.getMessage());
            return;
        }
        importAll(peer, checked);
    }

    private void importAll(PeerId peer, BlockRanges.Checked checked) {
        List<Block> blocks = checked.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            ImportResult result = chain.importBlock(block);
            if (result instanceof ImportResult.Imported || result instanceof ImportResult.AlreadyKnown) {
                if (result instanceof ImportResult.Imported) {
                    reporter.report(peer, Change.USEFUL_BLOCK, "block #" + block.header().number());
                }
                Optional<byte[]> justification = checked.justifications().get(i);
                if (justification.isPresent()) {
                    verifyJustification(peer, new ChainHead(block.hash(), block.header().number()), justification.get());
                }
                continue;
            }
            ImportResult.Rejected r = (ImportResult.Rejected) result;
            switch (r.reason()) {
                case BAD_SEAL, WRONG_AUTHOR, BAD_NUMBER, MISSING_SLOT, SLOT_NOT_AFTER_PARENT, BAD_EPOCH_DIGEST, INVALID_BODY,
                        ROOT_MISMATCH -> reporter.report(peer, Change.INVALID_BLOCK, r.detail());
                case SLOT_IN_FUTURE -> reporter.report(peer, Change.BAD_SLOT, r.detail());
                case UNKNOWN_PARENT, BELOW_FINALIZED, STATE_UNAVAILABLE ->
                        LOG.debug("Block #{} from {} not imported: {}", block.header().number(), peer, r.detail());
            }
            pause(peer);
            return;
        }
        updateSyncing(chain.best());
    }

    // The gadget checks it against the block's authority set; a false one costs the peer that sent it.
    private void verifyJustification(PeerId peer, ChainHead head, byte[] justification) {
        chain.importJustification(head, justification).whenCompleteAsync((check, error) -> {
            if (error != null) {
                LOG.debug("Justification of {} from {} not checked: {}", head, peer, cause(error).toString());
            } else if (check == ChainAccess.JustificationCheck.INVALID) {
                reporter.report(peer, Change.BAD_FINALITY_MESSAGE, "the justification of " + head + " does not verify");
            }
        }, networkThread);
    }

    private void reportFailure(PeerId peer, Throwable error) {
        Throwable c = cause(error);
        if (c instanceof RequestFailedException f && f.reason() == RequestFailedException.Reason.MALFORMED) {
            reporter.report(peer, Change.MALFORMED_MESSAGE, f.getMessage());
        } else if (c instanceof io.zklayer.primitives.codec.ScaleDecodeException d) {
            reporter.report(peer, Change.MALFORMED_MESSAGE, "block response: " + d.getMessage());
        } else {
            reporter.report(peer, Change.REQUEST_FAILED, c.getMessage());
        }
        pause(peer);
    }

    private void pause(PeerId peer) {
        PeerSync p = peers.get(peer);
        if (p != null) {
            p.cooldownUntil = nowMillis.getAsLong() + COOLDOWN_MILLIS;
        }
    }

    private void updateHighest() {
        long h = 0;
        for (PeerSync p : peers.values()) {
            h = Math.max(h, p.bestNumber);
        }
        highestPeerBlock = h;
    }

    private void updateSyncing(ChainHead best) {
        boolean now = highestPeerBlock >= best.number() + MAJOR_SYNC_DISTANCE;
        if (now && !majorSyncing) {
            startingBlock = best.number();
            LOG.info("Syncing from #{} to #{}", best.number(), highestPeerBlock);
        }
        majorSyncing = now;
    }

    private static Throwable cause(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    /** Returns the best-known head of a peer, if sync knows the peer. */
    public Optional<ChainHead> peerHead(PeerId peer) {
        PeerSync p = peers.get(peer);
        return p == null || p.bestHash == null ? Optional.empty() : Optional.of(new ChainHead(p.bestHash, p.bestNumber));
    }
}
