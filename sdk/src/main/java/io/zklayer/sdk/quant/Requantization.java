package io.zklayer.sdk.quant;

/**
 * A real scale factor expressed as {@code multiplier / 2^shift} with a 16-bit multiplier, the
 * form the integer executor and the circuit use: {@code 0.0123} → multiplier 51590, shift 22
 * (51590 / 2^22 = 0.01230001…). Sixteen bits keep the error below 2^-15 relative while keeping
 * the products the circuit must range-check small.
 *
 * @param multiplier in [2^15, 2^16] unless the scale is too large to need a shift
 * @param shift in [0, 62]
 */
public record Requantization(int multiplier, int shift) {
    /** Returns the multiplier and shift closest to {@code scale}. */
    public static Requantization of(double scale) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("requantization scale must be positive and finite, got " + scale);
        }
        int shift = 0;
        while (shift < 62 && Math.scalb(scale, shift) < (1 << 15)) {
            shift++;
        }
        long multiplier = Math.round(Math.scalb(scale, shift));
        if (multiplier > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("requantization scale " + scale + " is too large for an int32 multiplier");
        }
        if (multiplier == 0) {
            throw new IllegalArgumentException("requantization scale " + scale + " is too small for a shift of 62");
        }
        return new Requantization((int) multiplier, shift);
    }

    /** Returns the real value {@code multiplier / 2^shift}. */
    public double value() {
        return Math.scalb((double) multiplier, -shift);
    }
}
