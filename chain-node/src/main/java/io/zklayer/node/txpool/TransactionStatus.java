package io.zklayer.node.txpool;

/**
 * The life of a pool transaction as {@code author_submitAndWatchExtrinsic} reports it: future,
 * ready, broadcast, inBlock, retracted, finalized, usurped, dropped or invalid.
 */
public sealed interface TransactionStatus {
    /** Waiting for a transaction it depends on (a lower nonce). */
    record Future() implements TransactionStatus {}

    /** Ready to be included. */
    record Ready() implements TransactionStatus {}

    /** Included in block {@code blockHash}. */
    record InBlock(byte[] blockHash) implements TransactionStatus {}

    /** The block that included it left the best chain. */
    record Retracted(byte[] blockHash) implements TransactionStatus {}

    /** The including block {@code blockHash} is final; the last status. */
    record Finalized(byte[] blockHash) implements TransactionStatus {}

    /** Replaced by another transaction {@code byHash} providing the same tag with higher priority. */
    record Usurped(byte[] byHash) implements TransactionStatus {}

    /** Removed because the pool was full. */
    record Dropped() implements TransactionStatus {}

    /** Found invalid on revalidation. */
    record Invalid() implements TransactionStatus {}

    /** Returns whether no status follows this one. */
    default boolean isFinal() {
        return this instanceof Finalized || this instanceof Usurped || this instanceof Dropped || this instanceof Invalid;
    }
}
