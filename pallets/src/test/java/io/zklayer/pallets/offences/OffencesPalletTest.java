package io.zklayer.pallets.offences;

import static io.zklayer.pallets.offences.TestEvidence.account;
import static io.zklayer.pallets.offences.TestEvidence.hashOf;
import static io.zklayer.pallets.offences.TestEvidence.sealedHeader;
import static io.zklayer.pallets.offences.TestEvidence.twoBlocks;
import static io.zklayer.pallets.offences.TestEvidence.twoVotes;
import static io.zklayer.pallets.offences.TestEvidence.vote;
import static io.zklayer.runtime.TestChain.UNIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.pallets.session.SessionCall;
import io.zklayer.pallets.session.SessionPallet;
import io.zklayer.pallets.session.SessionParameters;
import io.zklayer.pallets.session.ValidatorPenalty;
import io.zklayer.pallets.session.ValidatorRegistration;
import io.zklayer.pallets.session.ValidatorSuspension;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Header;
import io.zklayer.runtime.ApplyOutcome;
import io.zklayer.runtime.DispatchError;
import io.zklayer.runtime.PalletId;
import io.zklayer.runtime.TestChain;
import io.zklayer.runtime.TransactionValidity;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OffencesPalletTest {
    private static final AccountId32 ALICE = account(DevAccounts.ALICE);
    private static final AccountId32 BOB = account(DevAccounts.BOB);
    private static final AccountId32 CHARLIE = account(DevAccounts.CHARLIE);
    private static final AccountId32 DAVE = account(DevAccounts.DAVE);
    private static final AccountId32 EVE = account(DevAccounts.EVE);
    private static final AccountId32 FERDIE = account(DevAccounts.FERDIE);
    private static final AccountId32 TREASURY = PalletId.TREASURY.account();
    private static final BigInteger BOND = SessionParameters.defaults(UNIT).minValidatorBond();
    private static final OffencesParameters PARAMS = OffencesParameters.defaults();

    private final TestChain chain = chain(5);

    /** Alice and Ferdie are genesis validators; Bob, Charlie and Eve have funds. */
    private static TestChain chain(long epochLength) {
        BigInteger funds = UNIT.multiply(BigInteger.valueOf(10_000));
        return TestChain.builder().balance(DevAccounts.ALICE, funds).balance(DevAccounts.BOB, funds)
                .balance(DevAccounts.CHARLIE, funds).balance(DevAccounts.EVE, funds)
                .validators(DevAccounts.ALICE, DevAccounts.FERDIE).epochLength(epochLength).build();
    }

    /** Bob bonds Dave's key in block 1; block 5 ends epoch 0, so Dave validates in epoch 1 (blocks 6…10). */
    private void daveValidatesFromEpochOne() {
        byte[] proof = DevAccounts.DAVE.keyPair().sign(SessionPallet.keyProofMessage(BOB)).bytes();
        ApplyOutcome.Applied reg = (ApplyOutcome.Applied) chain.block(chain.signed(DevAccounts.BOB,
                chain.call(SessionPallet.INDEX, new SessionCall.RegisterValidator(DAVE, BOND, proof)))).get(0);
        assertThat(reg.error()).isEmpty();
        advanceTo(chain, 5);
        assertThat(validators()).containsExactly(ALICE, FERDIE, DAVE);
    }

    private static void advanceTo(TestChain c, long number) {
        while (c.bestNumber() < number) {
            c.block();
        }
    }

    private byte[] report(DevAccounts reporter, EquivocationEvidence evidence) {
        return chain.signed(reporter, chain.call(OffencesPallet.INDEX, new OffencesCall.ReportEquivocation(evidence)));
    }

    private TransactionValidity validate(byte[] xt) {
        return chain.executive().validate(chain.bestState(), chain.bestHash(), chain.bestNumber(), xt);
    }

    private ApplyOutcome.Applied include(byte[] xt) {
        return (ApplyOutcome.Applied) chain.block(xt).get(0);
    }

    private List<AccountId32> validators() {
        return SessionPallet.VALIDATORS.get(chain.bestState());
    }

    private BigInteger free(AccountId32 who) {
        return chain.accountInfo(who).data().free();
    }

    private BigInteger reserved(AccountId32 who) {
        return chain.accountInfo(who).data().reserved();
    }

    private List<OffencesEvent> offenceEvents() {
        return chain.events(OffencesEvent.CODEC, OffencesPallet.INDEX);
    }

    @Test
    void aRegisteredValidatorSealingTwoBlocksInOneSlotLosesTheSlashShareAndLeavesTheNextSet() {
        daveValidatesFromEpochOne();
        EquivocationEvidence evidence = new EquivocationEvidence.Authorship(twoBlocks(DevAccounts.DAVE, 6, 1234));
        byte[] xt = report(DevAccounts.CHARLIE, evidence);
        TransactionValidity.Valid valid = (TransactionValidity.Valid) validate(xt);
        // reports of one offence conflict in the pool, whoever sends them
        assertThat(valid.provides()).hasSize(2).last().isEqualTo(OffencesPallet.reportTag(evidence));
        assertThat(((TransactionValidity.Valid) validate(report(DevAccounts.EVE, evidence))).provides())
                .last().isEqualTo(OffencesPallet.reportTag(evidence));
        BigInteger charlie = free(CHARLIE);

        ApplyOutcome.Applied out = include(xt); // block 6, epoch 1

        BigInteger slash = PARAMS.slashShare().of(BOND);
        BigInteger reward = PARAMS.reporterShare().of(slash);
        assertThat(slash).isEqualTo(UNIT.multiply(BigInteger.valueOf(100)));
        assertThat(out.error()).isEmpty();
        assertThat(reserved(BOB)).isEqualTo(BOND.subtract(slash));
        assertThat(free(TREASURY)).isEqualTo(slash.subtract(reward));
        assertThat(free(CHARLIE)).isEqualTo(charlie.subtract(out.fee()).add(reward));
        assertThat(offenceEvents()).containsExactly(
                new OffencesEvent.EquivocationReported(OffenceKind.AUTHORSHIP, DAVE, evidence.reportId(), CHARLIE),
                new OffencesEvent.ValidatorSlashed(DAVE, BOB, slash, reward, true),
                new OffencesEvent.ValidatorRemoved(DAVE, ValidatorPenalty.Removal.LEAVES, 2, Optional.empty()));
        ValidatorRegistration reg = SessionPallet.registration(chain.bestState(), BOB).orElseThrow();
        assertThat(reg.bond()).isEqualTo(BOND.subtract(slash));
        assertThat(reg.status()).isEqualTo(ValidatorRegistration.Status.LEAVING);
        assertThat(OffencesPallet.isReported(chain.bestState(), evidence.reportId())).isTrue();

        BigInteger bobBefore = free(BOB);
        advanceTo(chain, 10); // the last block of epoch 1 fixes the set of epoch 2
        assertThat(validators()).containsExactly(ALICE, FERDIE);
        assertThat(reserved(BOB)).isZero();
        assertThat(free(BOB)).isEqualTo(bobBefore.add(BOND.subtract(slash)));
    }

    @Test
    void aRegisteredValidatorSigningTwoConflictingPrecommitsIsSlashedAndAPrevoteEquivocationInThatRoundIsTheSameOffence() {
        daveValidatesFromEpochOne();
        EquivocationEvidence precommits = new EquivocationEvidence.Vote(
                twoVotes(DevAccounts.DAVE, GrandpaVoteKind.PRECOMMIT, 6, 3, 1));
        BigInteger eve = free(EVE);

        ApplyOutcome.Applied out = include(report(DevAccounts.EVE, precommits));

        BigInteger slash = PARAMS.slashShare().of(BOND);
        BigInteger reward = PARAMS.reporterShare().of(slash);
        assertThat(out.error()).isEmpty();
        assertThat(reserved(BOB)).isEqualTo(BOND.subtract(slash));
        assertThat(free(TREASURY)).isEqualTo(slash.subtract(reward));
        assertThat(free(EVE)).isEqualTo(eve.subtract(out.fee()).add(reward));
        assertThat(offenceEvents()).startsWith(
                new OffencesEvent.EquivocationReported(OffenceKind.VOTE, DAVE, precommits.reportId(), EVE));

        EquivocationEvidence prevotes = new EquivocationEvidence.Vote(
                twoVotes(DevAccounts.DAVE, GrandpaVoteKind.PREVOTE, 6, 3, 1));
        assertThat(prevotes.reportId()).isEqualTo(precommits.reportId());
        assertThat(validate(report(DevAccounts.CHARLIE, prevotes)))
                .isEqualTo(new TransactionValidity.Invalid(TransactionValidity.InvalidTransaction.CALL,
                        "Offences.DuplicateReport"));
    }

    @Test
    void aControllerReportingItsOwnValidatorGetsNoReward() {
        daveValidatesFromEpochOne();
        BigInteger bob = free(BOB);

        ApplyOutcome.Applied out = include(report(DevAccounts.BOB,
                new EquivocationEvidence.Authorship(twoBlocks(DevAccounts.DAVE, 6, 77))));

        BigInteger slash = PARAMS.slashShare().of(BOND);
        assertThat(out.error()).isEmpty();
        assertThat(free(TREASURY)).isEqualTo(slash);
        assertThat(free(BOB)).isEqualTo(bob.subtract(out.fee()));
        assertThat(offenceEvents()).contains(new OffencesEvent.ValidatorSlashed(DAVE, BOB, slash, BigInteger.ZERO, true));
    }

    @Test
    void aSecondReportOfTheSameOffenceIsRefusedByThePoolAndInABlockChangesNothingButTheFee() {
        daveValidatesFromEpochOne();
        assertThat(include(report(DevAccounts.CHARLIE,
                new EquivocationEvidence.Authorship(twoBlocks(DevAccounts.DAVE, 6, 1234)))).error()).isEmpty();
        // other headers of the same slot: the same offence
        SlotEquivocationProof again = new SlotEquivocationProof(DAVE, 1234,
                sealedHeader(DevAccounts.DAVE, 6, 1234, "b"), sealedHeader(DevAccounts.DAVE, 7, 1234, "c"));

        assertRefused(DevAccounts.EVE, new EquivocationEvidence.Authorship(again), OffencesError.DUPLICATE_REPORT);
    }

    @Test
    void aGenesisValidatorThatEquivocatesIsLeftOutOfTheNextEpochAndReturnsInTheOneAfter() {
        EquivocationEvidence evidence = new EquivocationEvidence.Vote(
                twoVotes(DevAccounts.FERDIE, GrandpaVoteKind.PRECOMMIT, 1, 1, 0));
        BigInteger charlie = free(CHARLIE);

        ApplyOutcome.Applied out = include(report(DevAccounts.CHARLIE, evidence)); // block 1, epoch 0

        assertThat(out.error()).isEmpty();
        assertThat(free(CHARLIE)).isEqualTo(charlie.subtract(out.fee()));
        assertThat(offenceEvents()).containsExactly(
                new OffencesEvent.EquivocationReported(OffenceKind.VOTE, FERDIE, evidence.reportId(), CHARLIE),
                new OffencesEvent.ValidatorRemoved(FERDIE, ValidatorPenalty.Removal.SUSPENDED, 1, Optional.of(2L)));
        assertThat(SessionPallet.suspensions(chain.bestState())).containsExactly(new ValidatorSuspension(FERDIE, 2));
        assertThat(validators()).containsExactly(ALICE, FERDIE);

        advanceTo(chain, 5);
        assertThat(validators()).containsExactly(ALICE);
        advanceTo(chain, 10);
        assertThat(validators()).containsExactly(ALICE, FERDIE);
        assertThat(SessionPallet.suspensions(chain.bestState())).isEmpty();
    }

    @Test
    void suspensionsNeverEmptyTheSet() {
        include(report(DevAccounts.CHARLIE, new EquivocationEvidence.Vote(
                twoVotes(DevAccounts.FERDIE, GrandpaVoteKind.PREVOTE, 1, 1, 0))));
        include(report(DevAccounts.CHARLIE, new EquivocationEvidence.Authorship(twoBlocks(DevAccounts.ALICE, 1, 9))));
        assertThat(SessionPallet.suspensions(chain.bestState())).hasSize(2);

        advanceTo(chain, 5);

        assertThat(validators()).containsExactly(ALICE, FERDIE);
    }

    @Test
    void junkEvidenceIsRefusedByThePoolAndInABlockChangesNothingButTheFee() {
        daveValidatesFromEpochOne();
        Header a = sealedHeader(DevAccounts.DAVE, 6, 500, "a");
        GrandpaEquivocationProof.SignedTarget v1 = vote(DevAccounts.DAVE, GrandpaVoteKind.PRECOMMIT, hashOf("x"), 6, 3, 1);
        GrandpaEquivocationProof.SignedTarget v2 = vote(DevAccounts.DAVE, GrandpaVoteKind.PRECOMMIT, hashOf("y"), 6, 3, 1);
        Map<String, Case> cases = new java.util.LinkedHashMap<>();
        cases.put("a seal by another key", new Case(new EquivocationEvidence.Authorship(new SlotEquivocationProof(DAVE, 500,
                a, sealedHeader(DevAccounts.EVE, 6, 500, "b"))), OffencesError.INVALID_SIGNATURE));
        cases.put("headers of two slots", new Case(new EquivocationEvidence.Authorship(new SlotEquivocationProof(DAVE, 500,
                a, sealedHeader(DevAccounts.DAVE, 6, 501, "b"))), OffencesError.SLOT_MISMATCH));
        cases.put("one header twice", new Case(new EquivocationEvidence.Authorship(new SlotEquivocationProof(DAVE, 500,
                a, a)), OffencesError.NOT_AN_EQUIVOCATION));
        cases.put("a non-validator's blocks", new Case(new EquivocationEvidence.Authorship(
                twoBlocks(DevAccounts.EVE, 6, 500)), OffencesError.NOT_IN_VALIDATOR_SET));
        cases.put("blocks of a future epoch", new Case(new EquivocationEvidence.Authorship(
                twoBlocks(DevAccounts.DAVE, 50, 500)), OffencesError.UNKNOWN_EPOCH));
        cases.put("the genesis block", new Case(new EquivocationEvidence.Authorship(
                twoBlocks(DevAccounts.DAVE, 0, 500)), OffencesError.UNKNOWN_EPOCH));
        cases.put("one vote twice", new Case(new EquivocationEvidence.Vote(GrandpaEquivocationProof.of(1, 3,
                GrandpaVoteKind.PRECOMMIT, DAVE, v1, v1)), OffencesError.NOT_AN_EQUIVOCATION));
        cases.put("votes of another round", new Case(new EquivocationEvidence.Vote(GrandpaEquivocationProof.of(1, 4,
                GrandpaVoteKind.PRECOMMIT, DAVE, v1, v2)), OffencesError.INVALID_SIGNATURE));
        cases.put("votes of another kind", new Case(new EquivocationEvidence.Vote(GrandpaEquivocationProof.of(1, 3,
                GrandpaVoteKind.PREVOTE, DAVE, v1, v2)), OffencesError.INVALID_SIGNATURE));
        cases.put("votes named for another voter", new Case(new EquivocationEvidence.Vote(GrandpaEquivocationProof.of(1, 3,
                GrandpaVoteKind.PRECOMMIT, FERDIE, v1, v2)), OffencesError.INVALID_SIGNATURE));
        cases.put("votes of a set the voter was not in", new Case(new EquivocationEvidence.Vote(
                twoVotes(DevAccounts.DAVE, GrandpaVoteKind.PRECOMMIT, 1, 1, 0)), OffencesError.NOT_IN_VALIDATOR_SET));
        cases.put("votes of a future set", new Case(new EquivocationEvidence.Vote(
                twoVotes(DevAccounts.DAVE, GrandpaVoteKind.PRECOMMIT, 40, 1, 7)), OffencesError.UNKNOWN_EPOCH));

        cases.forEach((name, c) -> {
            assertThat(chain.bestNumber()).as("epochs 7 and 9 are still in the future").isLessThan(30);
            assertRefused(DevAccounts.CHARLIE, c.evidence(), c.error());
        });
    }

    private record Case(EquivocationEvidence evidence, OffencesError error) {}

    /**
     * Asserts that the pool refuses {@code evidence} with {@code error}, and that including the report anyway fails
     * with that error and changes nothing but the reporter's fee and nonce.
     */
    private void assertRefused(DevAccounts reporter, EquivocationEvidence evidence, OffencesError error) {
        byte[] xt = report(reporter, evidence);
        assertThat(validate(xt)).as(error.rustName()).isEqualTo(new TransactionValidity.Invalid(
                TransactionValidity.InvalidTransaction.CALL, "Offences." + error.rustName()));
        AccountId32 who = account(reporter);
        BigInteger reporterFree = free(who);
        long nonce = chain.nonce(who);
        BigInteger treasury = free(TREASURY);
        BigInteger bobReserved = reserved(BOB);
        Optional<ValidatorRegistration> reg = SessionPallet.registration(chain.bestState(), BOB);
        List<ValidatorSuspension> suspended = SessionPallet.suspensions(chain.bestState());
        boolean reported = OffencesPallet.isReported(chain.bestState(), evidence.reportId());

        ApplyOutcome.Applied out = include(xt);

        assertThat(out.error()).as(error.rustName()).contains(error.error());
        assertThat(((DispatchError.Module) out.error().orElseThrow()).palletIndex()).isEqualTo(OffencesPallet.INDEX);
        assertThat(free(who)).isEqualTo(reporterFree.subtract(out.fee()));
        assertThat(chain.nonce(who)).isEqualTo(nonce + 1);
        assertThat(free(TREASURY)).isEqualTo(treasury);
        assertThat(reserved(BOB)).isEqualTo(bobReserved);
        assertThat(SessionPallet.registration(chain.bestState(), BOB)).isEqualTo(reg);
        assertThat(SessionPallet.suspensions(chain.bestState())).isEqualTo(suspended);
        assertThat(OffencesPallet.isReported(chain.bestState(), evidence.reportId())).isEqualTo(reported);
        assertThat(offenceEvents()).isEmpty();
    }

    @Test
    void evidenceOlderThanTheHistoryIsRefusedAndItsReportIsForgotten() {
        TestChain c = chain(1); // every block ends an epoch: block n is in epoch n - 1
        int depth = PARAMS.historyDepth();
        EquivocationEvidence first = new EquivocationEvidence.Vote(
                twoVotes(DevAccounts.FERDIE, GrandpaVoteKind.PRECOMMIT, 1, 1, 0));
        ApplyOutcome.Applied out = (ApplyOutcome.Applied) c.block(c.signed(DevAccounts.CHARLIE,
                c.call(OffencesPallet.INDEX, new OffencesCall.ReportEquivocation(first)))).get(0); // block 1, epoch 0
        assertThat(out.error()).isEmpty();
        assertThat(OffencesStorage.REPORTS.get(c.bestState(), first.reportId())).isZero();

        advanceTo(c, depth); // current epoch = depth: epochs 0…depth - 1 are the history
        assertThat(OffencesPallet.validatorSet(c.bestState(), 0)).contains(List.of(ALICE, FERDIE));
        assertThat(OffencesPallet.isReported(c.bestState(), first.reportId())).isTrue();

        advanceTo(c, depth + 1); // epoch 0 falls out of the history
        assertThat(OffencesPallet.validatorSet(c.bestState(), 0)).isEmpty();
        assertThat(OffencesPallet.validatorSet(c.bestState(), 1)).isPresent();
        assertThat(OffencesPallet.isReported(c.bestState(), first.reportId())).isFalse();
        assertThat(OffencesStorage.REPORTS_IN_EPOCH.get(c.bestState(), 0L)).isEmpty();
        byte[] old = c.signed(DevAccounts.CHARLIE, c.call(OffencesPallet.INDEX, new OffencesCall.ReportEquivocation(
                new EquivocationEvidence.Vote(twoVotes(DevAccounts.ALICE, GrandpaVoteKind.PREVOTE, 1, 2, 0)))));
        byte[] kept = c.signed(DevAccounts.CHARLIE, c.call(OffencesPallet.INDEX, new OffencesCall.ReportEquivocation(
                new EquivocationEvidence.Vote(twoVotes(DevAccounts.ALICE, GrandpaVoteKind.PREVOTE, 2, 2, 1)))));
        assertThat(c.executive().validate(c.bestState(), c.bestHash(), c.bestNumber(), old)).isEqualTo(
                new TransactionValidity.Invalid(TransactionValidity.InvalidTransaction.CALL, "Offences.UnknownEpoch"));
        assertThat(c.executive().validate(c.bestState(), c.bestHash(), c.bestNumber(), kept))
                .isInstanceOf(TransactionValidity.Valid.class);
    }
}
