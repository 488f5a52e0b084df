package io.zklayer.bench.p2p;

import io.zklayer.p2p.host.Connection;
import io.zklayer.p2p.host.ExecutorScheduler;
import io.zklayer.p2p.host.Host;
import io.zklayer.p2p.multiaddr.Multiaddr;
import io.zklayer.p2p.noise.CipherState;
import io.zklayer.p2p.noise.NoiseHandshake;
import io.zklayer.p2p.noise.NoisePayload;
import io.zklayer.p2p.peer.HostKey;
import java.security.SecureRandom;
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
 * Connection set-up cost: a full TCP dial on loopback (multistream-select, noise XX with identity
 * payloads, multistream-select, yamux) between two hosts, and the noise XX handshake alone in
 * memory (three messages, both sides).
 */
// Logging off in the measured fork: the bench classpath has logback at its DEBUG default.
@Fork(jvmArgsAppend = "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider")
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HandshakeBenchmark {
    private ExecutorScheduler schedulerA;
    private ExecutorScheduler schedulerB;
    private Host a;
    private Host b;
    private Multiaddr target;
    private final SecureRandom random = new SecureRandom();
    private HostKey keyA;
    private HostKey keyB;
    private byte[] staticA;
    private byte[] staticB;

    @Setup(Level.Trial)
    public void setUp() {
        schedulerA = new ExecutorScheduler("bench-a");
        schedulerB = new ExecutorScheduler("bench-b");
        a = new Host(P2pBenchHosts.config(1), schedulerA, random);
        b = new Host(P2pBenchHosts.config(2), schedulerB, random);
        a.start().join();
        b.start().join();
        target = b.listenAddresses().get(0);
        keyA = P2pBenchHosts.config(1).hostKey();
        keyB = P2pBenchHosts.config(2).hostKey();
        staticA = NoiseHandshake.generateStaticKey(random);
        staticB = NoiseHandshake.generateStaticKey(random);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        a.close();
        b.close();
        schedulerA.close();
        schedulerB.close();
    }

    /** Dials over TCP until the connection is multiplexed, then closes it. */
    @Benchmark
    public Connection tcpNoiseYamuxDial() {
        Connection c = a.dial(target).join();
        c.close();
        return c;
    }

    /** Runs both sides of the noise XX handshake in memory. */
    @Benchmark
    public CipherState[] noiseXxInMemory() {
        NoiseHandshake i = new NoiseHandshake(true, staticA, random);
        NoiseHandshake r = new NoiseHandshake(false, staticB, random);
        r.readMessage(i.writeMessage(new byte[0]));
        NoisePayload.verify(i.readMessage(r.writeMessage(NoisePayload.create(keyB, r.localStaticPublicKey()))),
                i.remoteStaticPublicKey());
        NoisePayload.verify(r.readMessage(i.writeMessage(NoisePayload.create(keyA, i.localStaticPublicKey()))),
                r.remoteStaticPublicKey());
        r.split();
        return i.split();
    }
}
