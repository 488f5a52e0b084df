package io.zklayer.node.txpool;

import java.util.List;

/**
 * What the runtime says of a transaction against some state, in Substrate's terms.
 */
public sealed interface TransactionValidity {
    /**
     * The transaction can be included once every tag in {@code requires} is provided.
     *
     * @param priority higher goes first (the runtime derives it from the tip)
     * @param requires tags that must be provided first (by pool transactions or by the chain)
     * @param provides tags this transaction provides; two transactions providing one tag conflict
     * @param longevity how many blocks the transaction stays valid (from its era)
     * @param propagate whether to gossip it
     */
    record Valid(long priority, List<Tag> requires, List<Tag> provides, long longevity, boolean propagate)
            implements TransactionValidity {
        public Valid {
            requires = List.copyOf(requires);
            provides = List.copyOf(provides);
        }
    }

    /** The transaction can never be included (bad signature, stale nonce, no funds…); banned a while. */
    record Invalid(String reason) implements TransactionValidity {}

    /** Validity could not be determined (for example an unknown signer); not banned. */
    record Unknown(String reason) implements TransactionValidity {}
}
