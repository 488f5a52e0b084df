package io.zklayer.sdk.train;

import io.zklayer.sdk.data.Dataset;
import java.util.Random;

/**
 * Trains an {@link Mlp} with mini-batch Adam on softmax cross-entropy. Reproducible: weights are
 * initialised (He, Gaussian) and batches shuffled from one {@link Random} seeded by the config,
 * and exponentials use {@link StrictMath}, so two runs give bit-identical weights on any JVM.
 */
public final class MlpTrainer {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private MlpTrainer() {
    }

    /** Trains on {@code data} with the given config. */
    public static Mlp train(Dataset data, TrainingConfig config) {
        int d = data.width();
        int h = config.hidden();
        int c = data.classes();
        int maxFeature = 1;
        for (int[] row : data.features()) {
            for (int v : row) {
                maxFeature = Math.max(maxFeature, Math.abs(v));
            }
        }
        Random random = new Random(config.seed());
        Mlp mlp = new Mlp(gaussian(random, h, d, StrictMath.sqrt(2.0 / d)), new double[h],
                gaussian(random, c, h, StrictMath.sqrt(2.0 / h)), new double[c], maxFeature);
        Adam adam = new Adam(mlp);
        int n = data.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[][] gw1 = new double[h][d];
        double[] gb1 = new double[h];
        double[][] gw2 = new double[c][h];
        double[] gb2 = new double[c];
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int start = 0; start < n; start += config.batchSize()) {
                int end = Math.min(n, start + config.batchSize());
                zero(gw1);
                zero(gw2);
                java.util.Arrays.fill(gb1, 0);
                java.util.Arrays.fill(gb2, 0);
                for (int s = start; s < end; s++) {
                    accumulate(mlp, data.features()[order[s]], data.labels()[order[s]], gw1, gb1, gw2, gb2);
                }
                adam.step(gw1, gb1, gw2, gb2, 1.0 / (end - start), config.learningRate());
            }
        }
        return mlp;
    }

    /** Adds the cross-entropy gradient of one sample. */
    private static void accumulate(Mlp m, int[] x, int label, double[][] gw1, double[] gb1, double[][] gw2,
            double[] gb2) {
        double[] hidden = m.hiddenActivations(x);
        double[] p = softmax(m.logits(hidden));
        p[label] -= 1;
        double[] dh = new double[hidden.length];
        for (int k = 0; k < p.length; k++) {
            gb2[k] += p[k];
            for (int j = 0; j < hidden.length; j++) {
                gw2[k][j] += p[k] * hidden[j];
                dh[j] += p[k] * m.w2[k][j];
            }
        }
        for (int j = 0; j < hidden.length; j++) {
            if (hidden[j] <= 0) {
                continue;
            }
            gb1[j] += dh[j];
            for (int i = 0; i < x.length; i++) {
                gw1[j][i] += dh[j] * (x[i] / m.inputDivisor);
            }
        }
    }

    /** Returns the softmax of {@code z} (shifted by its maximum for stability). */
    static double[] softmax(double[] z) {
        double max = z[0];
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[z.length];
        for (int k = 0; k < z.length; k++) {
            p[k] = StrictMath.exp(z[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < z.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    private static double[][] gaussian(Random random, int rows, int cols, double std) {
        double[][] w = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                w[r][c] = random.nextGaussian() * std;
            }
        }
        return w;
    }

    private static void zero(double[][] a) {
        for (double[] row : a) {
            java.util.Arrays.fill(row, 0);
        }
    }

    /** Adam moments for every parameter of an {@link Mlp}. */
    private static final class Adam {
        private final Mlp m;
        private final double[][] mw1;
        private final double[][] vw1;
        private final double[] mb1;
        private final double[] vb1;
        private final double[][] mw2;
        private final double[][] vw2;
        private final double[] mb2;
        private final double[] vb2;
        private int t;

        Adam(Mlp m) {
            this.m = m;
            mw1 = new double[m.w1.length][m.w1[0].length];
            vw1 = new double[m.w1.length][m.w1[0].length];
            mb1 = new double[m.b1.length];
            vb1 = new double[m.b1.length];
            mw2 = new double[m.w2.length][m.w2[0].length];
            vw2 = new double[m.w2.length][m.w2[0].length];
            mb2 = new double[m.b2.length];
            vb2 = new double[m.b2.length];
        }

        void step(double[][] gw1, double[] gb1, double[][] gw2, double[] gb2, double scale, double lr) {
            t++;
            double c1 = 1 - StrictMath.pow(BETA1, t);
            double c2 = 1 - StrictMath.pow(BETA2, t);
            for (int r = 0; r < gw1.length; r++) {
                update(m.w1[r], gw1[r], mw1[r], vw1[r], scale, lr, c1, c2);
            }
            update(m.b1, gb1, mb1, vb1, scale, lr, c1, c2);
            for (int r = 0; r < gw2.length; r++) {
                update(m.w2[r], gw2[r], mw2[r], vw2[r], scale, lr, c1, c2);
            }
            update(m.b2, gb2, mb2, vb2, scale, lr, c1, c2);
        }

        private static void update(double[] p, double[] g, double[] mom, double[] vel, double scale, double lr,
                double c1, double c2) {
            for (int i = 0; i < p.length; i++) {
                double grad = g[i] * scale;
                mom[i] = BETA1 * mom[i] + (1 - BETA1) * grad;
                vel[i] = BETA2 * vel[i] + (1 - BETA2) * grad * grad;
                p[i] -= lr * (mom[i] / c1) / (Math.sqrt(vel[i] / c2) + EPSILON);
            }
        }
    }
}
