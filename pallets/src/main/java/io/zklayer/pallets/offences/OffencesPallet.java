package io.zklayer.pallets.offences;

import io.zklayer.pallets.session.SessionPallet;
import io.zklayer.pallets.session.ValidatorPenalty;
import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.trie.TrieState;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Call;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import io.zklayer.runtime.CallHandler;
import io.zklayer.runtime.Descriptors;
import io.zklayer.runtime.DispatchInfo;
import io.zklayer.runtime.EpochSchedule;
import io.zklayer.runtime.Origin;
import io.zklayer.runtime.Pallet;
import io.zklayer.runtime.PalletEvent;
import io.zklayer.runtime.RuntimeContext;
import io.zklayer.runtime.Weight;
import io.zklayer.runtime.storage.StorageEntryDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Offences pallet (index 10): punishes validators proven to have equivocated, on evidence
 * consensus gathers and any account reports with {@code report_equivocation}.
 *
 * <h2>Evidence</h2>
 * <ul>
 *   <li>Authorship ({@link SlotEquivocationProof}): two different headers announcing the same slot,
 *       both sealed by the offender; the offender was in the validator set of each header's epoch
 *       (block {@code n} is in epoch {@code (n − 1) / L}). Which validator's turn the slot was is not
 *       checked: sealing two blocks in one slot is the offence, whoever's slot it was.</li>
 *   <li>Vote ({@link GrandpaEquivocationProof}): two prevotes (or two precommits) for different blocks,
 *       both signed by the offender for the same round and authority set; the offender was in that set
 *       (set {@code s} = the validators of epoch {@code s}).</li>
 * </ul>
 * The runtime keeps the sets of the last {@code HistoryDepth} epochs ({@code EpochSets}, written in
 * the last block of each epoch; the current one is {@code Session.Validators}), so evidence older
 * than that is refused. Everything is checked in the transaction pool too ({@link #preValidate}), so
 * junk evidence never enters a block; in a block, a failing report changes nothing but the fee.
 *
 * <h2>Punishment</h2>
 * Each offence is punished once: its {@link EquivocationEvidence#reportId() report id} is recorded
 * ({@code Reports}) for as long as its evidence could be accepted, at most {@code MaxReportsPerEpoch}
 * per epoch. A registered validator loses {@code SlashShare} of its bond ({@code ReporterShare} of that
 * to the reporter unless it reports itself, the rest to the treasury) and leaves the set at the next
 * epoch change with what is left of its bond. A genesis validator has no bond: it is left out of the
 * next epoch's set and is back in the one after ({@link SessionPallet#punish}).
 */
public final class OffencesPallet implements Pallet, CallHandler<OffencesCall> {
    /** Fixed pallet index. */
    public static final int INDEX = 10;
    /** Pallet name and storage prefix. */
    public static final String NAME = "Offences";

    private static final Map<String, String> CALL_DOCS = Map.of("report_equivocation",
            "Report two blocks sealed by one validator in one slot, or two different votes of one kind signed by one "
                    + "voter in one round; the offender's bond is slashed and it leaves the next epoch's set.");

    private final SessionPallet session;
    private final OffencesParameters params;

    /** Creates the pallet; offenders are punished through {@code session}. */
    public OffencesPallet(SessionPallet session, OffencesParameters params) {
        this.session = session;
        this.params = params;
    }

    /** Returns the constants. */
    public OffencesParameters parameters() {
        return params;
    }

    /**
     * Returns the validator set of {@code epoch} as this chain knows it: the current set for the
     * current epoch, the recorded one for the last {@code HistoryDepth} epochs, else empty.
     */
    public static Optional<List<AccountId32>> validatorSet(TrieState state, long epoch) {
        long current = SessionPallet.currentEpoch(state);
        if (epoch == current) {
            return Optional.of(SessionPallet.VALIDATORS.get(state));
        }
        if (epoch > current || epoch < 0) {
            return Optional.empty();
        }
        return OffencesStorage.EPOCH_SETS.getOptional(state, epoch);
    }

    /**
     * Returns the call {@code Offences.report_equivocation(evidence)}, ready to be signed:
     * pallet 10, call 0, arguments {@code evidence variant ‖ proof bytes}.
     */
    public static Call reportCall(EquivocationEvidence evidence) {
        return new Call(INDEX, 0, EquivocationEvidence.CODEC.encode(evidence));
    }

    /** Returns whether the offence with {@code reportId} has been reported (and is still remembered). */
    public static boolean isReported(TrieState state, H256 reportId) {
        return OffencesStorage.REPORTS.contains(state, reportId);
    }

    /**
     * Checks {@code evidence} against the chain: not reported yet, room for a report this epoch, the
     * offender in the set of the evidence's epoch(s), then the signatures.
     *
     * @throws io.zklayer.runtime.DispatchException with an {@link OffencesError} when it is not
     *     acceptable
     */
    void verify(RuntimeContext ctx, EquivocationEvidence evidence) {
        TrieState s = ctx.storage();
        if (OffencesStorage.REPORTS.contains(s, evidence.reportId())) {
            throw OffencesError.DUPLICATE_REPORT.fail();
        }
        long current = SessionPallet.currentEpoch(s);
        if (OffencesStorage.REPORTS_IN_EPOCH.get(s, current).size() >= params.maxReportsPerEpoch()) {
            throw OffencesError.TOO_MANY_REPORTS.fail();
        }
        if (evidence instanceof EquivocationEvidence.Authorship a) {
            verifyAuthorship(s, a.proof());
        } else if (evidence instanceof EquivocationEvidence.Vote v) {
            verifyVotes(s, v.proof());
        }
    }

    private static void verifyAuthorship(TrieState s, SlotEquivocationProof proof) {
        EpochSchedule schedule = SessionPallet.epochSchedule(s);
        for (Header h : new Header[] {proof.first(), proof.second()}) {
            if (h.number() < 1) {
                throw OffencesError.UNKNOWN_EPOCH.fail();
            }
            requireMember(s, schedule.epochOf(h.number()), proof.offender());
        }
        proof.checkSeals().ifPresent(f -> {
            throw switch (f.flaw()) {
                case SAME_BLOCK -> OffencesError.NOT_AN_EQUIVOCATION.fail();
                case SLOT_MISMATCH -> OffencesError.SLOT_MISMATCH.fail();
                case BAD_SEAL -> OffencesError.INVALID_SIGNATURE.fail();
            };
        });
    }

    private static void verifyVotes(TrieState s, GrandpaEquivocationProof proof) {
        requireMember(s, proof.setId(), proof.offender());
        proof.checkSignatures().ifPresent(f -> {
            throw switch (f.flaw()) {
                case SAME_VOTE -> OffencesError.NOT_AN_EQUIVOCATION.fail();
                case BAD_SIGNATURE -> OffencesError.INVALID_SIGNATURE.fail();
            };
        });
    }

    private static void requireMember(TrieState s, long epoch, AccountId32 offender) {
        List<AccountId32> set = validatorSet(s, epoch).orElseThrow(OffencesError.UNKNOWN_EPOCH::fail);
        if (!set.contains(offender)) {
            throw OffencesError.NOT_IN_VALIDATOR_SET.fail();
        }
    }

    /**
     * In the last block of each epoch (before Session switches to the next one) records the ending
     * epoch's set and forgets the set and the reports of the epoch that falls out of the history.
     */
    @Override
    public void onFinalize(RuntimeContext ctx) {
        TrieState s = ctx.storage();
        Optional<EpochSchedule> schedule = SessionPallet.findEpochSchedule(s);
        if (schedule.isEmpty() || !schedule.get().isLastBlockOfEpoch(ctx.blockNumber())) {
            return;
        }
        long ending = SessionPallet.currentEpoch(s);
        OffencesStorage.EPOCH_SETS.put(s, ending, SessionPallet.VALIDATORS.get(s));
        long forgotten = ending - params.historyDepth();
        if (forgotten >= 0) {
            OffencesStorage.EPOCH_SETS.remove(s, forgotten);
            for (H256 id : OffencesStorage.REPORTS_IN_EPOCH.get(s, forgotten)) {
                OffencesStorage.REPORTS.remove(s, id);
            }
            OffencesStorage.REPORTS_IN_EPOCH.remove(s, forgotten);
        }
    }

    @Override
    public void dispatch(OffencesCall call, Origin origin, RuntimeContext ctx) {
        AccountId32 reporter = origin.ensureSigned();
        EquivocationEvidence evidence = ((OffencesCall.ReportEquivocation) call).evidence();
        verify(ctx, evidence);
        TrieState s = ctx.storage();
        H256 id = evidence.reportId();
        long epoch = SessionPallet.currentEpoch(s);
        List<H256> reports = new ArrayList<>(OffencesStorage.REPORTS_IN_EPOCH.get(s, epoch));
        reports.add(id);
        OffencesStorage.REPORTS.put(s, id, epoch);
        OffencesStorage.REPORTS_IN_EPOCH.put(s, epoch, reports);
        AccountId32 offender = evidence.offender();
        ValidatorPenalty penalty = session.punish(ctx, offender, params.slashShare(), reporter, params.reporterShare());
        ctx.deposit(new OffencesEvent.EquivocationReported(evidence.kind(), offender, id, reporter));
        if (penalty.controller() != null) {
            ctx.deposit(new OffencesEvent.ValidatorSlashed(offender, penalty.controller(), penalty.slashed(),
                    penalty.reward(), penalty.toTreasury()));
        }
        if (penalty.removal() != ValidatorPenalty.Removal.NOT_A_VALIDATOR) {
            ctx.deposit(new OffencesEvent.ValidatorRemoved(offender, penalty.removal(), penalty.outFrom(),
                    penalty.returnsAt().isPresent() ? Optional.of(penalty.returnsAt().getAsLong()) : Optional.empty()));
        }
    }

    /** Checks the evidence as dispatch would, so the pool refuses junk before it reaches a block. */
    @Override
    public String preValidate(OffencesCall call, AccountId32 signer, RuntimeContext ctx) {
        verify(ctx, ((OffencesCall.ReportEquivocation) call).evidence());
        return null;
    }

    /**
     * Reports of one offence conflict in the pool whoever sends them: each provides the tag
     * {@code "zkoffence" ‖ report id}, so only one waits for a block.
     */
    @Override
    public List<byte[]> poolTags(OffencesCall call) {
        return List.of(reportTag(((OffencesCall.ReportEquivocation) call).evidence()));
    }

    /** Returns the pool tag of reports of {@code evidence}'s offence: {@code "zkoffence" ‖ report id}. */
    public static byte[] reportTag(EquivocationEvidence evidence) {
        byte[] prefix = "zkoffence".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] tag = java.util.Arrays.copyOf(prefix, prefix.length + H256.LENGTH);
        System.arraycopy(evidence.reportId().bytes(), 0, tag, prefix.length, H256.LENGTH);
        return tag;
    }

    @Override
    public DispatchInfo info(OffencesCall call) {
        return new DispatchInfo(Weight.ofRefTime(OffencesWeights.REPORT_EQUIVOCATION),
                DispatchInfo.DispatchClass.OPERATIONAL, DispatchInfo.Pays.YES);
    }

    @Override
    public int index() {
        return INDEX;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<CallHandler<?>> calls() {
        return Optional.of(this);
    }

    @Override
    public ScaleCodec<OffencesCall> codec() {
        return OffencesCall.CODEC;
    }

    @Override
    public List<Descriptors.CallDescriptor> describe() {
        return Descriptors.calls(OffencesCall.CODEC, CALL_DOCS::get);
    }

    @Override
    public Optional<ScaleCodec<? extends PalletEvent>> eventCodec() {
        return Optional.of(OffencesEvent.CODEC);
    }

    @Override
    public List<Descriptors.EventDescriptor> events() {
        return Descriptors.events(OffencesEvent.CODEC, OffencesEvent::docs);
    }

    @Override
    public List<Descriptors.ErrorDescriptor> errors() {
        return Pallet.describeErrors(OffencesError.class);
    }

    @Override
    public List<StorageEntryDescriptor> storage() {
        return OffencesStorage.descriptors();
    }

    @Override
    public List<Descriptors.ConstantDescriptor> constants() {
        return List.of(
                new Descriptors.ConstantDescriptor("SlashShare", "Permill",
                        ScaleCodecs.U32.encode(params.slashShare().parts()),
                        "Share of a registered validator's bond slashed per proven equivocation."),
                new Descriptors.ConstantDescriptor("ReporterShare", "Permill",
                        ScaleCodecs.U32.encode(params.reporterShare().parts()),
                        "Share of the slashed amount paid to the reporter."),
                new Descriptors.ConstantDescriptor("HistoryDepth", "u32",
                        ScaleCodecs.U32.encode((long) params.historyDepth()),
                        "How many past epochs' validator sets are kept; older evidence is refused."),
                new Descriptors.ConstantDescriptor("MaxReportsPerEpoch", "u32",
                        ScaleCodecs.U32.encode((long) params.maxReportsPerEpoch()),
                        "The most offences reported in one epoch."));
    }
}
