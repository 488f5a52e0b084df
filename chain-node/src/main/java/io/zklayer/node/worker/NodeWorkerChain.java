package io.zklayer.node.worker;

import io.zklayer.node.service.Node;
import io.zklayer.node.txpool.SubmitOutcome;
import io.zklayer.pallets.system.SystemStorage;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.MultiAddress;
import io.zklayer.primitives.types.UncheckedExtrinsic;
import io.zklayer.consensus.ChainHead;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@link WorkerChain} on the node the worker runs in: the same answers its JSON-RPC methods give
 * ({@code state_getStorage} on the block's state, {@code system_accountNextIndex} counting the pool,
 * {@code author_submitExtrinsic} through the node's validation and gossiped to its peers), without a socket
 * in between.
 */
public final class NodeWorkerChain implements WorkerChain {
    private final Node node;

    /** Returns the view of {@code node}. */
    public NodeWorkerChain(Node node) {
        this.node = Objects.requireNonNull(node, "node");
    }

    @Override
    public Head best() {
        ChainHead b = node.backend().best();
        return new Head(b.number(), b.hash());
    }

    @Override
    public Runnable onNewBest(Consumer<Head> listener) {
        return node.notifications().onBest(block -> listener.accept(new Head(block.header().number(), block.header().hash())));
    }

    @Override
    public Optional<byte[]> storage(byte[] key, H256 at) {
        return node.backend().stateAt(at).get(key);
    }

    @Override
    public long nextNonce(AccountId32 who) {
        long nonce = SystemStorage.ACCOUNT.get(node.backend().stateAt(node.backend().best().hash()), who).nonce();
        boolean raised = true;
        while (raised) {
            raised = false;
            for (byte[] xt : node.pool().pending()) {
                if (signedBy(xt, who, nonce)) {
                    nonce++;
                    raised = true;
                }
            }
        }
        return nonce;
    }

    private static boolean signedBy(byte[] xt, AccountId32 who, long nonce) {
        try {
            UncheckedExtrinsic x = UncheckedExtrinsic.CODEC.decode(xt);
            return x.signature().isPresent() && x.signature().get().signer() instanceof MultiAddress.Id id
                    && id.account().equals(who) && x.signature().get().extra().nonce() == nonce;
        } catch (RuntimeException e) {
            return false; // the pool holds only decodable extrinsics
        }
    }

    @Override
    public Submission submit(byte[] extrinsic) {
        // Through the node's submitTransaction, which gossips what the pool accepts: a pool node that does
        // not author (the usual case on a multi-validator chain) must hand its results to the validators.
        SubmitOutcome out = node.submitTransaction(extrinsic);
        if (out instanceof SubmitOutcome.Accepted a) {
            return new Submission.Accepted(H256.of(a.hash()));
        }
        SubmitOutcome.Rejected r = (SubmitOutcome.Rejected) out;
        return new Submission.Rejected(r.reason() + ": " + r.detail());
    }

    @Override
    public H256 genesisHash() {
        return node.backend().genesis().hash();
    }

    @Override
    public long specVersion() {
        return node.runtime().version().specVersion();
    }

    @Override
    public long transactionVersion() {
        return node.runtime().version().transactionVersion();
    }
}
