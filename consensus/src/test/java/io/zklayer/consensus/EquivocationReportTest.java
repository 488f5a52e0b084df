package io.zklayer.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.consensus.epoch.StateEpochSource;
import io.zklayer.consensus.finality.SignedVote;
import io.zklayer.consensus.finality.VoteEquivocation;
import io.zklayer.consensus.finality.VoteKind;
import io.zklayer.pallets.offences.EquivocationEvidence;
import io.zklayer.pallets.offences.OffencesEvent;
import io.zklayer.pallets.offences.OffencesPallet;
import io.zklayer.pallets.session.SessionCall;
import io.zklayer.pallets.session.SessionPallet;
import io.zklayer.pallets.session.SessionParameters;
import io.zklayer.pallets.session.ValidatorPenalty;
import io.zklayer.pallets.session.ValidatorRegistration;
import io.zklayer.pallets.system.SystemStorage;
import io.zklayer.primitives.codec.ScaleWriter;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.trie.TrieState;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.Call;
import io.zklayer.primitives.types.EventRecord;
import io.zklayer.primitives.types.ExtrinsicSigner;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import io.zklayer.runtime.PalletId;
import io.zklayer.runtime.RuntimeGenesisConfig;
import io.zklayer.runtime.RuntimeParameters;
import io.zklayer.runtime.TransactionValidity;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Evidence consensus produces is what the runtime punishes: a registered validator that seals two
 * blocks in one slot is caught by the import pipeline, the evidence's bytes become an
 * {@code Offences.report_equivocation} extrinsic that a later block includes, and the validator loses
 * part of its bond and its place in the next set; a genesis validator's two prevotes (made with the
 * finality gadget's own vote type) keep it out of the next epoch.
 */
class EquivocationReportTest {
    private static final BigInteger UNIT = RuntimeParameters.UNIT;
    private static final BigInteger BOND = SessionParameters.defaults(UNIT).minValidatorBond();
    private static final long EPOCH = 4;

    private final ChainFixture fx = new ChainFixture(EPOCH, DevAccounts.ALICE, DevAccounts.BOB);
    private final RuntimeGenesisConfig genesis = new RuntimeGenesisConfig(Map.of(
            ChainFixture.account(DevAccounts.ALICE), UNIT.multiply(BigInteger.valueOf(10_000)),
            ChainFixture.account(DevAccounts.CHARLIE), UNIT.multiply(BigInteger.valueOf(10_000)),
            ChainFixture.account(DevAccounts.EVE), UNIT.multiply(BigInteger.valueOf(10_000))),
            Optional.of(ChainFixture.account(DevAccounts.ALICE)), fx.validators).withEpochLength(EPOCH);
    private final MemoryChainBackend backend = new MemoryChainBackend(ChainFixture.RUNTIME, genesis,
            ChainFixture.EXECUTIVE.layout());
    private final List<AuthorshipEquivocation> caught = new ArrayList<>();
    private final BlockImporter importer = new BlockImporter(backend, ChainFixture.EXECUTIVE,
            new HeaderVerifier(backend, new StateEpochSource(backend), fx.clock, 1), new ForkChoice(backend),
            new OffenceReporter() {
                @Override
                public void authorshipEquivocation(AuthorshipEquivocation evidence) {
                    caught.add(evidence);
                }

                @Override
                public void voteEquivocation(VoteEquivocation evidence) {
                    throw new AssertionError("no vote equivocation at import: " + evidence);
                }
            }, false);
    private final List<BlockAuthor> authors = List.of(
            new BlockAuthor(backend, ChainFixture.EXECUTIVE, importer, fx.clock, DevAccounts.ALICE.keyPair()),
            new BlockAuthor(backend, ChainFixture.EXECUTIVE, importer, fx.clock, DevAccounts.BOB.keyPair()),
            new BlockAuthor(backend, ChainFixture.EXECUTIVE, importer, fx.clock, DevAccounts.DAVE.keyPair()));
    private final ExtrinsicSigner signer = new ExtrinsicSigner(ChainFixture.RUNTIME.version().specVersion(),
            ChainFixture.RUNTIME.version().transactionVersion(), backend.genesis().hash());

    private long slot = fx.clock.currentSlot();

    /** Moves the clock to the next slot and lets whichever validator's slot it is author a block with {@code txs}. */
    private Block nextBlock(byte[]... txs) {
        for (int tries = 0; tries < 64; tries++) {
            slot++;
            fx.now.set(fx.clock.slotStartMillis(slot));
            for (BlockAuthor a : authors) {
                if (a.author(slot, () -> List.of(txs), Long.MAX_VALUE) instanceof BlockAuthor.Outcome.Authored done) {
                    assertThat(done.skipped()).isEmpty();
                    return done.block();
                }
            }
        }
        throw new AssertionError("no author found a slot");
    }

    private TrieState best() {
        return backend.stateAt(backend.best().hash());
    }

    private byte[] signed(DevAccounts who, Call call) {
        long nonce = SystemStorage.ACCOUNT.get(best(), ChainFixture.account(who)).nonce();
        return signer.sign(who.keyPair(), call, nonce, BigInteger.ZERO).encode();
    }

    private TransactionValidity validate(byte[] xt) {
        ChainHead head = backend.best();
        return ChainFixture.EXECUTIVE.validate(best(), head.hash(), head.number(), xt);
    }

    private List<OffencesEvent> offenceEvents() {
        byte[] raw = best().get(SystemStorage.EVENTS_KEY).orElse(new byte[] {0});
        List<OffencesEvent> out = new ArrayList<>();
        for (EventRecord r : EventRecord.listCodec(ChainFixture.RUNTIME.eventLayout()).decode(raw)) {
            if (r.event().palletIndex() == OffencesPallet.INDEX) {
                byte[] fields = r.event().fields();
                out.add(OffencesEvent.CODEC.decode(new ScaleWriter().u8(r.event().eventIndex()).raw(fields).toByteArray()));
            }
        }
        return out;
    }

    private BigInteger reserved(AccountId32 who) {
        return SystemStorage.ACCOUNT.get(best(), who).data().reserved();
    }

    @Test
    void anAuthorSealingTwoBlocksInOneSlotIsCaughtAtImportReportedInABlockAndSlashed() {
        AccountId32 charlie = ChainFixture.account(DevAccounts.CHARLIE);
        AccountId32 dave = ChainFixture.account(DevAccounts.DAVE);
        byte[] proof = DevAccounts.DAVE.keyPair().sign(SessionPallet.keyProofMessage(charlie)).bytes();
        byte[] registration = SessionCall.CODEC.encode(new SessionCall.RegisterValidator(dave, BOND, proof));
        Call register = new Call(SessionPallet.INDEX, registration[0],
                java.util.Arrays.copyOfRange(registration, 1, registration.length));
        nextBlock(signed(DevAccounts.CHARLIE, register));
        while (backend.best().number() < EPOCH + 1) { // past the first block of epoch 1, which announces the set
            nextBlock();
        }
        assertThat(SessionPallet.VALIDATORS.get(best())).contains(dave);

        // Dave seals two different blocks in one of its slots of epoch 1, on the same parent.
        Header parent = backend.header(backend.best().hash()).orElseThrow();
        long daveSlot = fx.slotOf(DevAccounts.DAVE, slot + 1, fx.epochAfter(backend, parent));
        slot = daveSlot;
        fx.now.set(fx.clock.slotStartMillis(daveSlot));
        Block one = fx.build(backend, parent, daveSlot, DevAccounts.DAVE.keyPair(), 0);
        Block two = fx.build(backend, parent, daveSlot, DevAccounts.DAVE.keyPair(), 1);
        assertThat(importer.importBlock(one)).isInstanceOf(ImportResult.Imported.class);
        assertThat(importer.importBlock(two)).isInstanceOf(ImportResult.Imported.class);
        assertThat(caught).hasSize(1);
        AuthorshipEquivocation evidence = caught.get(0);

        // Eve reports the bytes consensus produced; the runtime decodes and checks them.
        EquivocationEvidence decoded = EquivocationEvidence.CODEC.decode(
                new ScaleWriter().u8(0).raw(evidence.encode()).toByteArray());
        assertThat(decoded).isEqualTo(new EquivocationEvidence.Authorship(evidence.toProof()));
        byte[] report = signed(DevAccounts.EVE, OffencesPallet.reportCall(decoded));
        assertThat(validate(report)).isInstanceOf(TransactionValidity.Valid.class);
        Block included = nextBlock(report);

        assertThat(included.extrinsics()).hasSize(2);
        BigInteger slash = ChainFixture.RUNTIME.pallet(OffencesPallet.class).parameters().slashShare().of(BOND);
        assertThat(reserved(charlie)).isEqualTo(BOND.subtract(slash));
        assertThat(SessionPallet.registration(best(), charlie).orElseThrow().status())
                .isEqualTo(ValidatorRegistration.Status.LEAVING);
        assertThat(SystemStorage.ACCOUNT.get(best(), PalletId.TREASURY.account()).data().free()).isPositive();
        assertThat(offenceEvents()).contains(new OffencesEvent.ValidatorRemoved(dave, ValidatorPenalty.Removal.LEAVES,
                2, Optional.empty()));
        assertThat(validate(signed(DevAccounts.EVE, OffencesPallet.reportCall(decoded))))
                .isEqualTo(new TransactionValidity.Invalid(TransactionValidity.InvalidTransaction.CALL,
                        "Offences.DuplicateReport"));

        while (backend.best().number() < 2 * EPOCH) {
            nextBlock();
        }
        assertThat(SessionPallet.VALIDATORS.get(best())).doesNotContain(dave).hasSize(2);
    }

    @Test
    void aVoterSigningTwoPrevotesInOneRoundIsReportedWithTheGadgetsEvidenceAndSuspended() {
        AccountId32 bob = ChainFixture.account(DevAccounts.BOB);
        Block b1 = nextBlock();
        ChainHead a = new ChainHead(b1.hash(), 1);
        ChainHead other = new ChainHead(H256.blake2b256Of(new byte[] {7}), 1);
        VoteEquivocation evidence = new VoteEquivocation(0, 1, VoteKind.PREVOTE, bob,
                SignedVote.sign(DevAccounts.BOB.keyPair(), VoteKind.PREVOTE, a, 1, 0),
                SignedVote.sign(DevAccounts.BOB.keyPair(), VoteKind.PREVOTE, other, 1, 0));

        EquivocationEvidence decoded = EquivocationEvidence.CODEC.decode(
                new ScaleWriter().u8(1).raw(evidence.encode()).toByteArray());
        byte[] report = signed(DevAccounts.EVE, OffencesPallet.reportCall(decoded));
        assertThat(validate(report)).isInstanceOf(TransactionValidity.Valid.class);
        nextBlock(report);

        assertThat(offenceEvents()).contains(new OffencesEvent.ValidatorRemoved(bob, ValidatorPenalty.Removal.SUSPENDED,
                1, Optional.of(2L)));
        while (backend.best().number() < EPOCH) {
            nextBlock();
        }
        assertThat(SessionPallet.VALIDATORS.get(best())).containsExactly(ChainFixture.account(DevAccounts.ALICE));
    }
}
