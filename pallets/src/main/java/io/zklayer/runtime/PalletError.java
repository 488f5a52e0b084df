package io.zklayer.runtime;

/**
 * Implemented by each pallet's error enum: the enum's ordinal is the error index, fixed once
 * released. {@code BalancesError.INSUFFICIENT_BALANCE.fail()} throws a {@link DispatchException}
 * carrying {@code Module(balances index, ordinal)}.
 */
public interface PalletError {
    /** Returns the pallet index of the pallet owning this error. */
    int palletIndex();

    /** Returns the pallet name, for messages. */
    String palletName();

    /** Returns the error's index in the pallet (its ordinal). */
    int ordinal();

    /** Returns the error's Rust-style name, e.g. {@code InsufficientBalance}. */
    String name();

    /** Returns a line for the runtime description. */
    String docs();

    /** Returns the dispatch error for this pallet error. */
    default DispatchError error() {
        return new DispatchError.Module(palletIndex(), ordinal(), palletName() + "." + rustName());
    }

    /** Returns the failure to throw from a call. */
    default DispatchException fail() {
        return new DispatchException(error());
    }

    /** Returns the name in UpperCamelCase as metadata shows it. */
    default String rustName() {
        StringBuilder out = new StringBuilder();
        for (String part : name().toLowerCase().split("_")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
