package io.zklayer.pallets.inference;

import io.zklayer.primitives.types.H256;
import io.zklayer.wasm.engine.CallOutcome;
import io.zklayer.wasm.engine.Contract;
import io.zklayer.wasm.engine.ContractEngine;
import io.zklayer.wasm.engine.EngineConfig;
import io.zklayer.wasm.engine.LoadResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs public model contracts on chain with the deterministic Wasm engine. Loading (validation,
 * gas instrumentation, compilation) happens once per code hash and is cached, so the code is read
 * from state only on a miss; the outcome and gas of a call depend only on the code, the input and
 * the gas limit, so the cache never changes what the chain computes. The engine (and its call
 * thread, a daemon) starts on first use and lives as long as the runtime.
 */
public final class OnChainRunner {
    private static final int CACHE_SIZE = 16;

    private final EngineConfig config;
    private final Map<H256, LoadResult> loaded = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<H256, LoadResult> eldest) {
            return size() > CACHE_SIZE;
        }
    };
    private ContractEngine engine;

    /** Creates a runner whose engine will use {@code config}. */
    public OnChainRunner(EngineConfig config) {
        this.config = config;
    }

    /**
     * Runs the contract whose code hashes to {@code codeHash} ({@code code} supplies the bytes when
     * it is not loaded yet) on {@code input} with at most {@code gasLimit} gas.
     */
    public synchronized CallOutcome run(H256 codeHash, Supplier<byte[]> code, byte[] input, long gasLimit) {
        if (engine == null) {
            engine = new ContractEngine(config);
        }
        LoadResult contract = loaded.get(codeHash);
        if (contract == null) {
            contract = engine.load(code.get());
            loaded.put(codeHash, contract);
        }
        if (contract instanceof CallOutcome.InvalidModule invalid) {
            return invalid;
        }
        return engine.call((Contract) contract, input, gasLimit);
    }
}
