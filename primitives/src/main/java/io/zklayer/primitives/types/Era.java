package io.zklayer.primitives.types;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.codec.ScaleReader;
import io.zklayer.primitives.codec.ScaleWriter;

/**
 * The validity window of a transaction, as Substrate's {@code sp_runtime::generic::Era}.
 *
 * <p>{@link Immortal} encodes to {@code 0x00} and is valid forever. {@link Mortal} is valid for
 * {@code period} blocks from its birth block; it encodes to two bytes, the u16 (little-endian)
 * {@code min(15, max(1, trailing_zeros(period) − 1)) | (phase / quantizeFactor) << 4} with
 * {@code quantizeFactor = max(period >> 12, 1)}. {@code Era.mortal(64, 42)} has period 64 and phase
 * 42, so the u16 is {@code 5 | 42 << 4 = 0x02a5} → bytes {@code 0xa5 0x02}; its birth at block 100
 * is 42 and its death 106.
 */
public sealed interface Era {
    /** The era valid forever. */
    Immortal IMMORTAL = new Immortal();

    /** Shortest mortal period. */
    long MIN_PERIOD = 4;
    /** Longest mortal period. */
    long MAX_PERIOD = 1L << 16;

    /** SCALE codec: {@code 0x00} for immortal, else the two-byte mortal encoding. */
    ScaleCodec<Era> CODEC = new ScaleCodec<>() {
        @Override
        public String typeName() {
            return "Era";
        }

        @Override
        public int minEncodedSize() {
            return 1;
        }

        @Override
        public void encode(ScaleWriter writer, Era value) {
            if (value instanceof Mortal m) {
                writer.u16(m.encodedU16());
            } else {
                writer.rawByte(0);
            }
        }

        @Override
        public Era decode(ScaleReader reader) {
            int start = reader.position();
            int first = reader.rawByte("Era");
            if (first == 0) {
                return IMMORTAL;
            }
            int encoded = first | (reader.rawByte("Era") << 8);
            long period = 2L << (encoded & 0xF);
            long quantizeFactor = Math.max(period >> 12, 1);
            long phase = (long) (encoded >>> 4) * quantizeFactor;
            if (period < MIN_PERIOD || phase >= period) {
                throw new ScaleDecodeException("Era", start, "invalid mortal era 0x"
                        + Integer.toHexString(encoded) + ": period " + period + ", phase " + phase
                        + " (period must be at least 4 and phase below it)");
            }
            return new Mortal(period, phase);
        }
    };

    /**
     * Returns the mortal era that starts at block {@code current} and lasts about {@code period}
     * blocks: the period is rounded up to a power of two and clamped to 4 … 65536, the phase is
     * {@code current % period} rounded down to a multiple of the quantize factor.
     */
    static Mortal mortal(long period, long current) {
        if (period < 0 || current < 0) {
            throw new IllegalArgumentException("Era.mortal takes non-negative period and block, got "
                    + period + ", " + current);
        }
        long p = period >= MAX_PERIOD ? MAX_PERIOD : Math.max(MIN_PERIOD, nextPowerOfTwo(period));
        long phase = current % p;
        long quantizeFactor = Math.max(p >> 12, 1);
        return new Mortal(p, phase / quantizeFactor * quantizeFactor);
    }

    /** Returns whether this era never ends. */
    boolean isImmortal();

    /**
     * Returns the first block in which a transaction with this era is valid, given the current
     * block {@code current} (0 for immortal).
     */
    long birth(long current);

    /**
     * Returns the first block in which a transaction with this era is no longer valid, given the
     * current block {@code current} ({@link Long#MAX_VALUE} for immortal, meaning never).
     */
    long death(long current);

    private static long nextPowerOfTwo(long v) {
        return v <= 1 ? 1 : Long.highestOneBit(v - 1) << 1;
    }

    /** Valid forever; encodes to {@code 0x00}. */
    final class Immortal implements Era {
        private Immortal() {}

        @Override
        public boolean isImmortal() {
            return true;
        }

        @Override
        public long birth(long current) {
            return 0;
        }

        @Override
        public long death(long current) {
            return Long.MAX_VALUE;
        }

        @Override
        public String toString() {
            return "Immortal";
        }
    }

    /**
     * Valid for {@code period} blocks starting at a block whose number is {@code phase} modulo
     * {@code period}.
     *
     * @param period a power of two in 4 … 65536
     * @param phase below {@code period}, a multiple of {@code max(period >> 12, 1)}
     */
    record Mortal(long period, long phase) implements Era {
        /** Checks that the pair has a canonical two-byte encoding. */
        public Mortal {
            if (period < MIN_PERIOD || period > MAX_PERIOD || Long.bitCount(period) != 1) {
                throw new IllegalArgumentException("era period must be a power of two in 4..65536, got " + period);
            }
            if (phase < 0 || phase >= period) {
                throw new IllegalArgumentException("era phase must be in 0.." + (period - 1) + ", got " + phase);
            }
            if (phase % Math.max(period >> 12, 1) != 0) {
                throw new IllegalArgumentException("era phase " + phase + " is not a multiple of the quantize factor "
                        + Math.max(period >> 12, 1));
            }
        }

        @Override
        public boolean isImmortal() {
            return false;
        }

        @Override
        public long birth(long current) {
            if (current < 0) {
                throw new IllegalArgumentException("block number must be non-negative, got " + current);
            }
            return (Math.max(current, phase) - phase) / period * period + phase;
        }

        @Override
        public long death(long current) {
            return Math.addExact(birth(current), period);
        }

        /** Returns the u16 of the two-byte encoding. */
        int encodedU16() {
            long quantizeFactor = Math.max(period >> 12, 1);
            int low = Math.min(15, Math.max(1, Long.numberOfTrailingZeros(period) - 1));
            return low | (int) ((phase / quantizeFactor) << 4);
        }
    }
}
