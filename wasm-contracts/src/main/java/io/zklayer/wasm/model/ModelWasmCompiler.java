package io.zklayer.wasm.model;

import io.zklayer.primitives.model.Dense;
import io.zklayer.primitives.model.Layer;
import io.zklayer.primitives.model.OutputSpec;
import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.wasm.binary.Op;
import io.zklayer.wasm.binary.WasmBuffer;
import io.zklayer.wasm.engine.HostApi;

/**
 * Emits a Wasm contract computing a quantized model exactly as
 * {@link io.zklayer.primitives.model.ReferenceExecutor} does, with i32/i64 instructions only.
 *
 * <p>Exports:
 * <ul>
 *   <li>{@code infer(in_ptr i32, in_len i32, out_ptr i32) -> i32 status}: reads {@code in_len}
 *       signed input bytes at {@code in_ptr}, writes the encoded output at {@code out_ptr}.
 *       Status 0 = success, 1 = wrong input length, 2 = an input value outside the range (nothing
 *       is written then);</li>
 *   <li>{@code call() -> i32}: the engine entry: copies the input to {@code inputPtr} with
 *       {@code env.input_read}, runs {@code infer} and passes the output to
 *       {@code env.output_write}; returns infer's status;</li>
 *   <li>{@code memory}.</li>
 * </ul>
 *
 * <p>Memory layout (byte addresses, each region 8-aligned, memory fixed at its initial size):
 * <pre>
 *   [0, 16)                 reserved
 *   [16, 16+n)              input bytes (n = input size)             inputPtr = 16
 *   [outputPtr, +outLen)    output bytes
 *   [act, act+4w)           activation buffer A, int32 LE (w = widest vector)
 *   [act+4w, act+8w)        activation buffer B
 *   [params, ...)           per dense layer: weights i8[outputs·inputs] row-major, padded to 4,
 *                           then bias i32 LE [outputs]  (the only data segment)
 * </pre>
 * Layers alternate between buffers A and B; requantization constants are immediates in the code.
 * The accumulation uses wrapping i64 arithmetic, which equals the reference's checked arithmetic
 * because model validation bounds every intermediate below 2^63.
 */
public final class ModelWasmCompiler {
    private static final int T_INFER = 0;
    private static final int T_CALL = 1;
    private static final int T_INPUT_SIZE = 2;
    private static final int T_INPUT_READ = 3;
    private static final int T_OUTPUT_WRITE = 4;
    private static final int F_INPUT_SIZE = 0;
    private static final int F_INPUT_READ = 1;
    private static final int F_OUTPUT_WRITE = 2;
    private static final int F_INFER = 3;
    private static final int F_CALL = 4;

    // infer locals
    private static final int IN_PTR = 0;
    private static final int IN_LEN = 1;
    private static final int OUT_PTR = 2;
    private static final int I = 3;
    private static final int J = 4;
    private static final int X = 5;
    private static final int ROW = 6;
    private static final int ACC = 7;
    private static final int BEST = 8;

    private ModelWasmCompiler() {
    }

    /** Compiles {@code model} to a contract. */
    public static ModelWasm compile(QuantizedModel model) {
        int n = model.input().size();
        int width = n;
        for (Layer l : model.layers()) {
            if (l instanceof Dense d) {
                width = Math.max(width, d.outputs());
            }
        }
        int outLen = model.outputByteLength();
        int inputPtr = 16;
        int outputPtr = align8(inputPtr + n);
        int act = align8(outputPtr + outLen);
        int paramsPtr = align8(act + 8 * width);
        WasmBuffer params = new WasmBuffer();
        for (Layer l : model.layers()) {
            if (l instanceof Dense d) {
                params.raw(d.weights());
                while (params.size() % 4 != 0) {
                    params.u8(0);
                }
                for (int b : d.bias()) {
                    params.raw(new byte[] {(byte) b, (byte) (b >>> 8), (byte) (b >>> 16), (byte) (b >>> 24)});
                }
            }
        }
        long total = (long) paramsPtr + params.size();
        int pages = (int) Math.max(1, (total + 65535) / 65536);

        WasmBuffer m = new WasmBuffer().raw(new byte[] {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00});
        WasmBuffer types = new WasmBuffer().u32(5);
        types.u8(0x60).u32(3).u8(Op.I32).u8(Op.I32).u8(Op.I32).u32(1).u8(Op.I32);
        types.u8(0x60).u32(0).u32(1).u8(Op.I32);
        types.u8(0x60).u32(0).u32(1).u8(Op.I32);
        types.u8(0x60).u32(1).u8(Op.I32).u32(0);
        types.u8(0x60).u32(2).u8(Op.I32).u8(Op.I32).u32(0);
        m.section(1, types);
        WasmBuffer imports = new WasmBuffer().u32(3);
        imports.name(HostApi.MODULE).name(HostApi.INPUT_SIZE).u8(0).u32(T_INPUT_SIZE);
        imports.name(HostApi.MODULE).name(HostApi.INPUT_READ).u8(0).u32(T_INPUT_READ);
        imports.name(HostApi.MODULE).name(HostApi.OUTPUT_WRITE).u8(0).u32(T_OUTPUT_WRITE);
        m.section(2, imports);
        m.section(3, new WasmBuffer().u32(2).u32(T_INFER).u32(T_CALL));
        m.section(5, new WasmBuffer().u32(1).u8(1).u32(pages).u32(pages));
        WasmBuffer exports = new WasmBuffer().u32(3);
        exports.name("memory").u8(2).u32(0);
        exports.name("infer").u8(0).u32(F_INFER);
        exports.name(HostApi.ENTRY).u8(0).u32(F_CALL);
        m.section(7, exports);
        WasmBuffer code = new WasmBuffer().u32(2);
        code.sized(infer(model, act, width, paramsPtr));
        code.sized(call(n, inputPtr, outputPtr, outLen));
        m.section(10, code);
        WasmBuffer data = new WasmBuffer().u32(1);
        data.u32(0).u8(Op.I32_CONST).s32(paramsPtr).u8(Op.END).sized(params);
        m.section(11, data);
        return new ModelWasm(m.toByteArray(), inputPtr, outputPtr, outLen, act, paramsPtr, pages);
    }

    private static WasmBuffer infer(QuantizedModel model, int act, int width, int paramsPtr) {
        int n = model.input().size();
        WasmBuffer b = new WasmBuffer();
        b.u32(3).u32(4).u8(Op.I32).u32(1).u8(Op.I64).u32(1).u8(Op.I32);
        // status 1: wrong length
        b.u8(Op.LOCAL_GET).u32(IN_LEN).u8(Op.I32_CONST).s32(n).u8(Op.I32_NE);
        returnIf(b, 1);
        // widen and range-check the input into buffer A
        final int bufferA = act;
        int src = act;
        int dst = act + 4 * width;
        forLoop(b, I, n, () -> {
            b.u8(Op.LOCAL_GET).u32(IN_PTR).u8(Op.LOCAL_GET).u32(I).u8(Op.I32_ADD)
                    .u8(Op.I32_LOAD8_S).u32(0).u32(0).u8(Op.LOCAL_SET).u32(X);
            b.u8(Op.LOCAL_GET).u32(X).u8(Op.I32_CONST).s32(model.input().min()).u8(Op.I32_LT_S)
                    .u8(Op.LOCAL_GET).u32(X).u8(Op.I32_CONST).s32(model.input().max()).u8(Op.I32_GT_S).u8(Op.I32_OR);
            returnIf(b, 2);
            b.u8(Op.LOCAL_GET).u32(I).u8(Op.I32_CONST).s32(2).u8(Op.I32_SHL).u8(Op.LOCAL_GET).u32(X)
                    .u8(Op.I32_STORE).u32(2).u32(bufferA);
        });
        int params = paramsPtr;
        for (Layer l : model.layers()) {
            if (l instanceof Dense d) {
                int weights = params;
                int bias = align4(weights + d.inputs() * d.outputs());
                dense(b, d, src, dst, weights, bias);
                params = bias + 4 * d.outputs();
                int t = src;
                src = dst;
                dst = t;
            }
        }
        output(b, model.output(), model.finalSize(), src);
        b.u8(Op.I32_CONST).s32(0).u8(Op.END);
        return b;
    }

    private static void dense(WasmBuffer b, Dense d, int src, int dst, int weights, int bias) {
        forLoop(b, J, d.outputs(), () -> {
            b.u8(Op.LOCAL_GET).u32(J).u8(Op.I32_CONST).s32(d.inputs()).u8(Op.I32_MUL)
                    .u8(Op.I32_CONST).s32(weights).u8(Op.I32_ADD).u8(Op.LOCAL_SET).u32(ROW);
            b.u8(Op.LOCAL_GET).u32(J).u8(Op.I32_CONST).s32(2).u8(Op.I32_SHL).u8(Op.I32_LOAD).u32(2).u32(bias)
                    .u8(Op.I64_EXTEND_I32_S).u8(Op.LOCAL_SET).u32(ACC);
            forLoop(b, I, d.inputs(), () -> {
                b.u8(Op.LOCAL_GET).u32(ACC)
                        .u8(Op.LOCAL_GET).u32(ROW).u8(Op.LOCAL_GET).u32(I).u8(Op.I32_ADD)
                        .u8(Op.I32_LOAD8_S).u32(0).u32(0).u8(Op.I64_EXTEND_I32_S)
                        .u8(Op.LOCAL_GET).u32(I).u8(Op.I32_CONST).s32(2).u8(Op.I32_SHL)
                        .u8(Op.I32_LOAD).u32(2).u32(src).u8(Op.I64_EXTEND_I32_S)
                        .u8(Op.I64_MUL).u8(Op.I64_ADD).u8(Op.LOCAL_SET).u32(ACC);
            });
            b.u8(Op.LOCAL_GET).u32(ACC).u8(Op.I64_CONST).s64(d.multiplier()).u8(Op.I64_MUL);
            if (d.shift() > 0) {
                b.u8(Op.I64_CONST).s64(1L << (d.shift() - 1)).u8(Op.I64_ADD)
                        .u8(Op.I64_CONST).s64(d.shift()).u8(Op.I64_SHR_S);
            }
            b.u8(Op.LOCAL_SET).u32(ACC);
            if (d.relu()) {
                clampLow(b, 0);
            }
            clampLow(b, d.clampMin());
            b.u8(Op.LOCAL_GET).u32(ACC).u8(Op.I64_CONST).s64(d.clampMax()).u8(Op.I64_GT_S)
                    .u8(Op.IF).u8(Op.EMPTY_BLOCK).u8(Op.I64_CONST).s64(d.clampMax()).u8(Op.LOCAL_SET).u32(ACC)
                    .u8(Op.END);
            b.u8(Op.LOCAL_GET).u32(J).u8(Op.I32_CONST).s32(2).u8(Op.I32_SHL)
                    .u8(Op.LOCAL_GET).u32(ACC).u8(Op.I32_WRAP_I64).u8(Op.I32_STORE).u32(2).u32(dst);
        });
    }

    private static void clampLow(WasmBuffer b, long low) {
        b.u8(Op.LOCAL_GET).u32(ACC).u8(Op.I64_CONST).s64(low).u8(Op.I64_LT_S)
                .u8(Op.IF).u8(Op.EMPTY_BLOCK).u8(Op.I64_CONST).s64(low).u8(Op.LOCAL_SET).u32(ACC).u8(Op.END);
    }

    private static void output(WasmBuffer b, OutputSpec spec, int m, int src) {
        if (spec instanceof OutputSpec.Logits) {
            forLoop(b, I, m, () -> b.u8(Op.LOCAL_GET).u32(OUT_PTR)
                    .u8(Op.LOCAL_GET).u32(I).u8(Op.I32_CONST).s32(2).u8(Op.I32_SHL).u8(Op.I32_ADD)
                    .u8(Op.LOCAL_GET).u32(I).u8(Op.I32_CONST).s32(2).u8(Op.I32_SHL).u8(Op.I32_LOAD).u32(2).u32(src)
                    .u8(Op.I32_STORE).u32(0).u32(0));
        } else if (spec instanceof OutputSpec.ArgMax) {
            b.u8(Op.I32_CONST).s32(0).u8(Op.LOCAL_SET).u32(BEST);
            b.u8(Op.I32_CONST).s32(0).u8(Op.I32_LOAD).u32(2).u32(src).u8(Op.LOCAL_SET).u32(X);
            forLoop(b, I, m, () -> {
                b.u8(Op.LOCAL_GET).u32(I).u8(Op.I32_CONST).s32(2).u8(Op.I32_SHL).u8(Op.I32_LOAD).u32(2).u32(src)
                        .u8(Op.LOCAL_TEE).u32(J).u8(Op.LOCAL_GET).u32(X).u8(Op.I32_GT_S)
                        .u8(Op.IF).u8(Op.EMPTY_BLOCK)
                        .u8(Op.LOCAL_GET).u32(J).u8(Op.LOCAL_SET).u32(X)
                        .u8(Op.LOCAL_GET).u32(I).u8(Op.LOCAL_SET).u32(BEST)
                        .u8(Op.END);
            });
            b.u8(Op.LOCAL_GET).u32(OUT_PTR).u8(Op.LOCAL_GET).u32(BEST).u8(Op.I32_STORE).u32(0).u32(0);
        } else {
            OutputSpec.Threshold t = (OutputSpec.Threshold) spec;
            b.u8(Op.LOCAL_GET).u32(OUT_PTR)
                    .u8(Op.I32_CONST).s32(0).u8(Op.I32_LOAD).u32(2).u32(src + 4 * t.index())
                    .u8(Op.I32_CONST).s32(t.threshold()).u8(Op.I32_GE_S)
                    .u8(Op.I32_STORE8).u32(0).u32(0);
        }
    }

    private static WasmBuffer call(int n, int inputPtr, int outputPtr, int outLen) {
        final int len = 0;
        final int status = 1;
        WasmBuffer b = new WasmBuffer();
        b.u32(1).u32(2).u8(Op.I32);
        b.u8(Op.CALL).u32(F_INPUT_SIZE).u8(Op.LOCAL_SET).u32(len);
        b.u8(Op.LOCAL_GET).u32(len).u8(Op.I32_CONST).s32(n).u8(Op.I32_NE);
        returnIf(b, 1);
        b.u8(Op.I32_CONST).s32(inputPtr).u8(Op.CALL).u32(F_INPUT_READ);
        b.u8(Op.I32_CONST).s32(inputPtr).u8(Op.LOCAL_GET).u32(len).u8(Op.I32_CONST).s32(outputPtr)
                .u8(Op.CALL).u32(F_INFER).u8(Op.LOCAL_TEE).u32(status)
                .u8(Op.IF).u8(Op.EMPTY_BLOCK).u8(Op.LOCAL_GET).u32(status).u8(Op.RETURN).u8(Op.END);
        b.u8(Op.I32_CONST).s32(outputPtr).u8(Op.I32_CONST).s32(outLen).u8(Op.CALL).u32(F_OUTPUT_WRITE);
        b.u8(Op.I32_CONST).s32(0).u8(Op.END);
        return b;
    }

    /** Emits {@code if (top of stack) return status}. */
    private static void returnIf(WasmBuffer b, int status) {
        b.u8(Op.IF).u8(Op.EMPTY_BLOCK).u8(Op.I32_CONST).s32(status).u8(Op.RETURN).u8(Op.END);
    }

    /**
     * Emits {@code local = 0; do { body; local++; } while (local < count)}, for {@code count >= 1}
     * (every dimension is at least 1): one basic block, hence one gas charge, per iteration.
     */
    private static void forLoop(WasmBuffer b, int local, int count, Runnable body) {
        if (count < 1) {
            throw new IllegalStateException("loop count must be positive, got " + count);
        }
        b.u8(Op.I32_CONST).s32(0).u8(Op.LOCAL_SET).u32(local);
        b.u8(Op.LOOP).u8(Op.EMPTY_BLOCK);
        body.run();
        b.u8(Op.LOCAL_GET).u32(local).u8(Op.I32_CONST).s32(1).u8(Op.I32_ADD).u8(Op.LOCAL_TEE).u32(local)
                .u8(Op.I32_CONST).s32(count).u8(Op.I32_LT_U).u8(Op.BR_IF).u32(0);
        b.u8(Op.END);
    }

    private static int align8(int v) {
        return (v + 7) & ~7;
    }

    private static int align4(int v) {
        return (v + 3) & ~3;
    }
}
