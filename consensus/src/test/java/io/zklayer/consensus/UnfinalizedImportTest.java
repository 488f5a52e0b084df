package io.zklayer.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.consensus.epoch.AuthorOrder;
import io.zklayer.consensus.epoch.EpochData;
import io.zklayer.pallets.session.SessionCall;
import io.zklayer.pallets.session.SessionPallet;
import io.zklayer.pallets.session.SessionParameters;
import io.zklayer.pallets.system.SystemStorage;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.crypto.Ed25519Signature;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.Call;
import io.zklayer.primitives.types.ExtrinsicSigner;
import io.zklayer.primitives.types.Header;
import io.zklayer.runtime.RuntimeGenesisConfig;
import io.zklayer.runtime.RuntimeParameters;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A node importing a chain that nothing finalizes (sync without justifications) follows the
 * validator set from each unfinalized parent's state across epochs, keeps the forks it is sent,
 * checks descent from the finalized block once finality moves (also after a restart, when the
 * ancestry is loaded from the stored headers), and still rejects a block by the wrong author.
 */
class UnfinalizedImportTest {
    private static final long EPOCH = 5;
    private static final BigInteger UNIT = RuntimeParameters.UNIT;

    private final ChainFixture fx = new ChainFixture(EPOCH, DevAccounts.ALICE, DevAccounts.BOB);
    private final RuntimeGenesisConfig genesis = new RuntimeGenesisConfig(Map.of(
            ChainFixture.account(DevAccounts.ALICE), UNIT.multiply(BigInteger.valueOf(10_000)),
            ChainFixture.account(DevAccounts.CHARLIE), UNIT.multiply(BigInteger.valueOf(10_000))),
            Optional.of(ChainFixture.account(DevAccounts.ALICE)), fx.validators).withEpochLength(EPOCH);
    private final List<DevAccounts> keys = List.of(DevAccounts.ALICE, DevAccounts.BOB, DevAccounts.DAVE);

    private MemoryChainBackend backend() {
        return new MemoryChainBackend(ChainFixture.RUNTIME, genesis, ChainFixture.EXECUTIVE.layout());
    }

    private final MemoryChainBackend source = backend();
    private final BlockImporter sourceImporter = fx.importer(source, OffenceReporter.LOGGING);
    private long slot = fx.clock.currentSlot();

    /** Authors the next block on the source's best block in the next slot that one of the keys owns. */
    private Block nextBlock(byte[]... txs) {
        for (int tries = 0; tries < 64; tries++) {
            slot++;
            fx.now.set(fx.clock.slotStartMillis(slot));
            for (DevAccounts key : keys) {
                BlockAuthor author = new BlockAuthor(source, ChainFixture.EXECUTIVE, sourceImporter, fx.clock, key.keyPair());
                if (author.author(slot, () -> List.of(txs), Long.MAX_VALUE) instanceof BlockAuthor.Outcome.Authored done) {
                    assertThat(done.skipped()).isEmpty();
                    return done.block();
                }
            }
        }
        throw new AssertionError("no key owns a slot");
    }

    /** Builds (and stores in the source) a block on {@code parent} by its slot author, in a slot after every earlier one. */
    private Block forkBlock(Header parent) {
        EpochData epoch = fx.epochAfter(source, parent);
        slot++;
        AccountId32 author = AuthorOrder.authorOf(slot, epoch);
        DevAccounts who = keys.stream().filter(k -> ChainFixture.account(k).equals(author)).findFirst().orElseThrow();
        fx.now.set(fx.clock.slotStartMillis(slot));
        Block block = fx.build(source, parent, slot, who);
        assertThat(sourceImporter.importBlock(block)).isInstanceOf(ImportResult.Imported.class);
        return block;
    }

    private static boolean sealedBy(Block block, DevAccounts who) {
        byte[] seal = SlotDigests.sealOf(block.header()).orElseThrow();
        return who.publicKey().verify(SlotDigests.withoutSeal(block.header()).hash().bytes(), Ed25519Signature.of(seal));
    }

    private byte[] registerDaveAsCharliesKey() {
        AccountId32 charlie = ChainFixture.account(DevAccounts.CHARLIE);
        AccountId32 dave = ChainFixture.account(DevAccounts.DAVE);
        byte[] proof = DevAccounts.DAVE.keyPair().sign(SessionPallet.keyProofMessage(charlie)).bytes();
        BigInteger bond = SessionParameters.defaults(UNIT).minValidatorBond();
        byte[] registration = SessionCall.CODEC.encode(new SessionCall.RegisterValidator(dave, bond, proof));
        Call call = new Call(SessionPallet.INDEX, registration[0], Arrays.copyOfRange(registration, 1, registration.length));
        long nonce = SystemStorage.ACCOUNT.get(source.stateAt(source.best().hash()), charlie).nonce();
        return new ExtrinsicSigner(ChainFixture.RUNTIME.version().specVersion(),
                ChainFixture.RUNTIME.version().transactionVersion(), source.genesis().hash())
                .sign(DevAccounts.CHARLIE.keyPair(), call, nonce, BigInteger.ZERO).encode();
    }

    @Test
    void followsSetChangesAcrossUnfinalizedEpochsAndChecksDescentOnceFinalityMoves() {
        List<Block> main = new ArrayList<>();
        main.add(nextBlock(registerDaveAsCharliesKey()));
        while (main.size() < 16) {
            main.add(nextBlock());
        }
        // A fork from #7: #8', #9', #10'.
        Block f8 = forkBlock(main.get(6).header());
        Block f9 = forkBlock(f8.header());
        Block f10 = forkBlock(f9.header());

        MemoryChainBackend target = backend();
        BlockImporter importer = fx.importer(target, OffenceReporter.LOGGING);
        for (Block b : main.subList(0, 12)) {
            assertThat(importer.importBlock(b)).as("main #%d", b.header().number()).isInstanceOf(ImportResult.Imported.class);
        }
        assertThat(importer.importBlock(f8)).isInstanceOf(ImportResult.Imported.class);
        assertThat(importer.importBlock(f9)).isInstanceOf(ImportResult.Imported.class);
        assertThat(target.finalized()).as("nothing finalized yet").isEqualTo(target.genesis());
        assertThat(SessionPallet.VALIDATORS.get(target.stateAt(main.get(11).hash())))
                .contains(ChainFixture.account(DevAccounts.DAVE)).hasSize(3);
        assertThat(main.subList(5, 12)).as("Dave, in the set from epoch 1, authored unfinalized blocks")
                .anyMatch(b -> sealedBy(b, DevAccounts.DAVE));

        // In epoch 2, on an unfinalized parent: a validator sealing another's slot is the wrong author.
        Header parent = main.get(11).header();
        EpochData epoch2 = fx.epochAfter(target, parent);
        assertThat(epoch2.epoch()).isEqualTo(2);
        long s = slot + 1;
        AccountId32 owner = AuthorOrder.authorOf(s, epoch2);
        DevAccounts impostor = keys.stream().filter(k -> !ChainFixture.account(k).equals(owner)).findFirst().orElseThrow();
        fx.now.set(fx.clock.slotStartMillis(s));
        ImportResult wrong = importer.importBlock(fx.build(source, parent, s, impostor));
        assertThat(wrong).isInstanceOf(ImportResult.Rejected.class);
        assertThat(((ImportResult.Rejected) wrong).reason()).isEqualTo(ImportResult.Reason.WRONG_AUTHOR);

        // Restart: fresh header rules and fork choice load the ancestry from the stored headers.
        BlockImporter restarted = fx.importer(target, OffenceReporter.LOGGING);
        assertThat(restarted.finalizeBlock(new ChainHead(main.get(7).hash(), 8), null)).isTrue();
        for (Block b : main.subList(12, 16)) {
            assertThat(restarted.importBlock(b)).as("main #%d", b.header().number()).isInstanceOf(ImportResult.Imported.class);
        }
        assertThat(target.best()).isEqualTo(new ChainHead(main.get(15).hash(), 16));
        ImportResult abandoned = restarted.importBlock(f10);
        assertThat(abandoned).isInstanceOf(ImportResult.Rejected.class);
        assertThat(((ImportResult.Rejected) abandoned).reason()).isEqualTo(ImportResult.Reason.BELOW_FINALIZED);
        assertThat(((ImportResult.Rejected) abandoned).detail()).contains("does not contain the finalized block");
    }
}
