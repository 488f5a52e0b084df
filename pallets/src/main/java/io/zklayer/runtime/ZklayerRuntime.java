package io.zklayer.runtime;

import io.zklayer.pallets.balances.BalancesPallet;
import io.zklayer.pallets.inference.InferencePallet;
import io.zklayer.pallets.inference.OnChainRunner;
import io.zklayer.pallets.models.ModelsPallet;
import io.zklayer.pallets.models.ModelsParameters;
import io.zklayer.pallets.models.WasmCodeCheck;
import io.zklayer.pallets.offences.OffencesParameters;
import io.zklayer.pallets.offences.OffencesPallet;
import io.zklayer.pallets.payment.TransactionPaymentPallet;
import io.zklayer.pallets.pools.PoolsPallet;
import io.zklayer.pallets.session.SessionPallet;
import io.zklayer.pallets.session.SessionParameters;
import io.zklayer.pallets.sudo.SudoPallet;
import io.zklayer.pallets.system.SystemPallet;
import io.zklayer.pallets.timestamp.TimestampPallet;
import io.zklayer.pallets.verifier.VerifierParameters;
import io.zklayer.pallets.verifier.VerifierPallet;
import io.zklayer.wasm.engine.EngineConfig;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The ZKLayer runtime: its pallets at their fixed indexes and its version.
 *
 * <pre>
 *  0 System   1 Timestamp   2 Session   3 Balances   4 TransactionPayment   5 Sudo
 *  6 Models   7 Pools       8 Inference 9 Verifier 10 Offences
 * </pre>
 *
 * <p>Pools accepts nodes for models that are registered, not deprecated and have no public Wasm
 * code (public models run on chain and need no nodes).
 */
public final class ZklayerRuntime {
    /**
     * The runtime version; {@code transactionVersion} rises whenever a call encoding changes. The
     * APIs are those {@link io.zklayer.runtime.api.RuntimeApis} answers.
     */
    public static final RuntimeVersion VERSION = new RuntimeVersion("zklayer", "zklayer-node", 1, 1, 0,
            io.zklayer.runtime.api.RuntimeApis.versions(), 1, 1);

    private ZklayerRuntime() {}

    /** Returns a runtime built with {@code params}. */
    public static Runtime create(RuntimeParameters params) {
        AtomicReference<Runtime> self = new AtomicReference<>();
        SystemPallet system = new SystemPallet();
        BalancesPallet balances = new BalancesPallet(system, params.existentialDeposit());
        VerifierPallet verifier = new VerifierPallet(balances, VerifierParameters.defaults());
        ModelsPallet models = new ModelsPallet(balances, verifier, ModelsParameters.defaults(),
                WasmCodeCheck.contractRules(EngineConfig.defaults()));
        PoolsPallet pools = new PoolsPallet(system, balances, params.pools(), (ctx, id) -> models.model(ctx, id)
                .filter(m -> m.active() && !m.hasPublicCode()).isPresent());
        SessionPallet session = new SessionPallet(balances, SessionParameters.defaults(RuntimeParameters.UNIT));
        Runtime runtime = new Runtime(VERSION, List.of(
                system,
                new TimestampPallet(params.minimumPeriodMillis()),
                session,
                balances,
                new TransactionPaymentPallet(balances, params.fees()),
                new SudoPallet(self::get),
                models,
                pools,
                new InferencePallet(balances, pools, models, verifier, params.inference(),
                        new OnChainRunner(EngineConfig.defaults())),
                verifier,
                new OffencesPallet(session, OffencesParameters.defaults())));
        self.set(runtime);
        return runtime;
    }
}
