package io.zklayer.bench.p2p;

import io.zklayer.p2p.gossip.GossipConfig;
import io.zklayer.p2p.node.P2pNode;
import io.zklayer.p2p.reqresp.RequestResponseLimits;
import io.zklayer.p2p.reqresp.RequestResponseProtocol;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Request-response round trip between two Java nodes on loopback: a new yamux stream,
 * multistream-select, a 64-byte request and a 64-byte response per operation.
 */
// Logging off in the measured fork: the bench classpath has logback at its DEBUG default.
@Fork(jvmArgsAppend = "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider")
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RequestResponseBenchmark {
    private P2pNode client;
    private P2pNode server;
    private RequestResponseProtocol protocol;
    private final byte[] request = new byte[64];

    @Setup(Level.Trial)
    public void setUp() {
        client = P2pNode.create(P2pBenchHosts.config(5), GossipConfig.defaults(), new SecureRandom());
        server = P2pNode.create(P2pBenchHosts.config(6), GossipConfig.defaults(), new SecureRandom());
        client.start().join();
        server.start().join();
        server.requestResponse("/bench/echo/1", RequestResponseLimits.defaults(),
                (peer, req) -> CompletableFuture.completedFuture(req));
        protocol = client.requestResponse("/bench/echo/1", RequestResponseLimits.defaults(), null);
        client.dial(server.listenAddresses().get(0)).join();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
        server.close();
    }

    /** One request and its response. */
    @Benchmark
    public byte[] roundTrip() {
        return protocol.request(server.peerId(), request).join();
    }
}
