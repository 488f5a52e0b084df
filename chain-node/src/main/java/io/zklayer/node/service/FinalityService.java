package io.zklayer.node.service;

import io.zklayer.consensus.BlockImporter;
import io.zklayer.consensus.ChainHead;
import io.zklayer.consensus.OffenceReporter;
import io.zklayer.consensus.finality.BackendFinalityChain;
import io.zklayer.consensus.finality.ExecutorFinalityScheduler;
import io.zklayer.consensus.finality.FinalityConfig;
import io.zklayer.consensus.finality.GrandpaVoter;
import io.zklayer.consensus.finality.VoterStateStore;
import io.zklayer.consensus.finality.VotingStrategy;
import io.zklayer.consensus.network.ConsensusNetwork;
import io.zklayer.node.network.ChainAccess.JustificationCheck;
import io.zklayer.node.storage.ChainStore;
import io.zklayer.node.storage.Column;
import io.zklayer.primitives.crypto.Ed25519KeyPair;
import io.zklayer.primitives.storage.KeyValueBatch;
import io.zklayer.primitives.types.Header;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The node's finality gadget: consensus's {@link GrandpaVoter} over the node's backend and
 * importer, on its own "finality" thread, talking through the network service, with its round
 * snapshot kept in the database (so a restarted validator never votes twice in a round). A node
 * with an authoring key votes with it; a full node observes, following commits and justifications.
 */
final class FinalityService implements AutoCloseable {
    private final ExecutorFinalityScheduler scheduler = new ExecutorFinalityScheduler();
    private final BackendFinalityChain chain;
    private final GrandpaVoter voter;

    /**
     * Creates the gadget; {@code onFinalized} hears of every block it finalizes (on the finality
     * thread, after the block is stored as final); vote equivocations it sees go to {@code offences};
     * {@code voting} is {@link VotingStrategy#HONEST} except under fault injection ({@code --unsafe-misbehave}).
     */
    FinalityService(StoreChainBackend backend, BlockImporter importer, ConsensusNetwork network, long slotMillis,
                    Optional<Ed25519KeyPair> key, OffenceReporter offences, VotingStrategy voting,
                    Consumer<ChainHead> onFinalized) {
        this.chain = new BackendFinalityChain(backend, importer, importer.verifier().epochs());
        this.chain.addListener((block, justification) -> onFinalized.accept(block));
        this.voter = new GrandpaVoter(chain, network, scheduler, key.orElse(null), FinalityConfig.forSlot(slotMillis),
                offences, new StoredVoterState(backend.store()), voting);
    }

    /** Starts voting (or observing) from the stored finalized block. */
    void start() {
        voter.start();
    }

    /** Tells the gadget of an imported block. */
    void blockImported(Header header) {
        voter.blockImported(header);
    }

    /** Verifies and applies a justification a peer sent with {@code target}. */
    CompletableFuture<JustificationCheck> importJustification(ChainHead target, byte[] justification) {
        return voter.importJustification(target, justification).thenApply(r -> {
            if (r instanceof GrandpaVoter.JustificationImport.Finalized) {
                return JustificationCheck.APPLIED;
            }
            if (r instanceof GrandpaVoter.JustificationImport.Invalid) {
                return JustificationCheck.INVALID;
            }
            return JustificationCheck.NOT_APPLICABLE;
        });
    }

    /** Returns the voter's set and round. */
    GrandpaVoter.Status status() {
        return voter.status();
    }

    @Override
    public void close() {
        scheduler.close();
    }

    /** The voter's snapshot under one META key of the chain store. */
    private static final class StoredVoterState implements VoterStateStore {
        private final ChainStore store;

        StoredVoterState(ChainStore store) {
            this.store = store;
        }

        @Override
        public Optional<byte[]> load() {
            return Optional.ofNullable(store.keyValueStore().get(Column.META, Column.KEY_VOTER_STATE));
        }

        @Override
        public void save(byte[] snapshot) {
            store.keyValueStore().write(new KeyValueBatch().put(Column.META, Column.KEY_VOTER_STATE, snapshot));
        }
    }
}
