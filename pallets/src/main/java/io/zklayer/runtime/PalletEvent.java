package io.zklayer.runtime;

/**
 * Implemented by each pallet's sealed event interface: an event knows its pallet and encodes as
 * {@code event index u8 ‖ fields}; the runtime prefixes the pallet index when it stores it.
 */
public interface PalletEvent {
    /** Returns the emitting pallet's index. */
    int palletIndex();

    /** Returns {@code event index ‖ SCALE fields}. */
    byte[] encode();
}
