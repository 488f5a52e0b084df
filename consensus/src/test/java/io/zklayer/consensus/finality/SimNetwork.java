package io.zklayer.consensus.finality;

import io.zklayer.consensus.network.BlockData;
import io.zklayer.consensus.network.BlockRequest;
import io.zklayer.consensus.network.ConsensusNetwork;
import io.zklayer.consensus.network.PeerRef;
import io.zklayer.consensus.network.PeerReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * An in-memory network for simulations: every message is encoded, delayed by a seeded random
 * amount in [{@code minDelay}, {@code maxDelay}] ms (so messages overtake each other), decoded and
 * handed to the receiver's handler on the simulated clock. A node that is offline neither sends nor
 * receives; a message in flight to a node that goes offline is lost.
 */
final class SimNetwork {
    private final SimScheduler scheduler;
    private final Random random;
    private final long minDelay;
    private final long maxDelay;
    final List<Endpoint> endpoints = new ArrayList<>();
    final List<String> reports = new ArrayList<>();
    long delivered;
    /** Answers block requests: (peer index, request) → blocks. */
    BiFunction<Integer, BlockRequest, List<BlockData>> blockServer = (i, r) -> List.of();

    SimNetwork(SimScheduler scheduler, Random random, long minDelay, long maxDelay, int nodes) {
        this.scheduler = scheduler;
        this.random = random;
        this.minDelay = minDelay;
        this.maxDelay = maxDelay;
        for (int i = 0; i < nodes; i++) {
            endpoints.add(new Endpoint(i));
        }
    }

    static PeerRef peer(int index) {
        return new PeerRef("node-" + index);
    }

    static int index(PeerRef peer) {
        return Integer.parseInt(peer.id().substring("node-".length()));
    }

    long delay() {
        return minDelay + (maxDelay > minDelay ? (long) (random.nextDouble() * (maxDelay - minDelay)) : 0);
    }

    void deliver(int from, int to, FinalityMessage message) {
        if (!endpoints.get(from).online) {
            return;
        }
        byte[] bytes = FinalityMessage.encode(message);
        scheduler.at(delay(), () -> {
            Endpoint target = endpoints.get(to);
            if (target.online && target.inbound != null) {
                delivered++;
                target.inbound.onFinalityMessage(peer(from), FinalityMessage.decode(bytes));
            }
        });
    }

    /** One node's side of the network. */
    final class Endpoint implements ConsensusNetwork {
        final int index;
        boolean online = true;
        Inbound inbound;

        Endpoint(int index) {
            this.index = index;
        }

        @Override
        public void broadcast(FinalityMessage message) {
            for (int j = 0; j < endpoints.size(); j++) {
                if (j != index) {
                    deliver(index, j, message);
                }
            }
        }

        @Override
        public void send(PeerRef peer, FinalityMessage message) {
            deliver(index, index(peer), message);
        }

        @Override
        public void setInbound(Inbound inbound) {
            this.inbound = inbound;
        }

        @Override
        public CompletableFuture<List<BlockData>> requestBlocks(PeerRef peer, BlockRequest request) {
            CompletableFuture<List<BlockData>> out = new CompletableFuture<>();
            int to = index(peer);
            scheduler.at(delay(), () -> {
                if (!online || !endpoints.get(to).online) {
                    out.completeExceptionally(new IllegalStateException("peer unreachable"));
                    return;
                }
                List<BlockData> answer = blockServer.apply(to, request);
                scheduler.at(delay(), () -> out.complete(answer));
            });
            return out;
        }

        @Override
        public void report(PeerRef peer, PeerReport report) {
            reports.add("node-" + index + " reported " + peer + ": " + report);
        }

        @Override
        public List<PeerRef> peers() {
            List<PeerRef> out = new ArrayList<>();
            for (Endpoint e : endpoints) {
                if (e.index != index && e.online) {
                    out.add(peer(e.index));
                }
            }
            return out;
        }
    }
}
