package io.zklayer.wasm.engine;

/**
 * Limits and choices of a {@link ContractEngine}.
 *
 * @param kind compiler or interpreter
 * @param maxMemoryPages cap on linear memory in 64 KiB pages: a module declaring more initial
 *     pages is invalid, and {@code memory.grow} past the cap returns -1
 * @param maxCallDepth nested Wasm calls allowed below the entry function; one more traps
 * @param maxModuleBytes largest accepted module binary
 * @param maxInputBytes largest accepted call input
 * @param maxOutputBytes largest output a contract may write
 * @param threadStackBytes stack size of the call thread, large enough that the depth limit, never
 *     the JVM stack, ends deep recursion
 * @param gas the gas schedule
 */
public record EngineConfig(
        EngineKind kind,
        int maxMemoryPages,
        int maxCallDepth,
        int maxModuleBytes,
        int maxInputBytes,
        int maxOutputBytes,
        long threadStackBytes,
        GasSchedule gas) {

    /** Node defaults: compiler, 16 pages (1 MiB), depth 512, 4 MiB modules, 64 KiB in and out. */
    public static EngineConfig defaults() {
        return new EngineConfig(EngineKind.COMPILER, 16, 512, 4 << 20, 64 << 10, 64 << 10, 512L << 20,
                GasSchedule.DEFAULT);
    }

    /** Returns these limits with another engine kind. */
    public EngineConfig withKind(EngineKind newKind) {
        return new EngineConfig(newKind, maxMemoryPages, maxCallDepth, maxModuleBytes, maxInputBytes,
                maxOutputBytes, threadStackBytes, gas);
    }

    /** Checks the limits are positive and inside what Wasm and the JVM allow. */
    public EngineConfig {
        if (kind == null || gas == null) {
            throw new IllegalArgumentException("engine config: kind and gas schedule are required");
        }
        if (maxMemoryPages < 0 || maxMemoryPages > 65536) {
            throw new IllegalArgumentException("engine config: maxMemoryPages must be in [0, 65536]");
        }
        if (maxCallDepth < 1 || maxCallDepth > 100_000) {
            throw new IllegalArgumentException("engine config: maxCallDepth must be in [1, 100000]");
        }
        if (maxModuleBytes < 8 || maxInputBytes < 0 || maxOutputBytes < 0) {
            throw new IllegalArgumentException("engine config: byte limits must be non-negative");
        }
        if (threadStackBytes < (1 << 20)) {
            throw new IllegalArgumentException("engine config: threadStackBytes must be at least 1 MiB");
        }
    }
}
