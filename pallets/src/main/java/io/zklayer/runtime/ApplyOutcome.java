package io.zklayer.runtime;

import java.math.BigInteger;
import java.util.Optional;

/** The result of applying one extrinsic in a block. */
public sealed interface ApplyOutcome {
    /**
     * Included: the fee was paid; the call succeeded when {@code error} is empty, else it was rolled
     * back and {@code ExtrinsicFailed} records why.
     */
    record Applied(Optional<DispatchError> error, DispatchInfo info, BigInteger fee) implements ApplyOutcome {}

    /** Not includable: nothing was written. */
    record Rejected(TransactionValidity.InvalidTransaction reason, String detail) implements ApplyOutcome {}
}
