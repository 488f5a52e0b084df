package io.zklayer.zk.ml;

import io.zklayer.primitives.model.OutputSpec;
import io.zklayer.zk.ZkFormatException;
import io.zklayer.zk.field.Fr;
import java.util.ArrayList;
import java.util.List;

/**
 * The public signals of a model circuit proof, rebuilt by a verifier from what it knows: the output
 * bytes (encoded as {@link OutputSpec} says), the registered weight commitment and the input bytes. The
 * order is outputs first (circom's layout), then the weight commitment, then the input commitment:
 * <ul>
 *   <li>logits: one signal per value, the signed int as a field element (−2 → p − 2);</li>
 *   <li>argmax: one signal, the class index ({@code 07000000} → 7);</li>
 *   <li>threshold: one signal, 0 or 1.</li>
 * </ul>
 * For the digits model (argmax) and output {@code 07000000} this is {@code [7, weightCommitment,
 * InputCommitment.of(input)]}.
 */
public final class ModelPublicSignals {
    private ModelPublicSignals() {}

    /**
     * Returns the public signals for a claimed {@code output} of the model committed to by
     * {@code weightCommitment} on {@code input}.
     *
     * @throws ZkFormatException if the output bytes are not a valid encoding under {@code spec}
     */
    public static List<Fr> of(OutputSpec spec, byte[] output, Fr weightCommitment, byte[] input) {
        List<Fr> signals = new ArrayList<>(outputSignals(spec, output));
        signals.add(weightCommitment);
        signals.add(InputCommitment.of(input));
        return List.copyOf(signals);
    }

    /**
     * Returns the output part of the public signals.
     *
     * @throws ZkFormatException naming the rule the output bytes break
     */
    public static List<Fr> outputSignals(OutputSpec spec, byte[] output) {
        if (spec instanceof OutputSpec.Logits) {
            if (output.length == 0 || output.length % 4 != 0) {
                throw new ZkFormatException("model output: logits need a non-zero multiple of 4 bytes, got " + output.length);
            }
            List<Fr> out = new ArrayList<>(output.length / 4);
            for (int k = 0; k < output.length; k += 4) {
                out.add(Fr.of(intLe(output, k)));
            }
            return out;
        }
        if (spec instanceof OutputSpec.ArgMax) {
            if (output.length != 4) {
                throw new ZkFormatException("model output: argmax needs 4 bytes (u32 LE), got " + output.length);
            }
            return List.of(Fr.of(Integer.toUnsignedLong(intLe(output, 0))));
        }
        if (output.length != 1 || (output[0] != 0 && output[0] != 1)) {
            throw new ZkFormatException("model output: threshold needs the single byte 00 or 01, got " + output.length
                    + " byte(s)" + (output.length == 1 ? " 0x" + String.format("%02x", output[0]) : ""));
        }
        return List.of(Fr.of(output[0]));
    }

    private static int intLe(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }
}
