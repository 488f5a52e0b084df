package io.zklayer.bench.node;

import io.zklayer.consensus.SlotDigests;
import io.zklayer.genesis.ChainSpec;
import io.zklayer.genesis.ChainSpecs;
import io.zklayer.genesis.ConsensusConfig;
import io.zklayer.genesis.GenesisConfig;
import io.zklayer.node.network.NetworkSettings;
import io.zklayer.node.rpc.RpcServerConfig;
import io.zklayer.node.service.Node;
import io.zklayer.node.service.NodeSettings;
import io.zklayer.node.storage.Pruning;
import io.zklayer.p2p.multiaddr.Multiaddr;
import io.zklayer.p2p.peer.HostKey;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.crypto.Ed25519Signature;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * Finality latency and block propagation on a network of validators in one JVM: real
 * {@link Node}s (RocksDB in a temp directory, libp2p over TCP on loopback, the GRANDPA-style
 * gadget voting over the network), on the local-testnet chain with the first {@code N} dev
 * accounts as validators and the presets' 2-second slots. Not a JMH benchmark: the quantities are
 * latencies of a running network, sampled once per block, not the speed of a piece of code.
 *
 * <p>What it measures, per block authored in the measured slots (after the warm-up slots):
 * <ul>
 *   <li><b>propagation</b>: from the authoring node's commit of the block (the moment its own
 *       import stored it, before it announces it) to each other node's commit of the same block
 *       (announcement received, body fetched, header checked, block executed, stored), in ms, read
 *       with {@link System#nanoTime} in the nodes' commit listeners; one sample per block and
 *       receiving node;</li>
 *   <li><b>finality latency</b>: for each node, the slot in which that node finalized the block
 *       (heard through the node's finality notifications, wall clock) minus the slot the block was
 *       authored in; also in ms from the start of the block's slot. One sample per block of the
 *       finalized chain and node.</li>
 * </ul>
 * The author of a block is the validator whose key verifies its seal. Blocks that every node did
 * not import (forks that lost) are counted, not sampled.
 *
 * <p>Run: {@code bench/latency.sh [--validators 4] [--slots 90] [--warmup-slots 15] [--slot-millis 2000]}.
 */
public final class NetworkLatency {
    private final int validators;
    private final long slotMillis;
    private final Map<H256, BlockTimes> blocks = new ConcurrentHashMap<>();

    /** When each node stored and finalized one block. */
    private static final class BlockTimes {
        final Header header;
        final long[] importedNanos;
        final long[] finalizedMillis;

        BlockTimes(Header header, int nodes) {
            this.header = header;
            this.importedNanos = new long[nodes];
            this.finalizedMillis = new long[nodes];
            Arrays.fill(importedNanos, -1);
            Arrays.fill(finalizedMillis, -1);
        }
    }

    private NetworkLatency(int validators, long slotMillis) {
        this.validators = validators;
        this.slotMillis = slotMillis;
    }

    /** Runs the network and prints the report; options as in the class comment. */
    public static void main(String[] args) throws Exception {
        int validators = 4;
        long slots = 90;
        long warmup = 15;
        long slotMillis = 2000;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            long v = Long.parseLong(args[i + 1]);
            switch (args[i]) {
                case "--validators" -> validators = Math.toIntExact(v);
                case "--slots" -> slots = v;
                case "--warmup-slots" -> warmup = v;
                case "--slot-millis" -> slotMillis = v;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (known: --validators, --slots, --warmup-slots, --slot-millis)");
            }
        }
        if (validators < 2 || validators > DevAccounts.values().length || slots < 1 || warmup < 0 || slotMillis < 100) {
            throw new IllegalArgumentException("need 2.." + DevAccounts.values().length
                    + " validators, at least 1 measured slot, no negative warm-up and slots of at least 100 ms");
        }
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        new NetworkLatency(validators, slotMillis).run(slots, warmup);
    }

    private void run(long measuredSlots, long warmupSlots) throws Exception {
        Path dir = Files.createTempDirectory("zklayer-latency");
        List<Node> nodes = new ArrayList<>();
        String loadBefore = loadAverage();
        try {
            ChainSpec spec = spec();
            List<Multiaddr> addresses = new ArrayList<>();
            for (int i = 0; i < validators; i++) {
                byte[] secret = new byte[32];
                secret[0] = 1;
                secret[31] = (byte) (i + 1);
                NetworkSettings net = NetworkSettings.loopback(HostKey.fromSecret(secret), true)
                        .withBootnodes(List.copyOf(addresses));
                DevAccounts account = DevAccounts.values()[i];
                Node node = Node.start(new NodeSettings("validator-" + i, spec, dir.resolve("node" + i), Pruning.DEFAULT,
                        RpcServerConfig.localDefaults(0), Optional.of(account.keyPair()), false, Optional.of(net)));
                nodes.add(node);
                addresses.add(node.network().orElseThrow().listenAddresses().get(0));
                int index = i;
                node.backend().addListener((block, best, fin) -> imported(index, block.header()));
                node.notifications().onFinalized(block -> finalized(index, block.header()));
            }
            long now = System.currentTimeMillis() / slotMillis;
            long firstMeasured = now + warmupSlots + 1;
            long lastMeasured = firstMeasured + measuredSlots - 1;
            System.out.printf("%d validators (%s), slots of %d ms: %d warm-up slots, then measuring slots %d..%d (%d s)%n",
                    validators, Arrays.stream(DevAccounts.values()).limit(validators).map(DevAccounts::displayName).toList(),
                    slotMillis, warmupSlots, firstMeasured, lastMeasured, measuredSlots * slotMillis / 1000);
            sleepUntil((lastMeasured + 1) * slotMillis);
            // Let the last measured blocks finalize everywhere (or give up after 30 slots).
            long deadline = System.currentTimeMillis() + 30 * slotMillis;
            while (System.currentTimeMillis() < deadline && !allFinalizedThrough(nodes, lastMeasured)) {
                Thread.sleep(50);
            }
            report(nodes, firstMeasured, lastMeasured, loadBefore, loadAverage());
        } finally {
            for (Node n : nodes) {
                n.close();
            }
            deleteRecursively(dir);
        }
    }

    private void imported(int node, Header header) {
        long t = System.nanoTime();
        BlockTimes b = blocks.computeIfAbsent(header.hash(), h -> new BlockTimes(header, validators));
        synchronized (b) {
            if (b.importedNanos[node] < 0) {
                b.importedNanos[node] = t;
            }
        }
    }

    private void finalized(int node, Header header) {
        long t = System.currentTimeMillis();
        BlockTimes b = blocks.computeIfAbsent(header.hash(), h -> new BlockTimes(header, validators));
        synchronized (b) {
            if (b.finalizedMillis[node] < 0) {
                b.finalizedMillis[node] = t;
            }
        }
    }

    private boolean allFinalizedThrough(List<Node> nodes, long lastSlot) {
        for (Node n : nodes) {
            Optional<Header> fin = n.backend().header(n.backend().finalized().hash());
            if (fin.isEmpty() || fin.get().number() == 0 || SlotDigests.slotOf(fin.get()).orElse(-1) < lastSlot) {
                return false;
            }
        }
        return true;
    }

    private void report(List<Node> nodes, long firstSlot, long lastSlot, String loadBefore, String loadAfter) {
        List<Double> propagation = new ArrayList<>();
        List<Double> lastArrival = new ArrayList<>();
        List<Double> finalitySlots = new ArrayList<>();
        List<Double> finalityMillis = new ArrayList<>();
        int measured = 0;
        int notEverywhere = 0;
        int notFinalized = 0;
        Node reference = nodes.get(0);
        for (BlockTimes b : blocks.values()) {
            long slot = SlotDigests.slotOf(b.header).orElse(-1);
            if (slot < firstSlot || slot > lastSlot) {
                continue;
            }
            measured++;
            int author = authorOf(b.header);
            long[] imp;
            long[] fin;
            synchronized (b) {
                imp = b.importedNanos.clone();
                fin = b.finalizedMillis.clone();
            }
            if (author < 0 || Arrays.stream(imp).anyMatch(t -> t < 0)) {
                notEverywhere++;
            } else {
                double slowest = 0;
                for (int j = 0; j < validators; j++) {
                    if (j != author) {
                        double ms = (imp[j] - imp[author]) / 1e6;
                        propagation.add(ms);
                        slowest = Math.max(slowest, ms);
                    }
                }
                lastArrival.add(slowest);
            }
            boolean canonical = reference.backend().canonicalHash(b.header.number())
                    .map(h -> h.equals(b.header.hash())).orElse(false);
            if (!canonical) {
                continue;
            }
            for (int j = 0; j < validators; j++) {
                if (fin[j] < 0) {
                    notFinalized++;
                    continue;
                }
                finalitySlots.add((double) (Math.floorDiv(fin[j], slotMillis) - slot));
                finalityMillis.add((double) (fin[j] - slot * slotMillis));
            }
        }
        System.out.printf("machine: %d cores, %s; %s %s%n", java.lang.Runtime.getRuntime().availableProcessors(),
                cpuModel(), System.getProperty("java.vm.name"), System.getProperty("java.version"));
        System.out.printf("load average (1, 5, 15 min): %s at start, %s at end%n", loadBefore, loadAfter);
        System.out.printf("blocks authored in the measured %d slots: %d (%d not imported by every node)%n",
                lastSlot - firstSlot + 1, measured, notEverywhere);
        System.out.printf("block propagation, author's import -> each other node's import: %s%n",
                Distribution.of(propagation).format("ms", 1));
        System.out.printf("block propagation, author's import -> the last node's import:   %s%n",
                Distribution.of(lastArrival).format("ms", 1));
        System.out.printf("finality latency, slots from the block's slot to the slot each node finalized it: %s%n",
                Distribution.of(finalitySlots).format("slots", 0));
        System.out.printf("finality latency, ms from the start of the block's slot to each node's finalization: %s%n",
                Distribution.of(finalityMillis).format("ms", 0));
        if (notFinalized > 0) {
            System.out.printf("(%d block-node pairs of the finalized chain were not finalized within 30 slots)%n",
                    notFinalized);
        }
    }

    /** Returns the index of the validator whose key verifies the block's seal, or -1. */
    private int authorOf(Header header) {
        Optional<byte[]> seal = SlotDigests.sealOf(header);
        if (seal.isEmpty() || seal.get().length != Ed25519Signature.LENGTH) {
            return -1;
        }
        byte[] signed = SlotDigests.withoutSeal(header).hash().bytes();
        Ed25519Signature signature = Ed25519Signature.of(seal.get());
        for (int i = 0; i < validators; i++) {
            if (DevAccounts.values()[i].publicKey().verify(signed, signature)) {
                return i;
            }
        }
        return -1;
    }

    /** The local-testnet chain with the first {@code validators} dev accounts and slots of {@code slotMillis}. */
    private ChainSpec spec() {
        ChainSpec local = ChainSpecs.local();
        GenesisConfig g = (GenesisConfig) local.genesis();
        List<AccountId32> set = Arrays.stream(DevAccounts.values()).limit(validators)
                .map(a -> AccountId32.of(a.publicKey().bytes())).toList();
        return new ChainSpec(local.name(), local.id(), local.chainType(), List.of(), List.of(), local.protocolId(),
                local.forkId(), local.properties(), Optional.of(new ConsensusConfig(slotMillis)), List.of(),
                new GenesisConfig(g.balances(), g.sudoKey(), set, g.epochLength()));
    }

    private static void sleepUntil(long wallMillis) throws InterruptedException {
        long left;
        while ((left = wallMillis - System.currentTimeMillis()) > 0) {
            Thread.sleep(Math.min(left, 1000));
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException | RuntimeException e) {
            double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return l < 0 ? "unavailable" : String.valueOf(l);
        }
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElse(System.getProperty("os.arch"));
        } catch (IOException | UncheckedIOException e) {
            return System.getProperty("os.arch");
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
