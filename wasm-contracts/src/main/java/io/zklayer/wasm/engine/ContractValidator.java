package io.zklayer.wasm.engine;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Global;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.OpCode;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a parsed module against the contract rules before it is instrumented. Chicory's parser
 * has already checked the module is well-formed and well-typed; this adds determinism and
 * resource rules:
 *
 * <ul>
 *   <li>only i32 and i64 values: no f32/f64/v128/reference types in signatures, locals, globals,
 *       block types or imports;</li>
 *   <li>instructions from an allow-list: integer arithmetic, loads/stores, locals/globals,
 *       structured control, {@code call}/{@code call_indirect}, {@code memory.size/grow}; no floats,
 *       SIMD, atomics, bulk memory, reference or GC instructions, exceptions or tail calls;</li>
 *   <li>imports only from {@link HostApi} with their exact types; no imported memory, table or
 *       global;</li>
 *   <li>at most one memory whose initial size is within the cap; no start function; funcref tables
 *       only;</li>
 *   <li>an exported entry {@code call: () -> i32}.</li>
 * </ul>
 */
final class ContractValidator {
    /** The integer subset of Wasm 2.0 that contracts may use. */
    static final Set<OpCode> ALLOWED = allowed();

    private ContractValidator() {
    }

    static void validate(byte[] bytes, WasmModule m, EngineConfig config) {
        var types = m.typeSection();
        for (int t = 0; t < types.typeCount(); t++) {
            FunctionType ft = types.getType(t);
            checkValueTypes(ft.params(), "type " + t + " parameter");
            checkValueTypes(ft.returns(), "type " + t + " result");
        }
        var imports = m.importSection();
        for (int i = 0; i < imports.importCount(); i++) {
            Import imp = imports.getImport(i);
            String name = imp.module() + "." + imp.name();
            if (!(imp instanceof FunctionImport fi)) {
                throw new InvalidModuleException("import " + name + ": only host functions may be imported, not a "
                        + imp.importType().name().toLowerCase());
            }
            FunctionType expected = HostApi.MODULE.equals(imp.module()) ? HostApi.SIGNATURES.get(imp.name()) : null;
            if (expected == null) {
                throw new InvalidModuleException("import " + name + " is not in the host API "
                        + "(allowed: env.input_size, env.input_read, env.output_write)");
            }
            FunctionType actual = types.getType(fi.typeIndex());
            if (!actual.equals(expected)) {
                throw new InvalidModuleException("import " + name + " has type " + actual + " but the host API defines "
                        + expected);
            }
        }
        var globals = m.globalSection();
        for (int g = 0; g < globals.globalCount(); g++) {
            Global global = globals.getGlobal(g);
            checkValueType(global.valueType(), "global " + g);
        }
        int memories = m.memorySection().map(s -> s.memoryCount()).orElse(0);
        if (memories > 1) {
            throw new InvalidModuleException("memory: at most one memory is allowed, found " + memories);
        }
        if (memories == 1) {
            int initial = m.memorySection().get().getMemory(0).limits().initialPages();
            if (initial > config.maxMemoryPages()) {
                throw new InvalidModuleException("memory: initial size of " + initial + " pages exceeds the cap of "
                        + config.maxMemoryPages() + " pages");
            }
        }
        var tables = m.tableSection();
        for (int t = 0; t < tables.tableCount(); t++) {
            if (!ValType.FuncRef.equals(tables.getTable(t).elementType())) {
                throw new InvalidModuleException("table " + t + ": only funcref tables are allowed");
            }
        }
        if (m.startSection().isPresent()) {
            throw new InvalidModuleException("start function is not allowed: contracts run only through '"
                    + HostApi.ENTRY + "'");
        }
        if (m.tagSection().isPresent()) {
            throw new InvalidModuleException("tag section is not allowed: exceptions are not supported");
        }
        int importedFunctions = imports.count(ExternalType.FUNCTION);
        var code = m.codeSection();
        for (int f = 0; f < code.functionBodyCount(); f++) {
            checkBody(bytes, code.getFunctionBody(f), importedFunctions + f);
        }
        checkEntry(m, importedFunctions);
    }

    private static void checkBody(byte[] bytes, FunctionBody body, int funcIndex) {
        String where = "function " + funcIndex;
        checkValueTypes(body.localTypes(), where + " local");
        for (Instruction ins : body.instructions()) {
            OpCode op = ins.opcode();
            if (!ALLOWED.contains(op)) {
                throw new InvalidModuleException(where + ": opcode " + op + " at byte " + ins.address()
                        + " is not allowed (" + category(op) + ")");
            }
            if (op == OpCode.BLOCK || op == OpCode.LOOP || op == OpCode.IF) {
                int blockType = bytes[ins.address() + 1] & 0xFF;
                // 0x40 empty, 0x7f i32, 0x7e i64; a non-negative s33 type index starts below 0x40 or
                // with the continuation bit; every other single byte is a non-integer value type.
                boolean ok = blockType == 0x40 || blockType == 0x7F || blockType == 0x7E || blockType < 0x40
                        || blockType >= 0x80;
                if (!ok) {
                    throw new InvalidModuleException(where + ": " + op + " at byte " + ins.address()
                            + " has block type 0x" + Integer.toHexString(blockType)
                            + "; only i32 and i64 values are allowed");
                }
            }
        }
    }

    private static void checkEntry(WasmModule m, int importedFunctions) {
        var exports = m.exportSection();
        for (int e = 0; e < exports.exportCount(); e++) {
            Export export = exports.getExport(e);
            if (HostApi.ENTRY.equals(export.name())) {
                if (export.exportType() != ExternalType.FUNCTION) {
                    throw new InvalidModuleException("export '" + HostApi.ENTRY + "' must be a function");
                }
                int index = export.index();
                FunctionType type = index < importedFunctions
                        ? m.typeSection().getType(((FunctionImport) m.importSection().getImport(index)).typeIndex())
                        : m.typeSection().getType(m.functionSection().getFunctionType(index - importedFunctions));
                if (!type.equals(HostApi.ENTRY_TYPE)) {
                    throw new InvalidModuleException("export '" + HostApi.ENTRY + "' has type " + type
                            + "; it must be () -> i32");
                }
                return;
            }
        }
        throw new InvalidModuleException("export '" + HostApi.ENTRY + "' is missing: every contract exports "
                + "its entry function 'call: () -> i32'");
    }

    private static void checkValueTypes(List<ValType> types, String what) {
        for (int i = 0; i < types.size(); i++) {
            checkValueType(types.get(i), what + " " + i);
        }
    }

    private static void checkValueType(ValType type, String what) {
        if (!ValType.I32.equals(type) && !ValType.I64.equals(type)) {
            String kind = type.isFloatingPoint() ? "floating point is not deterministic" : "only i32 and i64 are allowed";
            throw new InvalidModuleException(what + " has type " + type.name() + " (" + kind + ")");
        }
    }

    private static String category(OpCode op) {
        String n = op.name();
        int code = op.opcode();
        if (n.contains("F32") || n.contains("F64")) {
            return "floating point is not deterministic";
        }
        if ((code >> 8) == 0xFD) {
            return "SIMD is not allowed";
        }
        if ((code >> 8) == 0xFE) {
            return "atomics are not allowed";
        }
        if ((code >> 8) == 0xFB || n.startsWith("REF_") || n.startsWith("BR_ON")) {
            return "reference and GC instructions are not allowed";
        }
        if (n.startsWith("THROW") || n.startsWith("TRY") || n.equals("CATCH") || n.startsWith("DELEGATE")
                || n.startsWith("RETHROW")) {
            return "exceptions are not allowed";
        }
        if (n.startsWith("RETURN_CALL") || n.equals("CALL_REF")) {
            return "tail calls and typed function references are not allowed";
        }
        return "not in the contract instruction allow-list";
    }

    private static Set<OpCode> allowed() {
        EnumSet<OpCode> set = EnumSet.noneOf(OpCode.class);
        for (String name : List.of("UNREACHABLE", "NOP", "BLOCK", "LOOP", "IF", "ELSE", "END", "BR", "BR_IF",
                "BR_TABLE", "RETURN", "CALL", "CALL_INDIRECT", "DROP", "SELECT", "LOCAL_GET", "LOCAL_SET",
                "LOCAL_TEE", "GLOBAL_GET", "GLOBAL_SET", "I32_LOAD", "I64_LOAD", "I32_LOAD8_S", "I32_LOAD8_U",
                "I32_LOAD16_S", "I32_LOAD16_U", "I64_LOAD8_S", "I64_LOAD8_U", "I64_LOAD16_S", "I64_LOAD16_U",
                "I64_LOAD32_S", "I64_LOAD32_U", "I32_STORE", "I64_STORE", "I32_STORE8", "I32_STORE16",
                "I64_STORE8", "I64_STORE16", "I64_STORE32", "MEMORY_SIZE", "MEMORY_GROW", "I32_CONST",
                "I64_CONST", "I32_WRAP_I64", "I64_EXTEND_I32_S", "I64_EXTEND_I32_U", "I32_EXTEND_8_S",
                "I32_EXTEND_16_S", "I64_EXTEND_8_S", "I64_EXTEND_16_S", "I64_EXTEND_32_S")) {
            set.add(OpCode.valueOf(name));
        }
        for (OpCode op : OpCode.values()) {
            int c = op.opcode();
            boolean comparison = c >= 0x45 && c <= 0x5A;
            boolean arithmetic = c >= 0x67 && c <= 0x8A;
            if (comparison || arithmetic) {
                set.add(op);
            }
        }
        return Set.copyOf(set);
    }
}
