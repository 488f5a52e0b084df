package io.zklayer.node.network;

import io.zklayer.genesis.ChainSpec;
import io.zklayer.genesis.ChainSpecs;
import io.zklayer.genesis.ConsensusConfig;
import io.zklayer.genesis.GenesisConfig;
import io.zklayer.node.rpc.RpcServerConfig;
import io.zklayer.node.service.Node;
import io.zklayer.node.service.NodeSettings;
import io.zklayer.node.storage.Pruning;
import io.zklayer.p2p.multiaddr.Multiaddr;
import io.zklayer.p2p.peer.HostKey;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.H256;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * In-process networked nodes for tests: each a real {@link Node} (RocksDB under the test's temp
 * directory, RPC and libp2p on free loopback ports) on a chain whose validators are the first
 * dev accounts and whose slots are short, so that blocks come quickly.
 */
final class TestNetwork implements AutoCloseable {
    private final ChainSpec spec;
    private final Path dir;
    private final Random keys;
    private final List<Node> nodes = new ArrayList<>();

    TestNetwork(Path dir, int validators, long slotMillis, long seed) {
        this.dir = dir;
        this.spec = spec(validators, slotMillis);
        this.keys = new Random(seed);
    }

    /**
     * Returns a local-testnet spec with the first {@code validators} dev accounts, slots of
     * {@code slotMillis} and the presets' epoch length.
     */
    static ChainSpec spec(int validators, long slotMillis) {
        ChainSpec local = ChainSpecs.local();
        GenesisConfig g = (GenesisConfig) local.genesis();
        List<AccountId32> set = Arrays.stream(DevAccounts.values()).limit(validators)
                .map(a -> AccountId32.of(a.publicKey().bytes())).toList();
        return new ChainSpec(local.name(), local.id(), local.chainType(), List.of(), List.of(), local.protocolId(),
                local.forkId(), local.properties(), Optional.of(new ConsensusConfig(slotMillis)), List.of(),
                new GenesisConfig(g.balances(), g.sudoKey(), set, g.epochLength()));
    }

    ChainSpec spec() {
        return spec;
    }

    HostKey nextKey() {
        byte[] secret = new byte[32];
        keys.nextBytes(secret);
        return HostKey.fromSecret(secret);
    }

    /** Starts a node named {@code name}, authoring with {@code author} if given, dialling {@code bootnodes}. */
    Node start(String name, Optional<DevAccounts> author, List<Multiaddr> bootnodes) throws InterruptedException {
        return start(name, nextKey(), author, bootnodes);
    }

    Node start(String name, HostKey key, Optional<DevAccounts> author, List<Multiaddr> bootnodes)
            throws InterruptedException {
        NetworkSettings net = NetworkSettings.loopback(key, author.isPresent()).withBootnodes(bootnodes)
                .withBanDuration(Duration.ofMinutes(1));
        Node node = Node.start(new NodeSettings(name, spec, dir.resolve(name), Pruning.DEFAULT,
                new RpcServerConfig("127.0.0.1", 0, 64 * 1024, 15 << 20, 20, 8, 16, true),
                author.map(DevAccounts::keyPair), false, Optional.of(net)));
        nodes.add(node);
        return node;
    }

    static Multiaddr address(Node node) {
        return node.network().orElseThrow().listenAddresses().get(0);
    }

    static long best(Node node) {
        return node.backend().best().number();
    }

    static H256 canonical(Node node, long number) {
        return node.backend().canonicalHash(number).orElse(null);
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        for (Node n : nodes) {
            n.close();
        }
    }
}
