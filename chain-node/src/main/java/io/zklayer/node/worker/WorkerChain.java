package io.zklayer.node.worker;

import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.H256;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The chain as the pool worker sees it: the calls a wallet makes over JSON-RPC
 * ({@code chain_subscribeNewHeads}, {@code state_getStorage}, {@code system_accountNextIndex},
 * {@code author_submitExtrinsic}, the genesis hash and runtime version), so the worker runs the same
 * against the node it lives in ({@link NodeWorkerChain}) or a node it reaches over RPC, and tests can
 * give it a chain of their own.
 */
public interface WorkerChain {
    /** A block: its number and hash. */
    record Head(long number, H256 hash) {}

    /** What a submission came to: accepted into the pool, or refused with the node's reason. */
    sealed interface Submission {
        /** Accepted; {@code hash} is the extrinsic's blake2b-256. */
        record Accepted(H256 hash) implements Submission {}

        /** Refused, e.g. {@code "Invalid: the proof does not verify"}. */
        record Rejected(String reason) implements Submission {}
    }

    /** Returns the best block. */
    Head best();

    /** Calls {@code listener} for every new best block (in order, on one thread); returns the unsubscribe handle. */
    Runnable onNewBest(Consumer<Head> listener);

    /** Returns the value under {@code key} in the state of block {@code at}. */
    Optional<byte[]> storage(byte[] key, H256 at);

    /** Returns the nonce {@code who}'s next transaction must carry (state nonce raised past pool transactions). */
    long nextNonce(AccountId32 who);

    /** Submits a signed extrinsic to the transaction pool. */
    Submission submit(byte[] extrinsic);

    /** Returns the genesis hash (part of every signature). */
    H256 genesisHash();

    /** Returns the runtime's spec version (part of every signature). */
    long specVersion();

    /** Returns the runtime's transaction version (part of every signature). */
    long transactionVersion();
}
