package io.zklayer.bench.p2p;

import io.zklayer.p2p.host.ConnectionLimits;
import io.zklayer.p2p.host.HostConfig;
import io.zklayer.p2p.peer.HostKey;
import java.util.List;
import java.util.Random;

/** Seeded loopback host configs for the p2p benchmarks. */
final class P2pBenchHosts {
    private P2pBenchHosts() {}

    /** Returns a loopback config with a key from the seed and limits loose enough for repeated dials. */
    static HostConfig config(long seed) {
        byte[] secret = new byte[32];
        new Random(seed).nextBytes(secret);
        return HostConfig.loopback(HostKey.fromSecret(secret)).withConnectionLimits(
                new ConnectionLimits(100_000, 100_000, 1, 1, List.of(), 60_000));
    }
}
