package io.zklayer.wasm.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.wabt.Wat2Wasm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The instrumented depth limit, not the JVM stack, ends deep recursion, even with a high limit
 * and frames full of locals; the call thread's large stack makes that so.
 */
class CallDepthTest {
    static final String RECURSION = """
            (module
              (func $down (param i64 i64 i64 i64) (result i64)
                (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)
                (i64.add (call $down (i64.add (local.get 0) (i64.const 1)) (local.get 1) (local.get 2) (local.get 3))
                         (local.get 3)))
              (func (export "call") (result i32)
                (drop (call $down (i64.const 0) (i64.const 1) (i64.const 2) (i64.const 3))) (i32.const 0)))
            """;

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void highDepthLimitStillFiresBeforeTheJvmStackRunsOut(EngineKind kind) {
        EngineConfig config = new EngineConfig(kind, 1, 20_000, 1 << 20, 1024, 1024, 1L << 30, GasSchedule.DEFAULT);
        try (ContractEngine engine = new ContractEngine(config)) {
            CallOutcome first = engine.call(Wat2Wasm.parse(RECURSION), new byte[0], 1_000_000_000L);
            assertThat(first).isInstanceOf(CallOutcome.Trap.class);
            assertThat(((CallOutcome.Trap) first).reason()).isEqualTo("call depth limit 20000 exceeded");
            assertThat(engine.call(Wat2Wasm.parse(RECURSION), new byte[0], 1_000_000_000L)).isEqualTo(first);
        }
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void depthUnderTheLimitSucceeds(EngineKind kind) {
        String bounded = """
                (module
                  (func $down (param i32) (result i32)
                    (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))
                      (else (call $down (i32.sub (local.get 0) (i32.const 1))))))
                  (func (export "call") (result i32) (call $down (i32.const %d))))
                """;
        try (ContractEngine engine = new ContractEngine(EngineConfig.defaults().withKind(kind))) {
            // entry → 513 nested calls of $down (n = 512 … 0): depth 513 > 512
            assertThat(engine.call(Wat2Wasm.parse(bounded.formatted(511)), new byte[0], 10_000_000))
                    .isInstanceOf(CallOutcome.Success.class);
            CallOutcome tooDeep = engine.call(Wat2Wasm.parse(bounded.formatted(512)), new byte[0], 10_000_000);
            assertThat(tooDeep).isInstanceOf(CallOutcome.Trap.class);
            assertThat(((CallOutcome.Trap) tooDeep).reason()).isEqualTo("call depth limit 512 exceeded");
        }
    }
}
