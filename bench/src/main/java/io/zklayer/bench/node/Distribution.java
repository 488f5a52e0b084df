package io.zklayer.bench.node;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A summary of measured samples for a report line: count, median, 10th and 90th percentile, min
 * and max, by the nearest-rank method (the sample at rank ⌈p·n⌉ of the sorted samples, so every
 * figure is a value that was measured). For 1, 2, 3, 4, 100 the median is 3, p90 is 100.
 */
final class Distribution {
    private final double[] sorted;

    private Distribution(double[] sorted) {
        this.sorted = sorted;
    }

    /** Summarizes {@code samples} (copied). */
    static Distribution of(List<Double> samples) {
        double[] s = samples.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(s);
        return new Distribution(s);
    }

    /** Returns the number of samples. */
    int count() {
        return sorted.length;
    }

    /** Returns the nearest-rank {@code p}-quantile ({@code 0 < p <= 1}); NaN without samples. */
    double quantile(double p) {
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile must be in (0, 1], got " + p);
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(1, rank) - 1];
    }

    /** Returns the median (nearest rank). */
    double median() {
        return quantile(0.5);
    }

    /** Returns the smallest sample; NaN without samples. */
    double min() {
        return sorted.length == 0 ? Double.NaN : sorted[0];
    }

    /** Returns the largest sample; NaN without samples. */
    double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    /** Formats as {@code median M (p10 A, p90 B, min C, max D; n = N) unit} with {@code decimals} digits. */
    String format(String unit, int decimals) {
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, "median " + f + " %s (p10 " + f + ", p90 " + f + ", min " + f + ", max " + f
                + "; n = %d)", median(), unit, quantile(0.1), quantile(0.9), min(), max(), count());
    }
}
