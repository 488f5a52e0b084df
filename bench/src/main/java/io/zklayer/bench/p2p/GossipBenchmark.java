package io.zklayer.bench.p2p;

import io.zklayer.p2p.gossip.GossipConfig;
import io.zklayer.p2p.node.P2pNode;
import java.security.SecureRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Gossip between two Java nodes on loopback: throughput (batches of 200 signed 256-byte messages
 * published and all received, reported per message) and latency (one message published until the
 * subscriber has it). Each message is signed by the publisher and verified by the receiver.
 */
// Logging off in the measured fork: the bench classpath has logback at its DEBUG default.
@Fork(jvmArgsAppend = "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider")
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GossipBenchmark {
    private static final String TOPIC = "bench";
    private static final int BATCH = 200;

    private P2pNode publisher;
    private P2pNode subscriber;
    private final Semaphore arrivals = new Semaphore(0);
    private final byte[] payload = new byte[256];

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        publisher = P2pNode.create(P2pBenchHosts.config(3), GossipConfig.defaults(), new SecureRandom());
        subscriber = P2pNode.create(P2pBenchHosts.config(4), GossipConfig.defaults(), new SecureRandom());
        publisher.start().join();
        subscriber.start().join();
        subscriber.subscribe(TOPIC, m -> arrivals.release()).join();
        publisher.dial(subscriber.listenAddresses().get(0)).join();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!publisher.gossip().topicPeers(TOPIC).join().contains(subscriber.peerId())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("subscriber never announced the topic");
            }
            Thread.sleep(10);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        publisher.close();
        subscriber.close();
    }

    /** Publishes a batch and waits for all of it; score is time per message. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OperationsPerInvocation(BATCH)
    public void throughputPerMessage() throws InterruptedException {
        for (int i = 0; i < BATCH; i++) {
            publisher.publish(TOPIC, payload);
        }
        if (!arrivals.tryAcquire(BATCH, 30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("messages lost");
        }
    }

    /** Publishes one message and waits until the subscriber has it. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public void latency() throws InterruptedException {
        publisher.publish(TOPIC, payload);
        if (!arrivals.tryAcquire(1, 30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("message lost");
        }
    }
}
