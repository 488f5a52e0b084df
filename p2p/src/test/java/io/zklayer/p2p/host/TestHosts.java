package io.zklayer.p2p.host;

import io.zklayer.p2p.multiaddr.Multiaddr;
import io.zklayer.p2p.peer.HostKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Seeded host keys and loopback hosts for tests; closes what it made. */
public final class TestHosts implements AutoCloseable {
    private final Random seeds;
    private final List<AutoCloseable> owned = new ArrayList<>();

    /** Creates a factory whose keys derive from the seed. */
    public TestHosts(long seed) {
        this.seeds = new Random(seed);
    }

    /** Returns the next seeded host key. */
    public HostKey nextKey() {
        byte[] secret = new byte[32];
        seeds.nextBytes(secret);
        return HostKey.fromSecret(secret);
    }

    /** Returns a started loopback host with a seeded key. */
    public Host start() {
        return start(HostConfig.loopback(nextKey()));
    }

    /** Returns a started host with the config. */
    public Host start(HostConfig config) {
        ExecutorScheduler scheduler = new ExecutorScheduler("test-scheduler");
        Host host = new Host(config, scheduler, new SecureRandom());
        owned.add(scheduler);
        owned.add(host);
        host.start().join();
        return host;
    }

    /** Returns the first listen address of the host with its /p2p component. */
    public static Multiaddr addressOf(Host host) {
        return host.listenAddresses().get(0).withPeerId(host.peerId());
    }

    /** Polls the condition every 10 ms until it holds or the timeout passes; returns whether it held. */
    public static boolean await(BooleanSupplier condition, long timeout, TimeUnit unit) {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    @Override
    public void close() {
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                // best effort in tests
            }
        }
    }
}
