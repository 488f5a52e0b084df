package io.zklayer.wasm.engine;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.OpCode;
import io.zklayer.wasm.binary.Op;
import io.zklayer.wasm.binary.WasmBuffer;
import io.zklayer.wasm.binary.WasmReader;
import java.util.List;

/**
 * Rewrites a validated module so that it meters its own gas and call depth.
 *
 * <p>Two mutable globals are appended after the module's own: {@code gas: i64} (set to the limit
 * before each call) and {@code depth: i32} (set to 0). Then, in every function body:
 *
 * <ul>
 *   <li><b>Gas per basic block.</b> At function entry and right after every {@code block}, {@code
 *       loop}, {@code if}, {@code else}, {@code end}, {@code br}, {@code br_if}, {@code br_table},
 *       {@code return} and {@code unreachable}, the cost of the straight-line run of instructions up
 *       to and including the next such instruction is charged:
 *       {@code gas -= cost; if (gas < 0) unreachable}. A backward branch lands right after its
 *       {@code loop} and so pays for every iteration.</li>
 *   <li><b>Memory.</b> Before {@code memory.grow}, the requested pages times
 *       {@link GasSchedule#memoryPage()} are charged, through one extra i32 local.</li>
 *   <li><b>Call depth.</b> Around every {@code call} and {@code call_indirect}:
 *       {@code depth += 1; if (depth > limit) unreachable; call; depth -= 1}. Counting at call sites
 *       rather than function exits needs no tracking of branches that leave a function.</li>
 * </ul>
 *
 * <p>After a trap the engine reads the globals: {@code gas < 0} means out of gas, {@code depth >
 * limit} means the depth limit. Original instruction bytes are copied unchanged, so the original
 * global, local and function indices stay valid; custom sections are dropped. The output is parsed
 * and validated again before use.
 */
final class GasInstrumenter {
    private static final int GLOBAL_SECTION = 6;
    private static final int CODE_SECTION = 10;
    /** Position of each known section id in the order the binary format requires. */
    private static final int[] ORDER = new int[14];

    static {
        int[] ids = {1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11};
        for (int i = 0; i < ids.length; i++) {
            ORDER[ids[i]] = i + 1;
        }
    }

    /** The rewritten binary and where its metering globals are. */
    record Instrumented(byte[] bytes, int gasGlobal, int depthGlobal) {
    }

    private GasInstrumenter() {
    }

    static Instrumented instrument(byte[] original, WasmModule m, GasSchedule schedule, int depthLimit) {
        int globalCount = m.globalSection().globalCount();
        int gasGlobal = globalCount;
        int depthGlobal = globalCount + 1;
        int importedFunctions = m.importSection().count(com.dylibso.chicory.wasm.types.ExternalType.FUNCTION);

        WasmBuffer out = new WasmBuffer().raw(original, 0, 8);
        WasmReader r = new WasmReader(original, 8, original.length);
        boolean globalsWritten = false;
        while (!r.atEnd()) {
            int id = r.u8();
            int size = r.u32AsInt();
            int start = r.position();
            r.skip(size);
            if (id == 0) {
                continue;
            }
            if (id >= ORDER.length || ORDER[id] == 0) {
                throw new InvalidModuleException("section id " + id + " at byte " + (start - 1) + " is unknown");
            }
            if (!globalsWritten && ORDER[id] > ORDER[GLOBAL_SECTION]) {
                out.section(GLOBAL_SECTION, globals(original, 0, 0, 0));
                globalsWritten = true;
            }
            if (id == GLOBAL_SECTION) {
                WasmReader gr = new WasmReader(original, start, start + size);
                int count = gr.u32AsInt();
                out.section(GLOBAL_SECTION, globals(original, gr.position(), start + size, count));
                globalsWritten = true;
            } else if (id == CODE_SECTION) {
                out.section(CODE_SECTION, code(original, start, start + size, m, importedFunctions, schedule,
                        depthLimit, gasGlobal, depthGlobal));
            } else {
                out.u8(id).u32(size).raw(original, start, size);
            }
        }
        if (!globalsWritten) {
            out.section(GLOBAL_SECTION, globals(original, 0, 0, 0));
        }
        return new Instrumented(out.toByteArray(), gasGlobal, depthGlobal);
    }

    private static WasmBuffer globals(byte[] original, int from, int to, int count) {
        WasmBuffer g = new WasmBuffer().u32(count + 2L).raw(original, from, to - from);
        g.u8(Op.I64).u8(1).u8(Op.I64_CONST).s64(0).u8(Op.END);
        g.u8(Op.I32).u8(1).u8(Op.I32_CONST).s32(0).u8(Op.END);
        return g;
    }

    private static WasmBuffer code(byte[] original, int from, int to, WasmModule m, int importedFunctions,
            GasSchedule schedule, int depthLimit, int gasGlobal, int depthGlobal) {
        WasmReader r = new WasmReader(original, from, to);
        int count = r.u32AsInt();
        WasmBuffer section = new WasmBuffer().u32(count);
        for (int f = 0; f < count; f++) {
            int size = r.u32AsInt();
            int bodyStart = r.position();
            int bodyEnd = bodyStart + size;
            r.skip(size);
            FunctionBody body = m.codeSection().getFunctionBody(f);
            int params = m.typeSection().getType(m.functionSection().getFunctionType(f)).params().size();
            section.sized(body(original, bodyStart, bodyEnd, body, params, schedule, depthLimit, gasGlobal,
                    depthGlobal, importedFunctions + f));
        }
        return section;
    }

    private static WasmBuffer body(byte[] original, int start, int end, FunctionBody body, int params,
            GasSchedule schedule, int depthLimit, int gasGlobal, int depthGlobal, int funcIndex) {
        WasmReader r = new WasmReader(original, start, end);
        int groups = r.u32AsInt();
        long locals = params;
        for (int i = 0; i < groups; i++) {
            locals += r.u32();
            r.u8();
        }
        int codeStart = r.position();
        List<? extends Instruction> ins = body.instructions();
        if (ins.isEmpty() || ins.get(0).address() != codeStart) {
            throw new IllegalStateException("function " + funcIndex + ": instructions do not start at byte "
                    + codeStart);
        }
        boolean grows = ins.stream().anyMatch(i -> i.opcode() == OpCode.MEMORY_GROW);
        int scratch = (int) locals;

        WasmBuffer b = new WasmBuffer();
        WasmReader lr = new WasmReader(original, start, codeStart);
        lr.u32();
        b.u32(groups + (grows ? 1L : 0L)).raw(original, lr.position(), codeStart - lr.position());
        if (grows) {
            b.u32(1).u8(Op.I32);
        }
        chargeSegment(b, ins, 0, schedule, gasGlobal);
        for (int k = 0; k < ins.size(); k++) {
            Instruction i = ins.get(k);
            int insStart = i.address();
            int insEnd = k + 1 < ins.size() ? ins.get(k + 1).address() : end;
            OpCode op = i.opcode();
            if (op == OpCode.MEMORY_GROW) {
                b.u8(Op.LOCAL_SET).u32(scratch)
                        .u8(Op.GLOBAL_GET).u32(gasGlobal)
                        .u8(Op.LOCAL_GET).u32(scratch).u8(Op.I64_EXTEND_I32_U)
                        .u8(Op.I64_CONST).s64(schedule.memoryPage()).u8(Op.I64_MUL)
                        .u8(Op.I64_SUB).u8(Op.GLOBAL_SET).u32(gasGlobal);
                trapIfNegative(b, gasGlobal);
                b.u8(Op.LOCAL_GET).u32(scratch);
            }
            boolean call = op == OpCode.CALL || op == OpCode.CALL_INDIRECT;
            if (call) {
                b.u8(Op.GLOBAL_GET).u32(depthGlobal).u8(Op.I32_CONST).s32(1).u8(Op.I32_ADD)
                        .u8(Op.GLOBAL_SET).u32(depthGlobal)
                        .u8(Op.GLOBAL_GET).u32(depthGlobal).u8(Op.I32_CONST).s32(depthLimit).u8(Op.I32_GT_U)
                        .u8(Op.IF).u8(Op.EMPTY_BLOCK).u8(Op.UNREACHABLE).u8(Op.END);
            }
            b.raw(original, insStart, insEnd - insStart);
            if (call) {
                b.u8(Op.GLOBAL_GET).u32(depthGlobal).u8(Op.I32_CONST).s32(1).u8(Op.I32_SUB)
                        .u8(Op.GLOBAL_SET).u32(depthGlobal);
            }
            if (endsSegment(op) && k + 1 < ins.size()) {
                chargeSegment(b, ins, k + 1, schedule, gasGlobal);
            }
        }
        return b;
    }

    /** Charges the instructions from {@code from} up to and including the next segment end. */
    private static void chargeSegment(WasmBuffer b, List<? extends Instruction> ins, int from,
            GasSchedule schedule, int gasGlobal) {
        long cost = 0;
        for (int k = from; k < ins.size(); k++) {
            cost += schedule.instruction();
            if (endsSegment(ins.get(k).opcode())) {
                break;
            }
        }
        if (cost == 0) {
            return;
        }
        b.u8(Op.GLOBAL_GET).u32(gasGlobal).u8(Op.I64_CONST).s64(cost).u8(Op.I64_SUB)
                .u8(Op.GLOBAL_SET).u32(gasGlobal);
        trapIfNegative(b, gasGlobal);
    }

    private static void trapIfNegative(WasmBuffer b, int gasGlobal) {
        b.u8(Op.GLOBAL_GET).u32(gasGlobal).u8(Op.I64_CONST).s64(0).u8(Op.I64_LT_S)
                .u8(Op.IF).u8(Op.EMPTY_BLOCK).u8(Op.UNREACHABLE).u8(Op.END);
    }

    private static boolean endsSegment(OpCode op) {
        switch (op) {
            case BLOCK:
            case LOOP:
            case IF:
            case ELSE:
            case END:
            case BR:
            case BR_IF:
            case BR_TABLE:
            case RETURN:
            case UNREACHABLE:
                return true;
            default:
                return false;
        }
    }
}
