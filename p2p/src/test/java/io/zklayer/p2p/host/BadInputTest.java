package io.zklayer.p2p.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.p2p.ping.PingService;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A misbehaving dialer at each layer gets its connection closed, and the host keeps serving others. */
class BadInputTest {
    private final TestHosts hosts = new TestHosts(31);
    private Host target;
    private InetSocketAddress address;

    @BeforeEach
    void start() {
        target = hosts.start();
        new PingService(target, new SecureRandom());
        address = target.listenAddresses().get(0).toTcpSocketAddress();
    }

    @AfterEach
    void close() throws Exception {
        // the host still accepts and serves a well-behaved peer
        Host good = hosts.start();
        PingService ping = new PingService(good, new SecureRandom());
        good.dial(TestHosts.addressOf(target)).get(5, TimeUnit.SECONDS);
        assertThat(ping.ping(target.peerId(), 5000).get(5, TimeUnit.SECONDS)).isPositive();
        hosts.close();
    }

    @Test
    void multistreamLineWithoutNewlineClosesTheConnection() throws IOException {
        try (RawPeer raw = new RawPeer(address)) {
            byte[] text = "/multistream/1.0.0".getBytes(StandardCharsets.UTF_8);
            ByteBuffer b = ByteBuffer.allocate(1 + text.length).put((byte) text.length).put(text);
            raw.writeRaw(b.array());
            assertThat(raw.closedByRemote()).isTrue();
        }
    }

    @Test
    void multistreamLengthOverTheLimitClosesTheConnection() throws IOException {
        try (RawPeer raw = new RawPeer(address)) {
            raw.writeRaw(RawPeer.varint(1_000_000));
            assertThat(raw.closedByRemote()).isTrue();
        }
    }

    @Test
    void unknownSecurityProtocolIsRefusedWithNa() throws IOException {
        try (RawPeer raw = new RawPeer(address)) {
            raw.writeRaw(io.zklayer.p2p.mss.MultistreamNegotiator.encode("/multistream/1.0.0"));
            raw.writeRaw(io.zklayer.p2p.mss.MultistreamNegotiator.encode("/tls/1.0.0"));
            assertThat(raw.readLine()).isEqualTo("/multistream/1.0.0");
            assertThat(raw.readLine()).isEqualTo("na");
        }
    }

    @Test
    void noisePayloadWithBadSignatureClosesTheConnection() throws IOException {
        try (RawPeer raw = new RawPeer(address)) {
            raw.select("/noise");
            raw.noise(hosts.nextKey(), true);
            assertThat(raw.closedByRemote()).isTrue();
            assertThat(target.connectedPeers()).isEmpty();
        }
    }

    @Test
    void noiseFrameThatFailsAuthenticationClosesTheConnection() throws IOException {
        try (RawPeer raw = new RawPeer(address)) {
            raw.select("/noise");
            raw.noise(hosts.nextKey(), false);
            raw.writeFrame(new byte[100]);
            assertThat(raw.closedByRemote()).isTrue();
        }
    }

    @Test
    void yamuxWindowViolationClosesTheConnection() throws IOException {
        try (RawPeer raw = new RawPeer(address)) {
            raw.select("/noise");
            raw.noise(hosts.nextKey(), false);
            raw.selectEncrypted("/yamux/1.0.0");
            assertThat(TestHosts.await(() -> target.connectedPeers().size() == 1, 5, TimeUnit.SECONDS)).isTrue();
            ByteBuffer syn = ByteBuffer.allocate(12).put((byte) 0).put((byte) 1).putShort((short) 1).putInt(1).putInt(0);
            raw.writeEncrypted(syn.array());
            ByteBuffer header = ByteBuffer.allocate(12).put((byte) 0).put((byte) 0).putShort((short) 0).putInt(1)
                    .putInt(1 << 20);
            raw.writeEncrypted(header.array());
            assertThat(raw.closedByRemote()).isTrue();
            assertThat(TestHosts.await(() -> target.connectedPeers().isEmpty(), 5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void silentDialerIsDroppedAfterTheUpgradeTimeout() throws IOException {
        target.close();
        target = hosts.start(new HostConfig(hosts.nextKey(), HostConfig.loopback(hosts.nextKey()).listenAddresses(),
                "zklayer/test", 300, 300, io.zklayer.p2p.yamux.YamuxLimits.defaults(), ConnectionLimits.defaults(), 1));
        new PingService(target, new SecureRandom());
        try (RawPeer raw = new RawPeer(target.listenAddresses().get(0).toTcpSocketAddress())) {
            assertThat(raw.closedByRemote()).isTrue();
        }
    }
}
