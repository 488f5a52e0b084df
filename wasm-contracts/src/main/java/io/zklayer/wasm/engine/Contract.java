package io.zklayer.wasm.engine;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import java.util.function.Function;

/**
 * A validated, instrumented and (for {@link EngineKind#COMPILER}) compiled contract module, ready
 * for any number of calls. Each call gets a fresh instance, so no state leaks from one call to the
 * next. Obtain one from {@link ContractEngine#load}.
 */
public final class Contract implements LoadResult {
    private final WasmModule module;
    private final byte[] instrumented;
    private final int gasGlobal;
    private final int depthGlobal;
    private final Function<Instance, Machine> machineFactory;
    private final EngineKind kind;

    Contract(WasmModule module, byte[] instrumented, int gasGlobal, int depthGlobal,
            Function<Instance, Machine> machineFactory, EngineKind kind) {
        this.module = module;
        this.instrumented = instrumented;
        this.gasGlobal = gasGlobal;
        this.depthGlobal = depthGlobal;
        this.machineFactory = machineFactory;
        this.kind = kind;
    }

    /** Returns the engine kind this contract was prepared for. */
    public EngineKind kind() {
        return kind;
    }

    /** Returns a copy of the instrumented binary that actually runs (for inspection and tests). */
    public byte[] instrumentedBinary() {
        return instrumented.clone();
    }

    WasmModule module() {
        return module;
    }

    int gasGlobal() {
        return gasGlobal;
    }

    int depthGlobal() {
        return depthGlobal;
    }

    Function<Instance, Machine> machineFactory() {
        return machineFactory;
    }
}
