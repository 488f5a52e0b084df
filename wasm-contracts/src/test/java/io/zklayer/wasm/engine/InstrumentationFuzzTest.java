package io.zklayer.wasm.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wabt.Wat2Wasm;
import com.dylibso.chicory.wasm.Parser;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random structured programs (nested blocks, bounded loops, if/else, br_if, br_table, early
 * returns, calls) give the same result instrumented in both engines as uninstrumented in plain
 * Chicory, and the same gas in both engines: metering changes nothing but the gas counter.
 */
class InstrumentationFuzzTest {
    static final int PROGRAMS = 30;

    @Test
    void meteredProgramsComputeWhatTheOriginalComputes() {
        try (ContractEngine compiler = new ContractEngine(EngineConfig.defaults());
                ContractEngine interpreter = new ContractEngine(EngineConfig.defaults().withKind(EngineKind.INTERPRETER))) {
            java.util.Set<Integer> distinct = new java.util.HashSet<>();
            for (int seed = 0; seed < PROGRAMS; seed++) {
                String wat = new ProgramGenerator(seed).module();
                byte[] wasm = Wat2Wasm.parse(wat);
                int expected = plainRun(wasm);
                distinct.add(expected);
                CallOutcome interpreted = interpreter.call(wasm, new byte[0], 1_000_000_000L);
                assertThat(interpreted).as("seed %d:\n%s", seed, wat).isInstanceOf(CallOutcome.Success.class);
                byte[] out = ((CallOutcome.Success) interpreted).output();
                assertThat(ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).getInt()).as("seed %d", seed)
                        .isEqualTo(expected);
                if (seed % 3 == 0) {
                    assertThat(compiler.call(wasm, new byte[0], 1_000_000_000L)).as("seed %d", seed)
                            .isEqualTo(interpreted);
                }
            }
            assertThat(distinct).as("programs compute varied results").hasSizeGreaterThan(PROGRAMS / 2);
        }
    }

    static int plainRun(byte[] wasm) {
        HostFunction write = new HostFunction(HostApi.MODULE, HostApi.OUTPUT_WRITE,
                HostApi.SIGNATURES.get(HostApi.OUTPUT_WRITE), (inst, args) -> null);
        Instance inst = Instance.builder(Parser.parse(wasm))
                .withImportValues(ImportValues.builder().addFunction(write).build()).build();
        return (int) inst.export("run").apply()[0];
    }

    /** Writes a random terminating WAT module; loops are bounded by dedicated counters. */
    static final class ProgramGenerator {
        private final Random random;
        private final StringBuilder s = new StringBuilder();
        private int labels;
        private int loopDepth;
        private int function;

        ProgramGenerator(long seed) {
            this.random = new Random(seed);
        }

        String module() {
            s.append("(module\n (import \"env\" \"output_write\" (func $write (param i32 i32)))\n (memory 1)\n");
            for (function = 0; function < 3; function++) {
                s.append(" (func $f").append(function).append(" (param i32) (result i32)")
                        .append(" (local i32 i32 i32 i32 i32 i32)\n");
                int n = 2 + random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    stmt(3);
                }
                s.append("  (i32.add (local.get 1) (local.get 2)))\n");
            }
            s.append(" (func $run (export \"run\") (result i32) (call $f2 (i32.const ").append(random.nextInt(100))
                    .append(")))\n");
            s.append(" (func (export \"call\") (result i32) (i32.store (i32.const 0) (call $run))"
                    + " (call $write (i32.const 0) (i32.const 4)) (i32.const 0)))\n");
            return s.toString();
        }

        private void stmt(int depth) {
            int kind = depth <= 0 ? 0 : random.nextInt(7);
            switch (kind) {
                case 0 -> {
                    s.append("  (local.set ").append(1 + random.nextInt(3)).append(' ');
                    expr(2);
                    s.append(")\n");
                }
                case 1 -> {
                    s.append("  (if ");
                    expr(2);
                    s.append(" (then\n");
                    stmt(depth - 1);
                    s.append(" ) (else\n");
                    stmt(depth - 1);
                    s.append(" ))\n");
                }
                case 2 -> {
                    int label = labels++;
                    s.append("  (block $b").append(label).append('\n');
                    stmt(depth - 1);
                    s.append("  (br_if $b").append(label).append(' ');
                    expr(1);
                    s.append(")\n");
                    stmt(depth - 1);
                    s.append("  )\n");
                }
                case 3 -> {
                    if (loopDepth >= 2) {
                        stmt(0);
                        return;
                    }
                    int counter = 4 + loopDepth;
                    int label = labels++;
                    loopDepth++;
                    s.append("  (local.set ").append(counter).append(" (i32.const ").append(1 + random.nextInt(6))
                            .append("))\n  (loop $l").append(label).append('\n');
                    stmt(depth - 1);
                    s.append("  (local.set ").append(counter).append(" (i32.sub (local.get ").append(counter)
                            .append(") (i32.const 1)))\n  (br_if $l").append(label).append(" (local.get ")
                            .append(counter).append(")))\n");
                    loopDepth--;
                }
                case 4 -> {
                    s.append("  (if ");
                    expr(1);
                    s.append(" (then (return ");
                    expr(2);
                    s.append(")))\n");
                }
                case 5 -> {
                    int a = labels++;
                    int b = labels++;
                    s.append("  (block $t").append(a).append(" (block $t").append(b).append(" (br_table $t").append(b)
                            .append(" $t").append(a).append(" $t").append(b).append(" (i32.and ");
                    expr(1);
                    s.append(" (i32.const 3))))\n");
                    stmt(depth - 1);
                    s.append("  )\n");
                }
                default -> {
                    s.append("  (local.set 3 (i32.add (local.get 3) ");
                    expr(2);
                    s.append("))\n");
                }
            }
        }

        private void expr(int depth) {
            int kind = depth <= 0 ? random.nextInt(2) : random.nextInt(6);
            switch (kind) {
                case 0 -> s.append("(i32.const ").append(random.nextInt(201) - 100).append(')');
                case 1 -> s.append("(local.get ").append(random.nextInt(4)).append(')');
                case 2, 3 -> {
                    String[] ops = {"i32.add", "i32.sub", "i32.mul", "i32.xor", "i32.and", "i32.lt_s", "i32.shl"};
                    s.append('(').append(ops[random.nextInt(ops.length)]).append(' ');
                    expr(depth - 1);
                    s.append(' ');
                    expr(depth - 1);
                    s.append(')');
                }
                case 4 -> {
                    s.append("(i32.rem_u ");
                    expr(depth - 1);
                    s.append(" (i32.or ");
                    expr(depth - 1);
                    s.append(" (i32.const 1)))");
                }
                default -> {
                    if (function == 0) {
                        s.append("(i32.const 5)");
                    } else {
                        s.append("(call $f").append(random.nextInt(function)).append(' ');
                        expr(depth - 1);
                        s.append(')');
                    }
                }
            }
        }
    }
}
