package io.zklayer.wasm.engine;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.List;
import java.util.Map;

/**
 * The only functions a contract may import, all from module {@code "env"}, and the entry point it
 * must export. Input and output travel through the contract's own linear memory:
 *
 * <pre>
 *   (import "env" "input_size"   (func (result i32)))            ;; length of the call input
 *   (import "env" "input_read"   (func (param i32)))             ;; copy the whole input to [ptr, ptr+len)
 *   (import "env" "output_write" (func (param i32 i32)))         ;; set the output to memory[ptr, ptr+len)
 *   (export "call" (func (result i32)))                          ;; entry: 0 = success, else failure status
 * </pre>
 *
 * <p>Each host call costs {@link GasSchedule#hostCall()} plus {@link GasSchedule#hostByte()} per byte
 * copied, charged before the copy. A copy outside memory, or an output larger than the engine's
 * limit, traps. A later {@code output_write} replaces the earlier output.
 */
public final class HostApi {
    /** Import module name of every host function. */
    public static final String MODULE = "env";
    /** {@code () -> i32}: the input length in bytes. */
    public static final String INPUT_SIZE = "input_size";
    /** {@code (ptr i32) -> ()}: copies the input into memory at {@code ptr}. */
    public static final String INPUT_READ = "input_read";
    /** {@code (ptr i32, len i32) -> ()}: sets the call output to {@code memory[ptr, ptr+len)}. */
    public static final String OUTPUT_WRITE = "output_write";
    /** Name of the exported entry function, of type {@code () -> i32}. */
    public static final String ENTRY = "call";

    /** Host function name → its exact type. */
    public static final Map<String, FunctionType> SIGNATURES = Map.of(
            INPUT_SIZE, FunctionType.of(List.of(), List.of(ValType.I32)),
            INPUT_READ, FunctionType.of(List.of(ValType.I32), List.of()),
            OUTPUT_WRITE, FunctionType.of(List.of(ValType.I32, ValType.I32), List.of()));

    /** Type of the entry function. */
    public static final FunctionType ENTRY_TYPE = FunctionType.of(List.of(), List.of(ValType.I32));

    private HostApi() {
    }

    /** Returns the import values bound to one call's input, output and gas. */
    static ImportValues bind(CallState state) {
        return ImportValues.builder()
                .addFunction(new HostFunction(MODULE, INPUT_SIZE, SIGNATURES.get(INPUT_SIZE),
                        (inst, args) -> inputSize(state, inst)))
                .addFunction(new HostFunction(MODULE, INPUT_READ, SIGNATURES.get(INPUT_READ),
                        (inst, args) -> inputRead(state, inst, (int) args[0])))
                .addFunction(new HostFunction(MODULE, OUTPUT_WRITE, SIGNATURES.get(OUTPUT_WRITE),
                        (inst, args) -> outputWrite(state, inst, (int) args[0], (int) args[1])))
                .build();
    }

    private static long[] inputSize(CallState state, Instance inst) {
        state.charge(inst, state.schedule().hostCall());
        return new long[] {state.input().length};
    }

    private static long[] inputRead(CallState state, Instance inst, int ptr) {
        byte[] input = state.input();
        state.charge(inst, state.schedule().hostCall() + state.schedule().hostByte() * input.length);
        checkRange(inst, ptr, input.length, INPUT_READ);
        inst.memory().write(ptr, input);
        return null;
    }

    private static long[] outputWrite(CallState state, Instance inst, int ptr, int len) {
        long ulen = Integer.toUnsignedLong(len);
        if (ulen > state.maxOutputBytes()) {
            throw new HostTrap(OUTPUT_WRITE + ": output of " + ulen + " bytes exceeds the limit of "
                    + state.maxOutputBytes());
        }
        state.charge(inst, state.schedule().hostCall() + state.schedule().hostByte() * ulen);
        checkRange(inst, ptr, len, OUTPUT_WRITE);
        state.setOutput(inst.memory().readBytes(ptr, len));
        return null;
    }

    private static void checkRange(Instance inst, int ptr, int len, String function) {
        long end = Integer.toUnsignedLong(ptr) + Integer.toUnsignedLong(len);
        long memBytes = inst.memory() == null ? 0 : (long) inst.memory().pages() * 65536L;
        if (end > memBytes) {
            throw new HostTrap(function + ": range [" + Integer.toUnsignedLong(ptr) + ", " + end
                    + ") is outside memory of " + memBytes + " bytes");
        }
    }

    /** A trap raised by a host function; its message becomes the trap reason. */
    static final class HostTrap extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HostTrap(String reason) {
            super(reason, null, false, false);
        }
    }
}
