package io.zklayer.zk.ml;

import io.zklayer.primitives.model.Dense;
import io.zklayer.primitives.model.InputSpec;
import io.zklayer.primitives.model.Layer;
import io.zklayer.primitives.model.OutputSpec;
import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.r1cs.LinearCombination;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the constraints and witness of one model run. The sequence of wires and constraints depends
 * only on the architecture; the weights, biases and input only decide the witness values. Steps:
 * <ol>
 *   <li>public signals: the outputs, then the weight commitment, then the input commitment;</li>
 *   <li>input: each x = min + Σ bits (x − min), plus bits of max − x when max − min + 1 is not a power
 *       of two, so x ∈ [min, max]; lanes x + 128 packed and hashed into the input commitment;</li>
 *   <li>dense layers: weights as 8 bits (w + 128), biases as 32 bits (b + 2^31), packed into the weight
 *       commitment; acc = b + Σ w·x (one product per weight); t = acc·multiplier; for shift s &gt; 0 the
 *       remainder r ∈ [0, 2^s) as s bits and y = (t + 2^(s−1) − r) / 2^s, i.e.
 *       y·2^s ≤ t + 2^(s−1) &lt; (y + 1)·2^s; then m = max(y, L) with L = relu ? max(0, clampMin) :
 *       clampMin, and z = min(m, clampMax), each from a sign test that offsets the difference into a
 *       non-negative range before bit decomposition;</li>
 *   <li>output: logits equal the public signals; argmax keeps the first strict maximum with one sign test
 *       and two selects per class; threshold is the sign test of a[index] − threshold.</li>
 * </ol>
 */
final class ModelSynthesis {
    private static final BigInteger I8_ABS_MAX = BigInteger.valueOf(128);
    private static final BigInteger I32_ABS_MAX = BigInteger.ONE.shiftLeft(31);

    /** The written circuit and, per layer, its output activations (Flatten repeats its input). */
    record Result(CircuitWriter writer, List<List<LinearCombination>> layerOutputs) {}

    private final CircuitWriter c = new CircuitWriter();
    private final LanePacker weightPacker = new LanePacker();
    private final List<LinearCombination> weightElements = new ArrayList<>();
    private long weightCount;

    private ModelSynthesis() {}

    /** Returns the circuit for {@code model} run on checked {@code input} values with the given public signals. */
    static Result run(QuantizedModel model, int[] input, List<Fr> publicSignals) {
        return new ModelSynthesis().write(model, input, publicSignals);
    }

    /** Returns how many output signals the model's circuit has. */
    static int outputSignalCount(QuantizedModel model) {
        return model.output() instanceof OutputSpec.Logits ? model.finalSize() : 1;
    }

    private Result write(QuantizedModel model, int[] input, List<Fr> publicSignals) {
        int outputs = outputSignalCount(model);
        if (publicSignals.size() != outputs + 2) {
            throw new IllegalArgumentException("circuit: model needs " + (outputs + 2) + " public signals, got " + publicSignals.size());
        }
        List<LinearCombination> pub = new ArrayList<>();
        for (Fr s : publicSignals) {
            pub.add(c.publicInput(s));
        }
        List<LinearCombination> x = inputs(model.input(), input, pub.get(outputs + 1));
        Interval range = Interval.of(model.input().min(), model.input().max());
        List<List<LinearCombination>> layerOutputs = new ArrayList<>();
        for (Layer layer : model.layers()) {
            if (layer instanceof Dense d) {
                x = dense(d, x, range, layerOutputs.size());
                range = denseOutputRange(d);
            }
            layerOutputs.add(x);
        }
        List<LinearCombination> elements = new ArrayList<>();
        for (LinearCombination e : weightElements) {
            elements.add(c.materialize(e));
        }
        c.assertEqual(PoseidonChain.hash(c.builder(), WeightCommitment.TAG, weightCount, elements), pub.get(outputs));
        output(model.output(), x, range, pub);
        return new Result(c, layerOutputs);
    }

    private List<LinearCombination> inputs(InputSpec spec, int[] input, LinearCombination commitment) {
        if (input.length != spec.size()) {
            throw new IllegalArgumentException("circuit: input has " + input.length + " values, model needs " + spec.size());
        }
        int span = spec.max() - spec.min();
        int width = 32 - Integer.numberOfLeadingZeros(span);
        boolean upperCheck = ((span + 1) & span) != 0;
        LanePacker packer = new LanePacker();
        List<LinearCombination> elements = new ArrayList<>();
        List<LinearCombination> xs = new ArrayList<>(input.length);
        for (int i = 0; i < input.length; i++) {
            String what = "input[" + i + "]";
            LinearCombination x = CircuitWriter.sumOfBits(c.bits(BigInteger.valueOf((long) input[i] - spec.min()), width, what + " - min"))
                    .addConstant(Fr.of(spec.min()));
            if (upperCheck) {
                LinearCombination[] up = c.bits(BigInteger.valueOf((long) spec.max() - input[i]), width, "max - " + what);
                c.assertEqual(CircuitWriter.constant(spec.max()).sub(x), CircuitWriter.sumOfBits(up));
            }
            addLane(packer, elements, x.addConstant(Fr.of(InputCommitment.INPUT_OFFSET)), InputCommitment.INPUT_BITS);
            xs.add(x);
        }
        List<LinearCombination> materialized = new ArrayList<>();
        for (LinearCombination e : elements) {
            materialized.add(c.materialize(e));
        }
        c.assertEqual(PoseidonChain.hash(c.builder(), InputCommitment.TAG, input.length, materialized), commitment);
        return xs;
    }

    private static void addLane(LanePacker packer, List<LinearCombination> elements, LinearCombination lane, int width) {
        int offset = packer.place(width);
        if (packer.currentElement() == elements.size()) {
            elements.add(LinearCombination.ZERO);
        }
        int e = packer.currentElement();
        elements.set(e, elements.get(e).add(lane.scale(CircuitWriter.pow2(offset))));
    }

    private List<LinearCombination> dense(Dense d, List<LinearCombination> x, Interval inRange, int layer) {
        int n = d.inputs();
        int m = d.outputs();
        byte[] weights = d.weights();
        int[] bias = d.bias();
        LinearCombination[] w = new LinearCombination[weights.length];
        for (int k = 0; k < weights.length; k++) {
            LinearCombination lane = CircuitWriter.sumOfBits(c.bits(BigInteger.valueOf(weights[k] + WeightCommitment.WEIGHT_OFFSET),
                    WeightCommitment.WEIGHT_BITS, "layer " + layer + " weight " + k + " + 128"));
            addLane(weightPacker, weightElements, lane, WeightCommitment.WEIGHT_BITS);
            w[k] = lane.addConstant(Fr.of(-WeightCommitment.WEIGHT_OFFSET));
        }
        LinearCombination[] b = new LinearCombination[m];
        for (int j = 0; j < m; j++) {
            LinearCombination lane = CircuitWriter.sumOfBits(c.bits(BigInteger.valueOf(bias[j] + WeightCommitment.BIAS_OFFSET),
                    WeightCommitment.BIAS_BITS, "layer " + layer + " bias " + j + " + 2^31"));
            addLane(weightPacker, weightElements, lane, WeightCommitment.BIAS_BITS);
            b[j] = lane.addConstant(Fr.of(-WeightCommitment.BIAS_OFFSET));
        }
        weightCount += weights.length + m;

        BigInteger mult = BigInteger.valueOf(d.multiplier());
        int s = d.shift();
        BigInteger half = s == 0 ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(s - 1);
        BigInteger accBound = I8_ABS_MAX.multiply(BigInteger.valueOf(n)).multiply(inRange.maxAbs()).add(I32_ABS_MAX);
        BigInteger tBound = accBound.multiply(mult);
        Interval yRange = new Interval(tBound.negate().add(half).shiftRight(s), tBound.add(half).shiftRight(s));
        BigInteger low = BigInteger.valueOf(d.relu() ? Math.max(0, d.clampMin()) : d.clampMin());
        BigInteger high = BigInteger.valueOf(d.clampMax());
        LinearCombination lowLc = CircuitWriter.constant(low);
        LinearCombination highLc = CircuitWriter.constant(high);
        Interval aboveLow = yRange.plus(low.negate());
        Interval mRange = new Interval(low, yRange.hi().max(low));
        Interval belowHigh = mRange.negate().plus(high);
        Fr invScale = CircuitWriter.pow2(s).inverse();

        List<LinearCombination> out = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            String what = "layer " + layer + " output " + j;
            LinearCombination sum = b[j];
            for (int i = 0; i < n; i++) {
                sum = sum.add(c.mul(w[j * n + i], x.get(i)));
            }
            LinearCombination acc = c.materialize(sum);
            LinearCombination t = acc.scale(Fr.of(d.multiplier()));
            LinearCombination y;
            if (s == 0) {
                y = t;
            } else {
                BigInteger tv = c.signedValue(acc).multiply(mult).add(half);
                BigInteger rv = tv.subtract(tv.shiftRight(s).shiftLeft(s));
                LinearCombination r = CircuitWriter.sumOfBits(c.bits(rv, s, what + " remainder"));
                y = t.addConstant(CircuitWriter.field(half)).sub(r).scale(invScale);
            }
            LinearCombination atLeastLow = c.isNonNegative(y.sub(lowLc), aboveLow, what + " y - low");
            LinearCombination mm = c.select(atLeastLow, y, lowLc);
            LinearCombination atMostHigh = c.isNonNegative(highLc.sub(mm), belowHigh, what + " high - max(y, low)");
            out.add(c.select(atMostHigh, mm, highLc));
        }
        return out;
    }

    /** Returns the range of a dense layer's outputs: [L, H], or just H when L &gt; H. */
    static Interval denseOutputRange(Dense d) {
        long low = d.relu() ? Math.max(0, d.clampMin()) : d.clampMin();
        return Interval.of(Math.min(low, d.clampMax()), d.clampMax());
    }

    private void output(OutputSpec spec, List<LinearCombination> a, Interval range, List<LinearCombination> pub) {
        if (spec instanceof OutputSpec.Logits) {
            for (int k = 0; k < a.size(); k++) {
                c.assertEqual(a.get(k), pub.get(k));
            }
        } else if (spec instanceof OutputSpec.ArgMax) {
            Interval gap = range.minus(range).plus(BigInteger.ONE.negate());
            LinearCombination best = a.get(0);
            LinearCombination index = LinearCombination.ZERO;
            for (int k = 1; k < a.size(); k++) {
                LinearCombination greater = c.isNonNegative(a.get(k).sub(best).addConstant(Fr.ONE.neg()), gap,
                        "argmax a[" + k + "] - best - 1");
                best = c.select(greater, a.get(k), best);
                index = c.select(greater, CircuitWriter.constant(k), index);
            }
            c.assertEqual(index, pub.get(0));
        } else {
            OutputSpec.Threshold t = (OutputSpec.Threshold) spec;
            BigInteger threshold = BigInteger.valueOf(t.threshold());
            LinearCombination bit = c.isNonNegative(a.get(t.index()).sub(CircuitWriter.constant(threshold)),
                    range.plus(threshold.negate()), "threshold a[" + t.index() + "] - threshold");
            c.assertEqual(bit, pub.get(0));
        }
    }
}
