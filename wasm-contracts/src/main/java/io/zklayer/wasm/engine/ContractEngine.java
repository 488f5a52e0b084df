package io.zklayer.wasm.engine;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Loads and calls contracts deterministically under a gas limit.
 *
 * <p>{@link #load} parses the binary (rejecting malformed ones), checks the contract rules
 * ({@code ContractValidator}), injects gas and depth metering ({@code GasInstrumenter}), parses the
 * result again and compiles it once. {@link #call} then instantiates the contract afresh, sets the
 * gas global to the limit, runs the entry {@code call} on the engine's own thread, whose stack is
 * large enough that the instrumented depth limit always fires before the JVM stack runs out, and
 * classifies how it ended. Example:
 *
 * <pre>{@code
 * try (ContractEngine engine = new ContractEngine(EngineConfig.defaults())) {
 *     if (engine.load(wasm) instanceof Contract c) {
 *         CallOutcome out = engine.call(c, input, 1_000_000);
 *     }
 * }
 * }</pre>
 *
 * <p>Calls are serialised on one thread. Close the engine to stop the thread.
 */
public final class ContractEngine implements AutoCloseable {
    private final EngineConfig config;
    private final ExecutorService executor;

    /** Creates an engine with the given limits and starts its call thread. */
    public ContractEngine(EngineConfig config) {
        this.config = config;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "zklayer-contract-call", config.threadStackBytes());
            t.setDaemon(true);
            return t;
        });
    }

    /** Returns this engine's limits. */
    public EngineConfig config() {
        return config;
    }

    /**
     * Validates, instruments and compiles {@code wasm}; returns the contract or why it is invalid.
     */
    public LoadResult load(byte[] wasm) {
        if (wasm.length > config.maxModuleBytes()) {
            return new CallOutcome.InvalidModule("module of " + wasm.length + " bytes exceeds the limit of "
                    + config.maxModuleBytes() + " bytes");
        }
        WasmModule original;
        try {
            original = Parser.parse(wasm);
        } catch (RuntimeException e) {
            return new CallOutcome.InvalidModule("malformed module: " + message(e));
        }
        GasInstrumenter.Instrumented inst;
        try {
            ContractValidator.validate(wasm, original, config);
            inst = GasInstrumenter.instrument(wasm, original, config.gas(), config.maxCallDepth());
        } catch (InvalidModuleException e) {
            return new CallOutcome.InvalidModule(e.getMessage());
        }
        WasmModule module = Parser.parse(inst.bytes());
        Function<Instance, Machine> factory;
        if (config.kind() == EngineKind.COMPILER) {
            try {
                factory = MachineFactoryCompiler.builder(module)
                        .withInterpreterFallback(InterpreterFallback.FAIL)
                        .compile();
            } catch (RuntimeException e) {
                return new CallOutcome.InvalidModule("module cannot be compiled: " + message(e));
            }
        } else {
            factory = InterpreterMachine::new;
        }
        return new Contract(module, inst.bytes(), inst.gasGlobal(), inst.depthGlobal(), factory, config.kind());
    }

    /** Loads {@code wasm} and calls it once; an invalid module gives {@link CallOutcome.InvalidModule}. */
    public CallOutcome call(byte[] wasm, byte[] input, long gasLimit) {
        LoadResult loaded = load(wasm);
        if (loaded instanceof CallOutcome.InvalidModule invalid) {
            return invalid;
        }
        return call((Contract) loaded, input, gasLimit);
    }

    /**
     * Calls the contract's entry with {@code input} and at most {@code gasLimit} gas, on the
     * engine's call thread.
     */
    public CallOutcome call(Contract contract, byte[] input, long gasLimit) {
        if (gasLimit < 0) {
            throw new IllegalArgumentException("gas limit must be non-negative, got " + gasLimit);
        }
        if (contract.kind() != config.kind()) {
            throw new IllegalArgumentException("contract was loaded for " + contract.kind() + " but this engine runs "
                    + config.kind());
        }
        if (input.length > config.maxInputBytes()) {
            return new CallOutcome.Trap("input of " + input.length + " bytes exceeds the limit of "
                    + config.maxInputBytes() + " bytes", 0);
        }
        byte[] in = input.clone();
        Future<CallOutcome> f = executor.submit(() -> run(contract, in, gasLimit));
        try {
            return f.get();
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a contract call", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("contract engine failed", e.getCause());
        }
    }

    private CallOutcome run(Contract c, byte[] input, long gasLimit) {
        CallState state = new CallState(input, config.gas(), c.gasGlobal(), config.maxOutputBytes());
        int cap = config.maxMemoryPages();
        Instance instance;
        try {
            instance = Instance.builder(c.module())
                    .withImportValues(HostApi.bind(state))
                    .withMachineFactory(c.machineFactory())
                    .withMemoryFactory(lim -> new ByteArrayMemory(
                            new MemoryLimits(lim.initialPages(), Math.min(lim.maximumPages(), cap))))
                    .withStart(false)
                    .build();
        } catch (RuntimeException e) {
            return new CallOutcome.Trap("instantiation failed: " + message(e), 0);
        }
        instance.global(c.gasGlobal()).setValue(gasLimit);
        instance.global(c.depthGlobal()).setValue(0);
        try {
            long[] result = instance.export(HostApi.ENTRY).apply();
            long used = gasLimit - instance.global(c.gasGlobal()).getValue();
            int status = (int) result[0];
            if (status != 0) {
                return new CallOutcome.Trap("entry '" + HostApi.ENTRY + "' returned failure status " + status, used);
            }
            return new CallOutcome.Success(state.output(), used);
        } catch (RuntimeException | StackOverflowError e) {
            long left = instance.global(c.gasGlobal()).getValue();
            if (left < 0) {
                return new CallOutcome.OutOfGas(gasLimit);
            }
            long used = gasLimit - left;
            int depth = (int) instance.global(c.depthGlobal()).getValue();
            if (Integer.compareUnsigned(depth, config.maxCallDepth()) > 0) {
                return new CallOutcome.Trap("call depth limit " + config.maxCallDepth() + " exceeded", used);
            }
            if (e instanceof StackOverflowError) {
                return new CallOutcome.Trap("host stack exhausted below the call depth limit", used);
            }
            return new CallOutcome.Trap(e instanceof HostApi.HostTrap ? e.getMessage() : "wasm trap: " + message(e),
                    used);
        }
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** Stops the call thread. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
