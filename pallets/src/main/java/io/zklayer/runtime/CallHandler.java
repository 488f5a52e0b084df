package io.zklayer.runtime;

import io.zklayer.primitives.codec.ScaleCodec;
import java.util.List;

/**
 * The calls of one pallet: their codec (a SCALE enum whose index byte is the call index), their
 * declared cost, and how to dispatch them.
 *
 * @param <C> the pallet's sealed call type
 */
public interface CallHandler<C> {
    /** Returns the codec of {@code call index ‖ args}. */
    ScaleCodec<C> codec();

    /** Returns the description of every call. */
    List<Descriptors.CallDescriptor> describe();

    /** Returns the declared weight, class and fee rule of {@code call}. */
    DispatchInfo info(C call);

    /**
     * Runs {@code call}. Checks come first (origin, then arguments and state), then writes, then
     * events. A failure is a thrown {@link DispatchException}; the executive rolls back the call's
     * storage layer.
     */
    void dispatch(C call, Origin origin, RuntimeContext ctx);

    /**
     * Checks a signed call before it enters the transaction pool, beyond the generic checks (for
     * example verifying a proof), so junk never reaches a block. Returns null when acceptable, or
     * a reason.
     */
    default String preValidate(C call, io.zklayer.primitives.types.AccountId32 signer, RuntimeContext ctx) {
        return null;
    }

    /**
     * Returns the pool tags a valid signed {@code call} provides besides its (sender, nonce) tag. Two
     * transactions providing one tag conflict, so the pool keeps only one of them: for example one
     * report per offence, whoever sends it. None by default.
     */
    default List<byte[]> poolTags(C call) {
        return List.of();
    }

    /** Returns whether {@code call} is an inherent the block author adds unsigned. */
    default boolean isInherent(C call) {
        return false;
    }
}
