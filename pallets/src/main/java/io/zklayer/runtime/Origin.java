package io.zklayer.runtime;

import io.zklayer.primitives.types.AccountId32;

/**
 * Who a call is dispatched as: a signed account, root (sudo), or none (inherents).
 */
public sealed interface Origin {
    /** The superuser origin, reached through sudo. */
    record Root() implements Origin {}

    /** An account that signed the extrinsic. */
    record Signed(AccountId32 who) implements Origin {}

    /** No origin: inherents the block author adds (the timestamp). */
    record None() implements Origin {}

    /** Returns the signer, or fails with {@code BadOrigin} when the origin is not signed. */
    default AccountId32 ensureSigned() {
        if (this instanceof Signed s) {
            return s.who();
        }
        throw new DispatchException(new DispatchError.BadOrigin());
    }

    /** Fails with {@code BadOrigin} unless the origin is root. */
    default void ensureRoot() {
        if (!(this instanceof Root)) {
            throw new DispatchException(new DispatchError.BadOrigin());
        }
    }

    /** Fails with {@code BadOrigin} unless the origin is none (an inherent). */
    default void ensureNone() {
        if (!(this instanceof None)) {
            throw new DispatchException(new DispatchError.BadOrigin());
        }
    }
}
