package io.zklayer.consensus.finality;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.consensus.BlockAuthor;
import io.zklayer.consensus.BlockImporter;
import io.zklayer.consensus.ChainFixture;
import io.zklayer.consensus.ChainHead;
import io.zklayer.consensus.ImportResult;
import io.zklayer.consensus.MemoryChainBackend;
import io.zklayer.consensus.OffenceReporter;
import io.zklayer.consensus.epoch.EpochSource;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The gadget wired as the node wires it — {@link BackendFinalityChain} over a backend, the import
 * pipeline and the epoch source — on four validators that author, execute and import real blocks,
 * with epochs of 5 blocks so the authority set changes every 5 blocks.
 */
class FinalityOnRealBlocksTest {
    private static final DevAccounts[] VALIDATORS = {DevAccounts.ALICE, DevAccounts.BOB, DevAccounts.CHARLIE, DevAccounts.DAVE};

    private final ChainFixture fx = new ChainFixture(5, VALIDATORS);
    private final SimScheduler scheduler = new SimScheduler();
    private final SimNetwork network = new SimNetwork(scheduler, new Random(11), 10, 300, VALIDATORS.length + 1);
    private final long t0 = fx.now.get();
    private final List<Node> nodes = new ArrayList<>();

    private final class Node {
        final MemoryChainBackend backend = fx.backend();
        final BlockImporter importer = fx.importer(backend, OffenceReporter.LOGGING);
        final BlockAuthor author;
        final BackendFinalityChain chain;
        final GrandpaVoter voter;
        final List<ChainHead> notified = new ArrayList<>();
        final java.util.Map<H256, Block> blocks = new java.util.HashMap<>();

        Node(int i) {
            boolean validator = i < VALIDATORS.length;
            author = validator ? new BlockAuthor(backend, ChainFixture.EXECUTIVE, importer, fx.clock, VALIDATORS[i].keyPair()) : null;
            EpochSource epochs = importer.verifier().epochs();
            chain = new BackendFinalityChain(backend, importer, epochs);
            chain.addListener((block, j) -> notified.add(block));
            voter = new GrandpaVoter(chain, network.endpoints.get(i), scheduler.new Loop(), validator ? VALIDATORS[i].keyPair() : null,
                    new FinalityConfig(300, 1200, 1200, 1024), OffenceReporter.LOGGING, VoterStateStore.inMemory());
        }

        void receive(Block block, int attempts) {
            fx.now.set(t0 + scheduler.now());
            ImportResult r = importer.importBlock(block);
            if (r instanceof ImportResult.Imported) {
                blocks.put(block.hash(), block);
                voter.blockImported(block.header());
            } else if (r instanceof ImportResult.Rejected rej && rej.reason() == ImportResult.Reason.UNKNOWN_PARENT && attempts > 0) {
                scheduler.at(200, () -> receive(block, attempts - 1));
            }
        }
    }

    private void slot() {
        fx.now.set(t0 + scheduler.now());
        long slot = fx.clock.currentSlot();
        for (Node n : nodes) {
            if (n.author != null && n.author.author(slot, List::of, Long.MAX_VALUE) instanceof BlockAuthor.Outcome.Authored a) {
                n.blocks.put(a.block().hash(), a.block());
                n.voter.blockImported(a.block().header());
                for (Node other : nodes) {
                    if (other != n && other.author != null) {
                        scheduler.at(network.delay(), () -> other.receive(a.block(), 20));
                    }
                }
            }
        }
        scheduler.at(ChainFixture.SLOT_MILLIS, this::slot);
    }

    @Test
    void fourValidatorsFinalizeTheirBlocksAcrossEpochsWithVerifiableStoredJustifications() {
        for (int i = 0; i < VALIDATORS.length; i++) {
            nodes.add(new Node(i));
        }
        nodes.forEach(n -> n.voter.start());
        scheduler.at(ChainFixture.SLOT_MILLIS - (t0 % ChainFixture.SLOT_MILLIS), this::slot);
        scheduler.runFor(26 * ChainFixture.SLOT_MILLIS);

        long finalized = nodes.stream().mapToLong(n -> n.backend.finalized().number()).min().orElseThrow();
        assertThat(finalized).as("finality keeps up with the chain across set changes").isGreaterThanOrEqualTo(18);
        Node first = nodes.get(0);
        for (Node n : nodes) {
            ChainHead head = n.backend.finalized();
            for (long h = 1; h <= finalized; h++) {
                assertThat(n.importer.forkChoice().ancestorAt(head, h))
                        .isEqualTo(first.importer.forkChoice().ancestorAt(first.backend.finalized(), h));
            }
            assertThat(n.notified).isNotEmpty();
            assertThat(n.voter.status().setId()).isEqualTo(n.backend.finalized().number() / 5);
        }
        // every set's last block carries a justification by that set, which a syncing node can check
        for (long set = 0; (set + 1) * 5 <= finalized; set++) {
            ChainHead last = first.importer.forkChoice().ancestorAt(first.backend.finalized(), (set + 1) * 5).orElseThrow();
            byte[] stored = first.backend.justification(last.hash()).orElseThrow();
            GrandpaJustification j = GrandpaJustification.CODEC.decode(stored);
            ChainHead setBase = first.importer.forkChoice().ancestorAt(last, set * 5).orElseThrow();
            AuthoritySet authorities = first.chain.authoritySet(set, setBase);
            assertThat(JustificationVerifier.verify(j, authorities, Optional.of(last)))
                    .isInstanceOf(JustificationVerifier.Result.Valid.class);
        }
        Header lastHeader = first.backend.header(first.backend.finalized().hash()).orElseThrow();
        assertThat(lastHeader.number()).isEqualTo(first.backend.finalized().number());
        H256 best = first.backend.best().hash();
        assertThat(first.importer.forkChoice().isAncestorOrSelf(first.backend.finalized(),
                new ChainHead(best, first.backend.best().number()))).isTrue();
    }

    @Test
    void aFreshNodeSyncsFromGenesisVerifyingEveryJustificationAcrossSetChanges() {
        for (int i = 0; i < VALIDATORS.length; i++) {
            nodes.add(new Node(i));
        }
        nodes.forEach(n -> n.voter.start());
        scheduler.at(ChainFixture.SLOT_MILLIS - (t0 % ChainFixture.SLOT_MILLIS), this::slot);
        scheduler.runFor(20 * ChainFixture.SLOT_MILLIS);
        Node source = nodes.get(0);
        ChainHead head = source.backend.finalized();
        assertThat(head.number()).isGreaterThan(10);

        network.endpoints.get(VALIDATORS.length).online = false;
        Node fresh = new Node(VALIDATORS.length);
        fresh.voter.start();
        scheduler.runFor(10);
        List<GrandpaVoter.JustificationImport> results = new ArrayList<>();
        byte[] setZeroEnd = null;
        for (long h = 1; h <= head.number(); h++) {
            ChainHead at = source.importer.forkChoice().ancestorAt(head, h).orElseThrow();
            Block full = source.blocks.get(at.hash());
            assertThat(fresh.importer.importBlock(full)).isInstanceOf(ImportResult.Imported.class);
            Optional<byte[]> justification = source.backend.justification(at.hash());
            if (justification.isPresent()) {
                if (h == 5) {
                    // set 0's justification of #5, altered to claim another round, no longer verifies
                    GrandpaJustification j = GrandpaJustification.CODEC.decode(justification.get());
                    byte[] altered = new GrandpaJustification(j.round() + 1, j.commit(), j.votesAncestries()).encode();
                    var refused = fresh.voter.importJustification(at, altered);
                    scheduler.runFor(10);
                    assertThat(refused.join()).isInstanceOf(GrandpaVoter.JustificationImport.Invalid.class);
                    setZeroEnd = justification.get();
                }
                if (h == 10) {
                    // set 0's justification of #5 does not finalize #10
                    var refused = fresh.voter.importJustification(at, setZeroEnd);
                    scheduler.runFor(10);
                    assertThat(refused.join()).isInstanceOf(GrandpaVoter.JustificationImport.Invalid.class);
                }
                var imported = fresh.voter.importJustification(at, justification.get());
                scheduler.runFor(10);
                results.add(imported.join());
            }
        }
        assertThat(results).allMatch(r -> r instanceof GrandpaVoter.JustificationImport.Finalized
                || r instanceof GrandpaVoter.JustificationImport.AlreadyFinal);
        long lastSetEnd = (head.number() / 5) * 5;
        assertThat(fresh.backend.finalized().number()).isGreaterThanOrEqualTo(lastSetEnd);
        assertThat(fresh.voter.status().setId()).isEqualTo(fresh.backend.finalized().number() / 5);
    }
}
