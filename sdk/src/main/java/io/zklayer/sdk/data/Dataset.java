package io.zklayer.sdk.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/**
 * A labelled data set with integer features, as the quantized models take integer inputs.
 * Rows are {@code features..., label}: the digits file's line
 * {@code 0,0,5,13,…,0,0} is 64 pixels in 0..16 then class 0.
 *
 * @param features one row of integer features per sample (not copied)
 * @param labels class of each sample, 0…classes-1
 * @param classes number of classes (largest label + 1)
 */
public record Dataset(int[][] features, int[] labels, int classes) {
    /** Checks that rows and labels line up. */
    public Dataset {
        if (features.length != labels.length || features.length == 0) {
            throw new IllegalArgumentException("dataset: " + features.length + " rows but " + labels.length + " labels");
        }
    }

    /** Returns the number of samples. */
    public int size() {
        return labels.length;
    }

    /** Returns the number of features per sample. */
    public int width() {
        return features[0].length;
    }

    /**
     * Reads a CSV data set: every line is integer features then an integer label; with
     * {@code header}, the first line is skipped. A {@code .gz} stream is detected by its magic.
     *
     * @throws IllegalArgumentException naming the line and column of a malformed value
     */
    public static Dataset readCsv(InputStream raw, boolean header) throws IOException {
        return readCsv(raw, header, 1);
    }

    /**
     * Reads a CSV data set whose features are decimals: each feature is multiplied by
     * {@code featureScale} and rounded to the nearest integer, ties to even ({@code 5.1} with scale 10
     * → 51, {@code 0.25} with scale 10 → 2). With scale 1 the features must already be integers.
     * Labels are always integers.
     *
     * @throws IllegalArgumentException naming the line and column of a malformed value
     */
    public static Dataset readCsv(InputStream raw, boolean header, int featureScale) throws IOException {
        if (featureScale < 1 || featureScale > 1_000_000) {
            throw new IllegalArgumentException("csv: feature scale must be in 1..1000000, got " + featureScale);
        }
        InputStream in = raw.markSupported() ? raw : new java.io.BufferedInputStream(raw);
        in.mark(2);
        boolean gz = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        if (gz) {
            in = new GZIPInputStream(in);
        }
        List<int[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        int width = -1;
        int maxLabel = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if ((header && lineNo == 1) || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                if (width < 0) {
                    width = f.length - 1;
                }
                if (f.length - 1 != width || width < 1) {
                    throw new IllegalArgumentException("csv line " + lineNo + ": " + f.length + " columns, expected "
                            + (width + 1));
                }
                int[] x = new int[width];
                for (int c = 0; c < width; c++) {
                    x[c] = featureScale == 1 ? integer(f[c], lineNo, c + 1) : scaled(f[c], featureScale, lineNo, c + 1);
                }
                int label = integer(f[width], lineNo, width + 1);
                if (label < 0) {
                    throw new IllegalArgumentException("csv line " + lineNo + ": label " + label + " is negative");
                }
                maxLabel = Math.max(maxLabel, label);
                rows.add(x);
                labels.add(label);
            }
        }
        return new Dataset(rows.toArray(new int[0][]), labels.stream().mapToInt(Integer::intValue).toArray(),
                maxLabel + 1);
    }

    private static int integer(String text, int line, int column) {
        String t = text.trim();
        try {
            double v = Double.parseDouble(t);
            if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("csv line " + line + " column " + column + ": " + t
                        + " is not an integer");
            }
            return (int) v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("csv line " + line + " column " + column + ": '" + t
                    + "' is not a number");
        }
    }

    private static int scaled(String text, int scale, int line, int column) {
        String t = text.trim();
        try {
            java.math.BigDecimal v = new java.math.BigDecimal(t).multiply(java.math.BigDecimal.valueOf(scale));
            if (v.abs().compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                throw new ArithmeticException("out of range");
            }
            return v.setScale(0, java.math.RoundingMode.HALF_EVEN).intValueExact();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("csv line " + line + " column " + column + ": '" + t + "' is not a number");
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("csv line " + line + " column " + column + ": " + t + " × " + scale
                    + " does not fit an int");
        }
    }

    /** Returns the smallest feature value of all samples. */
    public int minFeature() {
        int m = Integer.MAX_VALUE;
        for (int[] row : features) {
            for (int v : row) {
                m = Math.min(m, v);
            }
        }
        return m;
    }

    /** Returns the largest feature value of all samples. */
    public int maxFeature() {
        int m = Integer.MIN_VALUE;
        for (int[] row : features) {
            for (int v : row) {
                m = Math.max(m, v);
            }
        }
        return m;
    }

    /** Returns the samples at {@code indices}, in that order. */
    public Dataset subset(int[] indices) {
        int[][] f = new int[indices.length][];
        int[] l = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            f[k] = features[indices[k]];
            l[k] = labels[indices[k]];
        }
        return new Dataset(f, l, classes);
    }

    /**
     * Splits into train and test sets after a shuffle seeded by {@code seed}; the test set gets
     * {@code round(size · testFraction)} samples.
     */
    public Split split(long seed, double testFraction) {
        int[] order = new int[size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int test = (int) Math.round(order.length * testFraction);
        return new Split(subset(java.util.Arrays.copyOfRange(order, test, order.length)),
                subset(java.util.Arrays.copyOfRange(order, 0, test)));
    }

    /** A train/test split. */
    public record Split(Dataset train, Dataset test) {
    }
}
