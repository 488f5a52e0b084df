package io.zklayer.pallets.models;

import io.zklayer.pallets.verifier.ProofClaim;
import io.zklayer.pallets.verifier.VerifierPallet;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.runtime.RuntimeContext;
import io.zklayer.zk.ZkFormatException;
import io.zklayer.zk.field.Fr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Verified backtesting (see {@link ModelsPallet}): checks a backtest's cases — cheap checks first, the
 * proofs last — and records them. A case's public signals are the model circuit's: its output signals, the
 * model's weight commitment, the case's input commitment.
 */
final class Backtests {
    private final VerifierPallet verifier;
    private final ModelsParameters params;

    Backtests(VerifierPallet verifier, ModelsParameters params) {
        this.verifier = verifier;
        this.params = params;
    }

    /** The model and the class each case's output names. */
    record Checked(ModelInfo model, List<Long> predicted) {}

    /**
     * Checks every rule of {@code submit_backtest} without writing.
     *
     * @throws io.zklayer.runtime.DispatchException the first rule broken, in the order the errors are listed
     */
    Checked check(RuntimeContext ctx, long modelId, List<BacktestCase> cases) {
        ModelInfo model = ModelsStorage.MODELS.getOptional(ctx.storage(), modelId).orElseThrow(ModelsError.UNKNOWN_MODEL::fail);
        if (!model.active()) {
            throw ModelsError.MODEL_DEPRECATED.fail();
        }
        if (cases.isEmpty()) {
            throw ModelsError.NO_CASES.fail();
        }
        if (cases.size() > params.maxBacktestCases()) {
            throw ModelsError.TOO_MANY_CASES.fail();
        }
        List<Long> predicted = new ArrayList<>(cases.size());
        Set<Fr> seen = new TreeSet<>();
        for (BacktestCase c : cases) {
            if (c.label() >= model.io().classCount()) {
                throw ModelsError.INVALID_LABEL.fail();
            }
            long p = model.io().predictedClass(c.output());
            if (p < 0) {
                throw ModelsError.MALFORMED_OUTPUT.fail();
            }
            if (!seen.add(c.inputCommitment()) || ModelsStorage.BACKTESTS.contains(ctx.storage(), modelId, c.inputCommitment())) {
                throw ModelsError.DUPLICATE_CASE.fail();
            }
            predicted.add(p);
        }
        for (BacktestCase c : cases) {
            List<Fr> signals;
            try {
                signals = model.publicSignals(c.output(), c.inputCommitment());
            } catch (ZkFormatException e) {
                throw ModelsError.MALFORMED_OUTPUT.fail();
            }
            if (!verifier.verify(ctx, model.keyId(), c.proof(), signals).isVerified()) {
                throw ModelsError.INVALID_PROOF.fail();
            }
        }
        return new Checked(model, predicted);
    }

    /** Checks the backtest, then records each case and adds them to the model's proven accuracy. */
    void submit(RuntimeContext ctx, AccountId32 who, long modelId, List<BacktestCase> cases) {
        Checked checked = check(ctx, modelId, cases);
        long correct = 0;
        for (int i = 0; i < cases.size(); i++) {
            BacktestCase c = cases.get(i);
            ModelsStorage.BacktestRecord record = new ModelsStorage.BacktestRecord(c.label(), checked.predicted().get(i), who,
                    ctx.blockNumber());
            ModelsStorage.BACKTESTS.put(ctx.storage(), modelId, c.inputCommitment(), record);
            correct += record.correct() ? 1 : 0;
        }
        ModelsStorage.Accuracy before = ModelsStorage.ACCURACY.get(ctx.storage(), modelId);
        ModelsStorage.Accuracy after = new ModelsStorage.Accuracy(ModelsPallet.u32(Math.addExact(before.correct(), correct)),
                ModelsPallet.u32(Math.addExact(before.total(), cases.size())));
        ModelsStorage.ACCURACY.put(ctx.storage(), modelId, after);
        ctx.deposit(new ModelsEvent.BacktestRecorded(modelId, who, cases.size(), correct, after.correct(), after.total()));
    }

    /** Returns the proofs a backtest will verify, read against {@code ctx}; none for an unknown model. */
    List<ProofClaim> claims(RuntimeContext ctx, long modelId, List<BacktestCase> cases) {
        Optional<ModelInfo> model = ModelsStorage.MODELS.getOptional(ctx.storage(), modelId);
        if (model.isEmpty()) {
            return List.of();
        }
        List<ProofClaim> out = new ArrayList<>();
        for (BacktestCase c : cases) {
            try {
                out.add(new ProofClaim(model.get().keyId(), c.proof(), model.get().publicSignals(c.output(), c.inputCommitment())));
            } catch (ZkFormatException e) {
                // A malformed output fails the call when it runs; it names no proof to batch.
            }
        }
        return out;
    }
}
