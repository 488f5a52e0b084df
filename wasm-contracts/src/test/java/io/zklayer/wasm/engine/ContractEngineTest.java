package io.zklayer.wasm.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.wabt.Wat2Wasm;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hostile and well-behaved contracts written in WAT, run in both engines. After every hostile
 * call the well-behaved echo contract runs again and must give exactly its baseline outcome.
 */
class ContractEngineTest {
    static final EngineConfig CONFIG = new EngineConfig(EngineKind.COMPILER, 4, 100, 1 << 20, 4096, 1024,
            256L << 20, GasSchedule.DEFAULT);
    static final Map<EngineKind, ContractEngine> ENGINES = new EnumMap<>(EngineKind.class);

    static final String ECHO = """
            (module
              (import "env" "input_size" (func $size (result i32)))
              (import "env" "input_read" (func $read (param i32)))
              (import "env" "output_write" (func $write (param i32 i32)))
              (memory 1)
              (func (export "call") (result i32)
                (call $read (i32.const 16))
                (call $write (i32.const 16) (call $size))
                (i32.const 0)))
            """;

    @BeforeAll
    static void start() {
        for (EngineKind kind : EngineKind.values()) {
            ENGINES.put(kind, new ContractEngine(CONFIG.withKind(kind)));
        }
    }

    @AfterAll
    static void stop() {
        ENGINES.values().forEach(ContractEngine::close);
    }

    static byte[] wat(String text) {
        return Wat2Wasm.parse(text);
    }

    static CallOutcome run(EngineKind kind, String text, byte[] input, long gas) {
        return ENGINES.get(kind).call(wat(text), input, gas);
    }

    /** Runs the echo contract and checks it is unaffected by whatever ran before. */
    static void assertEchoStillWorks(EngineKind kind) {
        byte[] input = "still fine".getBytes(StandardCharsets.UTF_8);
        CallOutcome out = run(kind, ECHO, input, 10_000);
        assertThat(out).isEqualTo(new CallOutcome.Success(input, 7 + 3 * 50 + 10 + 10));
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void echoChargesInstructionsAndHostBytesExactly(EngineKind kind) {
        byte[] input = "still fine".getBytes(StandardCharsets.UTF_8);
        CallOutcome out = run(kind, ECHO, input, 10_000);
        // 7 instructions (const, call, const, call, call, const, end) + 3 host calls of 50 + 10 bytes read + 10 written.
        assertThat(out).isInstanceOf(CallOutcome.Success.class);
        var success = (CallOutcome.Success) out;
        assertThat(success.output()).isEqualTo(input);
        assertThat(success.gasUsed()).isEqualTo(7 + 3 * 50 + 10 + 10);
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void emptyEntryCostsItsTwoInstructions(EngineKind kind) {
        CallOutcome out = run(kind, "(module (func (export \"call\") (result i32) i32.const 0))", new byte[0], 100);
        assertThat(out).isEqualTo(new CallOutcome.Success(new byte[0], 2));
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void infiniteLoopRunsOutOfGas(EngineKind kind) {
        String loop = "(module (func (export \"call\") (result i32) (loop $l (br $l)) (i32.const 0)))";
        assertThat(run(kind, loop, new byte[0], 1_000_000)).isEqualTo(new CallOutcome.OutOfGas(1_000_000));
        assertEchoStillWorks(kind);
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void conditionalBranchLoopRunsOutOfGas(EngineKind kind) {
        String loop = """
                (module (func (export "call") (result i32) (local i32)
                  (loop $l (local.set 0 (i32.add (local.get 0) (i32.const 1))) (br_if $l (i32.const 1)))
                  (local.get 0)))
                """;
        assertThat(run(kind, loop, new byte[0], 500_000)).isEqualTo(new CallOutcome.OutOfGas(500_000));
        assertEchoStillWorks(kind);
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void deepRecursionStopsAtTheDepthLimit(EngineKind kind) {
        String recursion = """
                (module
                  (func $down (param i64) (result i64) (local i64 i64 i64 i64)
                    (i64.add (call $down (i64.add (local.get 0) (i64.const 1))) (i64.const 1)))
                  (func (export "call") (result i32) (drop (call $down (i64.const 0))) (i32.const 0)))
                """;
        CallOutcome out = run(kind, recursion, new byte[0], 100_000_000);
        assertThat(out).isInstanceOf(CallOutcome.Trap.class);
        assertThat(((CallOutcome.Trap) out).reason()).isEqualTo("call depth limit 100 exceeded");
        assertThat(run(kind, recursion, new byte[0], 100_000_000)).isEqualTo(out);
        assertEchoStillWorks(kind);
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void memoryGrowthPastTheCapFailsAndIsChargedPerPage(EngineKind kind) {
        String grow = """
                (module
                  (import "env" "output_write" (func $write (param i32 i32)))
                  (memory 1)
                  (func (export "call") (result i32)
                    (i32.store (i32.const 0) (memory.grow (i32.const %d)))
                    (i32.store (i32.const 4) (memory.size))
                    (call $write (i32.const 0) (i32.const 8))
                    (i32.const 0)))
                """;
        var beyond = (CallOutcome.Success) run(kind, grow.formatted(4), new byte[0], 1_000_000);
        assertThat(le(beyond.output())).containsExactly(-1, 1);
        var within = (CallOutcome.Success) run(kind, grow.formatted(3), new byte[0], 1_000_000);
        assertThat(le(within.output())).containsExactly(1, 4);
        assertThat(beyond.gasUsed() - within.gasUsed()).isEqualTo(GasSchedule.DEFAULT.memoryPage());
        assertThat(run(kind, grow.formatted(1000), new byte[0], 1_000_000)).isEqualTo(new CallOutcome.OutOfGas(1_000_000));
        assertEchoStillWorks(kind);
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void trapsAreReportedWithGasUsed(EngineKind kind) {
        CallOutcome unreachable = run(kind, "(module (func (export \"call\") (result i32) unreachable))", new byte[0], 100);
        assertThat(unreachable).isInstanceOf(CallOutcome.Trap.class);
        assertThat(((CallOutcome.Trap) unreachable).reason()).startsWith("wasm trap:").contains("unreachable");
        assertThat(((CallOutcome.Trap) unreachable).gasUsed()).isEqualTo(1);

        CallOutcome oob = run(kind, "(module (memory 1) (func (export \"call\") (result i32) (i32.load (i32.const 65534))))",
                new byte[0], 100);
        assertThat(oob).isInstanceOf(CallOutcome.Trap.class);
        assertThat(((CallOutcome.Trap) oob).reason()).contains("out of bounds");

        CallOutcome status = run(kind, "(module (func (export \"call\") (result i32) i32.const 7))", new byte[0], 100);
        assertThat(status).isEqualTo(new CallOutcome.Trap("entry 'call' returned failure status 7", 2));
        assertEchoStillWorks(kind);
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void hostCallsOutsideMemoryOrOverTheOutputLimitTrap(EngineKind kind) {
        String badRead = """
                (module (import "env" "input_read" (func $read (param i32))) (memory 1)
                  (func (export "call") (result i32) (call $read (i32.const 65530)) (i32.const 0)))
                """;
        CallOutcome read = run(kind, badRead, new byte[10], 1000);
        assertThat(((CallOutcome.Trap) read).reason()).isEqualTo(
                "input_read: range [65530, 65540) is outside memory of 65536 bytes");
        String bigWrite = """
                (module (import "env" "output_write" (func $write (param i32 i32))) (memory 1)
                  (func (export "call") (result i32) (call $write (i32.const 0) (i32.const 1025)) (i32.const 0)))
                """;
        CallOutcome write = run(kind, bigWrite, new byte[0], 100_000);
        assertThat(((CallOutcome.Trap) write).reason()).isEqualTo(
                "output_write: output of 1025 bytes exceeds the limit of 1024");
        assertThat(run(kind, ECHO, new byte[4000], 3000)).isEqualTo(new CallOutcome.OutOfGas(3000));
        assertEchoStillWorks(kind);
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void gasIsIdenticalAcrossRunsAndEngines(EngineKind kind) {
        String work = """
                (module
                  (import "env" "output_write" (func $write (param i32 i32)))
                  (memory 1)
                  (func $fib (param i32) (result i32)
                    (if (result i32) (i32.lt_u (local.get 0) (i32.const 2))
                      (then (local.get 0))
                      (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                                     (call $fib (i32.sub (local.get 0) (i32.const 2)))))))
                  (func (export "call") (result i32)
                    (i32.store (i32.const 0) (call $fib (i32.const 15)))
                    (call $write (i32.const 0) (i32.const 4)) (i32.const 0)))
                """;
        CallOutcome first = run(kind, work, new byte[0], 10_000_000);
        assertThat(le(((CallOutcome.Success) first).output())).containsExactly(610);
        assertThat(run(kind, work, new byte[0], 10_000_000)).isEqualTo(first);
        EngineKind other = kind == EngineKind.COMPILER ? EngineKind.INTERPRETER : EngineKind.COMPILER;
        assertThat(run(other, work, new byte[0], 10_000_000)).isEqualTo(first);
        long used = ((CallOutcome.Success) first).gasUsed();
        assertThat(run(kind, work, new byte[0], used)).isEqualTo(first);
        assertThat(run(kind, work, new byte[0], used - 1)).isEqualTo(new CallOutcome.OutOfGas(used - 1));
    }

    static int[] le(byte[] bytes) {
        int[] out = new int[bytes.length / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = java.nio.ByteBuffer.wrap(bytes, 4 * i, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        }
        return out;
    }

    static String invalid(EngineKind kind, byte[] wasm) {
        CallOutcome out = ENGINES.get(kind).call(wasm, new byte[0], 1000);
        assertThat(out).isInstanceOf(CallOutcome.InvalidModule.class);
        assertEchoStillWorks(kind);
        return ((CallOutcome.InvalidModule) out).reason();
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void rejectsFloatsEverywhere(EngineKind kind) {
        assertThat(invalid(kind, wat("(module (func (export \"call\") (result i32) (drop (f32.const 1)) (i32.const 0)))")))
                .matches("function 0: opcode F32_CONST at byte \\d+ is not allowed \\(floating point is not deterministic\\)");
        assertThat(invalid(kind, wat("(module (func (export \"call\") (result i32) (local f64) (i32.const 0)))")))
                .isEqualTo("function 0 local 0 has type F64 (floating point is not deterministic)");
        assertThat(invalid(kind, wat("(module (global f32 (f32.const 0)) (func (export \"call\") (result i32) (i32.const 0)))")))
                .isEqualTo("global 0 has type F32 (floating point is not deterministic)");
        assertThat(invalid(kind, wat("(module (func (param f64)) (func (export \"call\") (result i32) (i32.const 0)))")))
                .isEqualTo("type 0 parameter 0 has type F64 (floating point is not deterministic)");
        assertThat(invalid(kind, wat("(module (import \"env\" \"f\" (func (result f32))) (func (export \"call\") (result i32) (i32.const 0)))")))
                .startsWith("type 0 result 0 has type F32");
        assertThat(invalid(kind, wat("(module (func (export \"call\") (result i32) (i32.reinterpret_f32 (f32.const 1))))")))
                .contains("F32_CONST");
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void rejectsForbiddenImportsAndStructure(EngineKind kind) {
        assertThat(invalid(kind, wat("(module (import \"env\" \"random\" (func (result i32))) (func (export \"call\") (result i32) (i32.const 0)))")))
                .isEqualTo("import env.random is not in the host API (allowed: env.input_size, env.input_read, env.output_write)");
        assertThat(invalid(kind, wat("(module (import \"wasi_snapshot_preview1\" \"fd_write\" (func (param i32 i32 i32 i32) (result i32))) (func (export \"call\") (result i32) (i32.const 0)))")))
                .startsWith("import wasi_snapshot_preview1.fd_write is not in the host API");
        assertThat(invalid(kind, wat("(module (import \"env\" \"input_size\" (func (result i64))) (func (export \"call\") (result i32) (i32.const 0)))")))
                .startsWith("import env.input_size has type");
        assertThat(invalid(kind, wat("(module (import \"env\" \"mem\" (memory 1)) (func (export \"call\") (result i32) (i32.const 0)))")))
                .isEqualTo("import env.mem: only host functions may be imported, not a memory");
        assertThat(invalid(kind, wat("(module (memory 5) (func (export \"call\") (result i32) (i32.const 0)))")))
                .isEqualTo("memory: initial size of 5 pages exceeds the cap of 4 pages");
        assertThat(invalid(kind, wat("(module (func $s) (start $s) (func (export \"call\") (result i32) (i32.const 0)))")))
                .startsWith("start function is not allowed");
        assertThat(invalid(kind, wat("(module (func (export \"main\") (result i32) (i32.const 0)))")))
                .startsWith("export 'call' is missing");
        assertThat(invalid(kind, wat("(module (func (export \"call\") (param i32) (result i32) (i32.const 0)))")))
                .startsWith("export 'call' has type");
        assertThat(invalid(kind, wat("(module (memory 1) (func (export \"call\") (result i32) (memory.fill (i32.const 0) (i32.const 0) (i32.const 9)) (i32.const 0)))")))
                .contains("MEMORY_FILL").contains("allow-list");
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void rejectsMalformedBinaries(EngineKind kind) {
        byte[] good = wat(ECHO);
        assertThat(invalid(kind, new byte[] {1, 2, 3})).startsWith("malformed module:");
        assertThat(invalid(kind, Arrays.copyOf(good, good.length - 3))).startsWith("malformed module:");
        byte[] badMagic = good.clone();
        badMagic[0] = 1;
        assertThat(invalid(kind, badMagic)).startsWith("malformed module:");
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 50; i++) {
            byte[] corrupt = good.clone();
            corrupt[8 + random.nextInt(corrupt.length - 8)] = (byte) random.nextInt(256);
            CallOutcome out = ENGINES.get(kind).call(corrupt, new byte[0], 10_000);
            assertThat(out).isNotNull();
        }
        assertEchoStillWorks(kind);
    }
}
