package io.zklayer.runtime;

import io.zklayer.runtime.storage.StorageEntryDescriptor;
import java.util.List;
import java.util.Optional;

/**
 * A runtime module with a fixed index: its calls, events, errors, storage and constants, and hooks
 * run at the start and end of every block. Index and call, event and error indexes never change
 * once released.
 */
public interface Pallet {
    /** Returns the pallet's fixed index in the runtime. */
    int index();

    /** Returns the pallet's name, which is also its storage prefix (e.g. {@code Balances}). */
    String name();

    /** Returns the calls, if the pallet has any. */
    default Optional<CallHandler<?>> calls() {
        return Optional.empty();
    }

    /** Returns the codec of the pallet's events ({@code event index ‖ fields}), if it has any. */
    default Optional<io.zklayer.primitives.codec.ScaleCodec<? extends PalletEvent>> eventCodec() {
        return Optional.empty();
    }

    /** Returns the description of the pallet's events. */
    default List<Descriptors.EventDescriptor> events() {
        return List.of();
    }

    /** Returns the description of the pallet's errors. */
    default List<Descriptors.ErrorDescriptor> errors() {
        return List.of();
    }

    /** Returns the pallet's storage items. */
    default List<StorageEntryDescriptor> storage() {
        return List.of();
    }

    /** Returns the pallet's constants. */
    default List<Descriptors.ConstantDescriptor> constants() {
        return List.of();
    }

    /** Runs at the start of every block, after System has set the block number; returns its weight. */
    default Weight onInitialize(RuntimeContext ctx) {
        return Weight.ZERO;
    }

    /** Runs at the end of every block, before the state root is computed. */
    default void onFinalize(RuntimeContext ctx) {}

    /**
     * Runs in the last block of every epoch, after every pallet's {@link #onFinalize}, in pallet
     * index order: the place to promote pending registrations, drop leavers and snapshot what the
     * next epoch uses (see {@link EpochSchedule}). Session (index 2) runs first and has already
     * stored {@code newEpoch} as the current epoch and its randomness when later pallets run.
     *
     * @param newEpoch the epoch that starts with the next block
     */
    default void onEpochChange(RuntimeContext ctx, long newEpoch) {}

    /** Returns the error descriptors of a pallet error enum. */
    static <E extends Enum<E> & PalletError> List<Descriptors.ErrorDescriptor> describeErrors(Class<E> errors) {
        return java.util.Arrays.stream(errors.getEnumConstants())
                .map(e -> new Descriptors.ErrorDescriptor(e.ordinal(), e.rustName(), e.docs()))
                .toList();
    }
}
