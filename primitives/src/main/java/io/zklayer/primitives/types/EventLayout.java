package io.zklayer.primitives.types;

import io.zklayer.primitives.codec.ScaleCodec;
import java.util.Optional;

/**
 * Tells an event decoder how the fields of each event are encoded, so that it can find where one
 * event ends: SCALE values are not self-delimiting, and only the runtime knows its events. Given
 * {@code (5, 2)} (balances, Transfer) it returns the codec of {@code (AccountId32, AccountId32, u128)}.
 */
@FunctionalInterface
public interface EventLayout {
    /** Returns the codec of the fields of event {@code eventIndex} of pallet {@code palletIndex}, if known. */
    Optional<ScaleCodec<?>> fields(int palletIndex, int eventIndex);
}
