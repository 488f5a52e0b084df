package io.zklayer.node.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.consensus.ChainHead;
import io.zklayer.consensus.MemoryChainBackend;
import io.zklayer.consensus.finality.SignedVote;
import io.zklayer.consensus.finality.VoteEquivocation;
import io.zklayer.consensus.finality.VoteKind;
import io.zklayer.node.txpool.SubmitOutcome;
import io.zklayer.node.txpool.Tag;
import io.zklayer.node.txpool.TransactionPool;
import io.zklayer.node.txpool.TransactionValidity;
import io.zklayer.pallets.offences.EquivocationEvidence;
import io.zklayer.pallets.offences.OffencesCall;
import io.zklayer.pallets.offences.OffencesPallet;
import io.zklayer.pallets.session.SessionPallet;
import io.zklayer.pallets.timestamp.TimestampCall;
import io.zklayer.pallets.timestamp.TimestampPallet;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Call;
import io.zklayer.primitives.types.Digest;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.MultiAddress;
import io.zklayer.primitives.types.UncheckedExtrinsic;
import io.zklayer.runtime.ApplyOutcome;
import io.zklayer.runtime.BlockExecution;
import io.zklayer.runtime.Executive;
import io.zklayer.runtime.Runtime;
import io.zklayer.runtime.RuntimeGenesisConfig;
import io.zklayer.runtime.RuntimeParameters;
import io.zklayer.runtime.ZklayerRuntime;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The node's reporter turns consensus evidence into signed {@code Offences.report_equivocation}
 * extrinsics in the pool (one nonce after another), which a block then applies and which punish the
 * offender; evidence the runtime refuses stays out of the pool without troubling consensus.
 */
class ChainOffenceReporterTest {
    private static final Runtime RUNTIME = ZklayerRuntime.create(RuntimeParameters.defaults());
    private static final Executive EXECUTIVE = new Executive(RUNTIME, RuntimeParameters.defaults().limits());
    private static final AccountId32 ALICE = account(DevAccounts.ALICE);
    private static final AccountId32 BOB = account(DevAccounts.BOB);
    private static final AccountId32 CHARLIE = account(DevAccounts.CHARLIE);

    private final MemoryChainBackend backend = new MemoryChainBackend(RUNTIME, new RuntimeGenesisConfig(
            Map.of(CHARLIE, RuntimeParameters.UNIT.multiply(BigInteger.valueOf(100))), Optional.empty(),
            List.of(ALICE, BOB, CHARLIE)), EXECUTIVE.layout());
    private final TransactionPool pool = new TransactionPool(TransactionPool.Config.defaults(), System::nanoTime);
    private final ChainOffenceReporter reporter = new ChainOffenceReporter(backend, RUNTIME.version(), pool,
            this::validate, DevAccounts.CHARLIE.keyPair());

    private static AccountId32 account(DevAccounts d) {
        return AccountId32.of(d.keyPair().publicKey().bytes());
    }

    /** The node's validation: the runtime's answer on the best state, in the pool's terms. */
    private TransactionValidity validate(byte[] xt) {
        ChainHead best = backend.best();
        io.zklayer.runtime.TransactionValidity v = EXECUTIVE.validate(backend.stateAt(best.hash()), best.hash(),
                best.number(), xt);
        if (v instanceof io.zklayer.runtime.TransactionValidity.Valid ok) {
            return new TransactionValidity.Valid(ok.priority(), ok.requires().stream().map(Tag::new).toList(),
                    ok.provides().stream().map(Tag::new).toList(), ok.longevity(), ok.propagate());
        }
        return new TransactionValidity.Invalid(v.toString());
    }

    private static VoteEquivocation twoPrevotes(DevAccounts voter, long round, String fork) {
        ChainHead a = new ChainHead(H256.blake2b256Of(("a" + fork).getBytes()), 1);
        ChainHead b = new ChainHead(H256.blake2b256Of(("b" + fork).getBytes()), 1);
        return new VoteEquivocation(0, round, VoteKind.PREVOTE, account(voter),
                SignedVote.sign(voter.keyPair(), VoteKind.PREVOTE, a, round, 0),
                SignedVote.sign(voter.keyPair(), VoteKind.PREVOTE, b, round, 0));
    }

    @Test
    void evidenceBecomesSignedReportsWithConsecutiveNoncesThatABlockAppliesAndPunishes() {
        VoteEquivocation bobs = twoPrevotes(DevAccounts.BOB, 1, "x");
        VoteEquivocation alices = twoPrevotes(DevAccounts.ALICE, 2, "y");

        reporter.voteEquivocation(bobs);
        reporter.voteEquivocation(alices);

        List<byte[]> ready = pool.readyInOrder();
        assertThat(ready).hasSize(2);
        for (int i = 0; i < 2; i++) {
            UncheckedExtrinsic xt = UncheckedExtrinsic.CODEC.decode(ready.get(i));
            assertThat(xt.signature().orElseThrow().signer()).isEqualTo(new MultiAddress.Id(CHARLIE));
            assertThat(xt.signature().orElseThrow().extra().nonce()).isEqualTo(i);
            assertThat(RUNTIME.decodeCall(xt.call()).call()).isEqualTo(new OffencesCall.ReportEquivocation(
                    new EquivocationEvidence.Vote((i == 0 ? bobs : alices).toProof())));
        }

        BlockExecution block = EXECUTIVE.begin(backend.stateAt(backend.best().hash()), backend.best().hash(), 1,
                Digest.EMPTY);
        Call timestamp = RUNTIME.encode(new io.zklayer.runtime.RuntimeCall(RUNTIME.pallet(TimestampPallet.class),
                RUNTIME.pallet(TimestampPallet.class).calls().orElseThrow(), new TimestampCall.Set(1_700_000_000_000L)));
        assertThat(EXECUTIVE.apply(block, UncheckedExtrinsic.unsigned(timestamp).encode()))
                .isInstanceOf(ApplyOutcome.Applied.class);
        for (byte[] xt : ready) {
            assertThat(((ApplyOutcome.Applied) EXECUTIVE.apply(block, xt)).error()).isEmpty();
        }
        assertThat(SessionPallet.suspensions(block.state())).extracting(s -> s.sessionKey()).containsExactly(BOB, ALICE);
        assertThat(OffencesPallet.isReported(block.state(), new EquivocationEvidence.Vote(bobs.toProof()).reportId()))
                .isTrue();
    }

    @Test
    void aSecondNodesReportOfTheSameOffenceConflictsInThePool() {
        VoteEquivocation bobs = twoPrevotes(DevAccounts.BOB, 1, "x");
        MemoryChainBackend funded = new MemoryChainBackend(RUNTIME, new RuntimeGenesisConfig(Map.of(
                CHARLIE, RuntimeParameters.UNIT.multiply(BigInteger.valueOf(100)),
                ALICE, RuntimeParameters.UNIT.multiply(BigInteger.valueOf(100))), Optional.empty(),
                List.of(ALICE, BOB, CHARLIE)), EXECUTIVE.layout());
        TransactionPool.Validator onFunded = xt -> {
            ChainHead best = funded.best();
            io.zklayer.runtime.TransactionValidity v = EXECUTIVE.validate(funded.stateAt(best.hash()), best.hash(),
                    best.number(), xt);
            return v instanceof io.zklayer.runtime.TransactionValidity.Valid ok
                    ? new TransactionValidity.Valid(ok.priority(), ok.requires().stream().map(Tag::new).toList(),
                    ok.provides().stream().map(Tag::new).toList(), ok.longevity(), ok.propagate())
                    : new TransactionValidity.Invalid(v.toString());
        };
        ChainOffenceReporter charlie = new ChainOffenceReporter(funded, RUNTIME.version(), pool, onFunded,
                DevAccounts.CHARLIE.keyPair());
        ChainOffenceReporter alice = new ChainOffenceReporter(funded, RUNTIME.version(), pool, onFunded,
                DevAccounts.ALICE.keyPair());
        EquivocationEvidence evidence = new EquivocationEvidence.Vote(bobs.toProof());

        assertThat(charlie.submit(evidence)).isInstanceOf(SubmitOutcome.Accepted.class);
        SubmitOutcome second = alice.submit(evidence);

        assertThat(second).isInstanceOf(SubmitOutcome.Rejected.class);
        assertThat(((SubmitOutcome.Rejected) second).reason()).isEqualTo(SubmitOutcome.Reason.PRIORITY_TOO_LOW);
        assertThat(pool.readyInOrder()).hasSize(1);
    }

    @Test
    void evidenceTheRuntimeRefusesStaysOutOfThePoolAndDoesNotThrow() {
        VoteEquivocation forged = new VoteEquivocation(0, 1, VoteKind.PREVOTE, BOB,
                SignedVote.sign(DevAccounts.BOB.keyPair(), VoteKind.PREVOTE, new ChainHead(H256.ZERO, 1), 1, 0),
                SignedVote.sign(DevAccounts.BOB.keyPair(), VoteKind.PREVOTE, new ChainHead(H256.ZERO, 2), 9, 0));

        reporter.voteEquivocation(forged);
        SubmitOutcome again = reporter.submit(new EquivocationEvidence.Vote(twoPrevotes(DevAccounts.DAVE, 1, "z").toProof()));

        assertThat(pool.readyInOrder()).isEmpty();
        assertThat(again).isInstanceOf(SubmitOutcome.Rejected.class);
        assertThat(((SubmitOutcome.Rejected) again).detail()).contains("Offences.NotInValidatorSet");
    }
}
