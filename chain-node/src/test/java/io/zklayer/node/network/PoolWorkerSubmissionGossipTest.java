package io.zklayer.node.network;

import static io.zklayer.node.network.TestNetwork.address;
import static io.zklayer.node.network.TestNetwork.await;
import static io.zklayer.node.network.TestNetwork.best;
import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.node.service.Node;
import io.zklayer.node.worker.NodeWorkerChain;
import io.zklayer.node.worker.WorkerChain;
import io.zklayer.pallets.system.SystemStorage;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.types.AccountId32;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pool worker usually runs on a node that does not author (its key is a pool node's, not a validator's):
 * what it submits through {@link NodeWorkerChain} must be gossiped to the authors, or its results would sit
 * in its own pool until the deadline slashes it.
 */
class PoolWorkerSubmissionGossipTest {
    @TempDir
    Path dir;

    @Test
    void aTransactionTheWorkerSubmitsOnANonAuthoringNodeIsGossipedToTheAuthorAndIncluded() throws Exception {
        try (TestNetwork net = new TestNetwork(dir, 1, 1000, 7)) {
            Node alice = net.start("alice", Optional.of(DevAccounts.ALICE), List.of());
            Node full = net.start("full", Optional.empty(), List.of(address(alice)));
            await("the full node connected and synced past #2", Duration.ofSeconds(60),
                    () -> best(full) >= 2 && full.network().orElseThrow().peerCount() == 1);
            assertThat(full.isAuthority()).isFalse();

            AccountId32 ferdie = AccountId32.of(DevAccounts.FERDIE.publicKey().bytes());
            BigInteger before = SystemStorage.ACCOUNT.get(alice.backend().stateAt(alice.backend().best().hash()), ferdie)
                    .data().free();
            byte[] transfer = ChainNetworkTest.transfer(alice.backend().genesis().hash(), DevAccounts.EVE, ferdie,
                    BigInteger.valueOf(4_321));
            assertThat(new NodeWorkerChain(full).submit(transfer)).isInstanceOf(WorkerChain.Submission.Accepted.class);
            await("the worker's transaction included by the only author", Duration.ofSeconds(60), () ->
                    SystemStorage.ACCOUNT.get(alice.backend().stateAt(alice.backend().best().hash()), ferdie).data().free()
                            .equals(before.add(BigInteger.valueOf(4_321))));
        }
    }
}
