package io.zklayer.pallets.models;

import io.zklayer.wasm.engine.CallOutcome;
import io.zklayer.wasm.engine.ContractEngine;
import io.zklayer.wasm.engine.EngineConfig;
import io.zklayer.wasm.engine.EngineKind;
import java.util.Optional;

/**
 * Checks the public Wasm code of a model when it is registered, so that code the chain could never run
 * is refused up front rather than when a workload needs it.
 */
@FunctionalInterface
public interface WasmCodeCheck {
    /** Returns why {@code code} is not acceptable, or empty when it is. */
    Optional<String> problem(byte[] code);

    /**
     * Returns the contract engine's rules (well-formed module, integer instructions only, host imports only,
     * bounded memory, an exported {@code call}) under {@code config}. The check parses, validates and
     * instruments the module with the interpreter engine, so it compiles nothing and starts no thread; it is
     * deterministic, as the runtime needs.
     */
    static WasmCodeCheck contractRules(EngineConfig config) {
        ContractEngine engine = new ContractEngine(config.withKind(EngineKind.INTERPRETER));
        return code -> engine.load(code) instanceof CallOutcome.InvalidModule invalid
                ? Optional.of(invalid.reason()) : Optional.empty();
    }
}
