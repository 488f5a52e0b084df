package io.zklayer.sdk.train;

/**
 * A floating-point MLP with one hidden ReLU layer: {@code logits = W2 · relu(W1 · x/s + b1) + b2},
 * where {@code s} ({@code inputDivisor}) scales the integer features to about [0, 1]. Arrays are
 * shared with the trainer, which updates them in place.
 */
public final class Mlp {
    final double[][] w1;
    final double[] b1;
    final double[][] w2;
    final double[] b2;
    final double inputDivisor;

    Mlp(double[][] w1, double[] b1, double[][] w2, double[] b2, double inputDivisor) {
        this.w1 = w1;
        this.b1 = b1;
        this.w2 = w2;
        this.b2 = b2;
        this.inputDivisor = inputDivisor;
    }

    /** Returns the number of inputs. */
    public int inputs() {
        return w1[0].length;
    }

    /** Returns the number of hidden units. */
    public int hidden() {
        return b1.length;
    }

    /** Returns the number of classes. */
    public int classes() {
        return b2.length;
    }

    /** Returns the divisor applied to integer features before the first layer. */
    public double inputDivisor() {
        return inputDivisor;
    }

    /** Returns a copy of the first-layer weights {@code [hidden][inputs]}. */
    public double[][] w1() {
        return deepCopy(w1);
    }

    /** Returns a copy of the first-layer biases. */
    public double[] b1() {
        return b1.clone();
    }

    /** Returns a copy of the second-layer weights {@code [classes][hidden]}. */
    public double[][] w2() {
        return deepCopy(w2);
    }

    /** Returns a copy of the second-layer biases. */
    public double[] b2() {
        return b2.clone();
    }

    /** Returns the hidden activations (after ReLU) for integer features {@code x}. */
    public double[] hiddenActivations(int[] x) {
        double[] h = new double[b1.length];
        for (int j = 0; j < h.length; j++) {
            double z = b1[j];
            double[] row = w1[j];
            for (int i = 0; i < x.length; i++) {
                z += row[i] * (x[i] / inputDivisor);
            }
            h[j] = z > 0 ? z : 0;
        }
        return h;
    }

    /** Returns the logits for hidden activations {@code h}. */
    public double[] logits(double[] h) {
        double[] out = new double[b2.length];
        for (int k = 0; k < out.length; k++) {
            double z = b2[k];
            double[] row = w2[k];
            for (int j = 0; j < h.length; j++) {
                z += row[j] * h[j];
            }
            out[k] = z;
        }
        return out;
    }

    /** Returns the predicted class of {@code x} (first maximum logit). */
    public int predict(int[] x) {
        double[] z = logits(hiddenActivations(x));
        int best = 0;
        for (int k = 1; k < z.length; k++) {
            if (z[k] > z[best]) {
                best = k;
            }
        }
        return best;
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
