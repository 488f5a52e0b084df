package io.zklayer.primitives.model;

import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.codec.ScaleReader;
import io.zklayer.primitives.codec.ScaleWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary model file ({@code .zkm}), version 1, in SCALE:
 *
 * <pre>
 *   magic    [4]        "ZKLM" = 5a 4b 4c 4d
 *   version  u16        01 00
 *   input    shape: Vec&lt;u32&gt;, min: i32, max: i32
 *   layers   Vec&lt;Layer&gt;, each a tag byte then its fields:
 *            0x00 Dense   inputs u32, outputs u32, weights [i8; outputs·inputs] (no length prefix),
 *                         bias [i32; outputs], multiplier i32, shift u8, relu bool,
 *                         clampMin i32, clampMax i32
 *            0x01 Flatten (no fields)
 *   output   tag byte: 0x00 Logits | 0x01 ArgMax | 0x02 Threshold index u32, threshold i32
 * </pre>
 *
 * <p>A model with input {@code [2]} in [0, 16], one Dense 2→1 with weights {@code [1, -1]},
 * bias {@code [0]}, multiplier 1, shift 0, no ReLU, clamp [-128, 127], output Logits encodes as
 * {@code 5a4b4c4d 0100 04 02000000 00000000 10000000 04 00 02000000 01000000 01ff 00000000
 * 01000000 00 00 80ffffff 7f000000 00}.
 *
 * <p>Decoding bounds every length by the remaining bytes before allocating, rejects trailing
 * bytes, and re-checks every rule of the model types; failures are {@link ModelFormatException}s
 * naming the field and byte offset.
 */
public final class ModelCodec {
    /** The four magic bytes "ZKLM". */
    public static final byte[] MAGIC = {0x5a, 0x4b, 0x4c, 0x4d};
    /** The format version this codec reads and writes. */
    public static final int VERSION = 1;

    private static final int TAG_DENSE = 0;
    private static final int TAG_FLATTEN = 1;
    private static final int TAG_LOGITS = 0;
    private static final int TAG_ARGMAX = 1;
    private static final int TAG_THRESHOLD = 2;

    private ModelCodec() {
    }

    /** Returns the binary form of {@code model}. */
    public static byte[] encode(QuantizedModel model) {
        ScaleWriter w = new ScaleWriter();
        w.raw(MAGIC).u16(VERSION);
        w.compact(model.input().shape().size());
        for (int d : model.input().shape()) {
            w.u32(d);
        }
        w.i32(model.input().min()).i32(model.input().max());
        w.compact(model.layers().size());
        for (Layer layer : model.layers()) {
            if (layer instanceof Dense d) {
                w.u8(TAG_DENSE).u32(d.inputs()).u32(d.outputs()).raw(d.weights());
                for (int b : d.bias()) {
                    w.i32(b);
                }
                w.i32(d.multiplier()).u8(d.shift()).bool(d.relu()).i32(d.clampMin()).i32(d.clampMax());
            } else {
                w.u8(TAG_FLATTEN);
            }
        }
        OutputSpec out = model.output();
        if (out instanceof OutputSpec.Logits) {
            w.u8(TAG_LOGITS);
        } else if (out instanceof OutputSpec.ArgMax) {
            w.u8(TAG_ARGMAX);
        } else if (out instanceof OutputSpec.Threshold t) {
            w.u8(TAG_THRESHOLD).u32(t.index()).i32(t.threshold());
        }
        return w.toByteArray();
    }

    /** Parses and checks a model file. */
    public static QuantizedModel decode(byte[] bytes) {
        ScaleReader r = new ScaleReader(bytes);
        try {
            byte[] magic = r.raw(Math.min(4, bytes.length), "magic");
            if (magic.length < 4 || !java.util.Arrays.equals(magic, MAGIC)) {
                throw new ModelFormatException("model file: bad magic at byte 0, expected \"ZKLM\" (5a4b4c4d)");
            }
            int version = r.u16();
            if (version != VERSION) {
                throw new ModelFormatException("model file: version " + version + " at byte 4 is not supported (expected "
                        + VERSION + ")");
            }
            InputSpec input = readInput(r);
            int count = r.length("layers", 1);
            if (count > QuantizedModel.MAX_LAYERS) {
                throw new ModelFormatException("model file: " + count + " layers exceed the limit of "
                        + QuantizedModel.MAX_LAYERS);
            }
            List<Layer> layers = new ArrayList<>(count);
            for (int l = 0; l < count; l++) {
                layers.add(readLayer(r, l));
            }
            OutputSpec output = readOutput(r);
            r.expectEnd("model file");
            return new QuantizedModel(input, layers, output);
        } catch (ScaleDecodeException e) {
            throw new ModelFormatException("model file: " + e.getMessage(), e);
        }
    }

    private static InputSpec readInput(ScaleReader r) {
        int at = r.position();
        int rank = r.length("input shape", 4);
        if (rank > InputSpec.MAX_RANK) {
            throw new ModelFormatException("model file: input rank " + rank + " at byte " + at + " exceeds "
                    + InputSpec.MAX_RANK);
        }
        List<Integer> shape = new ArrayList<>(rank);
        for (int i = 0; i < rank; i++) {
            shape.add(r.u32AsInt("input shape"));
        }
        return new InputSpec(shape, r.i32(), r.i32());
    }

    private static Layer readLayer(ScaleReader r, int index) {
        int at = r.position();
        int tag = r.u8();
        if (tag == TAG_FLATTEN) {
            return new Flatten();
        }
        if (tag != TAG_DENSE) {
            throw new ModelFormatException("model file: layer " + index + " at byte " + at + " has unknown tag " + tag);
        }
        int inputs = r.u32AsInt("dense inputs");
        int outputs = r.u32AsInt("dense outputs");
        if (inputs < 1 || inputs > Dense.MAX_WIDTH || outputs < 1 || outputs > Dense.MAX_WIDTH) {
            throw new ModelFormatException("model file: layer " + index + " at byte " + at + ": inputs " + inputs
                    + " and outputs " + outputs + " must be in [1, " + Dense.MAX_WIDTH + "]");
        }
        long weightBytes = (long) inputs * outputs;
        if (weightBytes + 4L * outputs > r.remaining()) {
            throw new ModelFormatException("model file: layer " + index + " at byte " + r.position() + " needs "
                    + (weightBytes + 4L * outputs) + " bytes of weights and biases but " + r.remaining() + " remain");
        }
        byte[] weights = r.raw((int) weightBytes, "dense weights");
        int[] bias = new int[outputs];
        for (int j = 0; j < outputs; j++) {
            bias[j] = r.i32();
        }
        int multiplier = r.i32();
        int shift = r.u8();
        boolean relu = r.bool();
        int lo = r.i32();
        int hi = r.i32();
        try {
            return new Dense(inputs, outputs, weights, bias, multiplier, shift, relu, lo, hi);
        } catch (ModelFormatException e) {
            throw new ModelFormatException("model file: layer " + index + " at byte " + at + ": " + e.getMessage(), e);
        }
    }

    private static OutputSpec readOutput(ScaleReader r) {
        int at = r.position();
        int tag = r.u8();
        switch (tag) {
            case TAG_LOGITS:
                return new OutputSpec.Logits();
            case TAG_ARGMAX:
                return new OutputSpec.ArgMax();
            case TAG_THRESHOLD:
                return new OutputSpec.Threshold(r.u32AsInt("threshold index"), r.i32());
            default:
                throw new ModelFormatException("model file: output at byte " + at + " has unknown tag " + tag);
        }
    }
}
