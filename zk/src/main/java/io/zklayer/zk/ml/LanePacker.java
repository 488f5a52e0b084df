package io.zklayer.zk.ml;

/**
 * Places fixed-width unsigned lanes into 248-bit field elements, least significant bits first, never
 * splitting a lane: a lane of {@code width} bits goes at the current bit offset when it still fits in
 * the current element, otherwise it opens the next element at offset 0. 31 lanes of 8 bits fill one
 * element; seven 32-bit lanes use 224 bits of one element and the eighth opens a new one. The same
 * layout is used natively ({@link WeightCommitment}, {@link InputCommitment}) and in the circuit.
 */
final class LanePacker {
    /** Bits used per field element (248 &lt; 253, so every packed element is below the modulus). */
    static final int ELEMENT_BITS = 248;

    private int elements;
    private int used;

    /** Returns the bit offset of the next lane of {@code width} bits in element {@link #currentElement()}. */
    int place(int width) {
        if (width < 1 || width > ELEMENT_BITS) {
            throw new IllegalArgumentException("lanes: width must be in [1, " + ELEMENT_BITS + "], got " + width);
        }
        if (elements == 0 || used + width > ELEMENT_BITS) {
            elements++;
            used = 0;
        }
        int offset = used;
        used += width;
        return offset;
    }

    /** Returns the index of the element the last lane went into. */
    int currentElement() {
        return elements - 1;
    }

    /** Returns the number of elements opened so far. */
    int elementCount() {
        return elements;
    }
}
