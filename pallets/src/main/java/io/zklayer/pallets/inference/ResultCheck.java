package io.zklayer.pallets.inference;

/**
 * The outcome of checking a result's proof: the three cases the market treats differently.
 */
public sealed interface ResultCheck {
    /** The proof verifies: the node is paid. */
    record Valid() implements ResultCheck {}

    /** The proof is malformed or false for the claimed output: the node is slashed. */
    record Invalid(String detail) implements ResultCheck {}

    /**
     * The proof cannot be checked through no fault of the node (the model's key is missing or takes
     * another number of signals): the call fails and nothing changes.
     */
    record Unverifiable(String detail) implements ResultCheck {}
}
