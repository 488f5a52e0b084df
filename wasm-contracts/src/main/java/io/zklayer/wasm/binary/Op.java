package io.zklayer.wasm.binary;

/**
 * Opcode bytes of the integer subset of WebAssembly that this module writes. Names follow the
 * text format: {@code I64_SUB} is {@code i64.sub} (byte {@code 0x7d}).
 */
public final class Op {
    public static final int UNREACHABLE = 0x00;
    public static final int BLOCK = 0x02;
    public static final int LOOP = 0x03;
    public static final int IF = 0x04;
    public static final int ELSE = 0x05;
    public static final int END = 0x0B;
    public static final int BR = 0x0C;
    public static final int BR_IF = 0x0D;
    public static final int RETURN = 0x0F;
    public static final int CALL = 0x10;
    public static final int DROP = 0x1A;
    public static final int LOCAL_GET = 0x20;
    public static final int LOCAL_SET = 0x21;
    public static final int LOCAL_TEE = 0x22;
    public static final int GLOBAL_GET = 0x23;
    public static final int GLOBAL_SET = 0x24;
    public static final int I32_LOAD = 0x28;
    public static final int I32_LOAD8_S = 0x2C;
    public static final int I32_STORE = 0x36;
    public static final int I32_STORE8 = 0x3A;
    public static final int I32_CONST = 0x41;
    public static final int I64_CONST = 0x42;
    public static final int I32_EQZ = 0x45;
    public static final int I32_NE = 0x47;
    public static final int I32_LT_S = 0x48;
    public static final int I32_LT_U = 0x49;
    public static final int I32_GT_S = 0x4A;
    public static final int I32_GT_U = 0x4B;
    public static final int I32_GE_S = 0x4E;
    public static final int I32_GE_U = 0x4F;
    public static final int I64_LT_S = 0x53;
    public static final int I64_GT_S = 0x55;
    public static final int I64_GE_S = 0x59;
    public static final int I32_ADD = 0x6A;
    public static final int I32_SUB = 0x6B;
    public static final int I32_MUL = 0x6C;
    public static final int I32_OR = 0x72;
    public static final int I32_SHL = 0x74;
    public static final int I64_ADD = 0x7C;
    public static final int I64_SUB = 0x7D;
    public static final int I64_MUL = 0x7E;
    public static final int I64_SHR_S = 0x87;
    public static final int I32_WRAP_I64 = 0xA7;
    public static final int I64_EXTEND_I32_S = 0xAC;
    public static final int I64_EXTEND_I32_U = 0xAD;

    /** Block type byte of a block without results ({@code 0x40}). */
    public static final int EMPTY_BLOCK = 0x40;
    /** Value type byte of i32. */
    public static final int I32 = 0x7F;
    /** Value type byte of i64. */
    public static final int I64 = 0x7E;

    private Op() {
    }
}
