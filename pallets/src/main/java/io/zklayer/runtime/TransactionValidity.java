package io.zklayer.runtime;

import java.util.List;

/**
 * What the runtime says of a transaction for the pool, in Substrate's terms: valid with priority
 * and dependency tags, invalid for a named reason, or unknown.
 */
public sealed interface TransactionValidity {
    /**
     * Valid: includable once every tag in {@code requires} is provided.
     *
     * @param priority higher first (the tip)
     * @param requires tags to be provided first, e.g. (sender, nonce − 1) for a future nonce
     * @param provides tags this transaction provides: (sender, nonce)
     * @param longevity blocks it stays valid for
     * @param propagate whether to gossip it
     */
    record Valid(long priority, List<byte[]> requires, List<byte[]> provides, long longevity, boolean propagate)
            implements TransactionValidity {
        public Valid {
            requires = List.copyOf(requires);
            provides = List.copyOf(provides);
        }
    }

    /** Never includable; {@code detail} says why in words. */
    record Invalid(InvalidTransaction reason, String detail) implements TransactionValidity {}

    /** Validity could not be determined. */
    record Unknown(String detail) implements TransactionValidity {}

    /** Substrate's {@code InvalidTransaction} variants, by index (they appear in RPC error data). */
    enum InvalidTransaction {
        CALL("Transaction call is not expected"),
        PAYMENT("Inability to pay some fees (e.g. account balance too low)"),
        FUTURE("Transaction will be valid in the future"),
        STALE("Transaction is outdated"),
        BAD_PROOF("Transaction has a bad signature"),
        ANCIENT_BIRTH_BLOCK("Transaction has an ancient birth block"),
        EXHAUSTS_RESOURCES("Transaction would exhaust the block limits"),
        CUSTOM("Custom error"),
        BAD_MANDATORY("A call was labelled as mandatory, but resulted in an Error."),
        MANDATORY_VALIDATION("Transaction dispatch is mandatory; transactions must not be validated."),
        BAD_SIGNER("Invalid signing address");

        private final String message;

        InvalidTransaction(String message) {
            this.message = message;
        }

        /** Returns Substrate's message for this reason. */
        public String message() {
            return message;
        }
    }
}
