package io.zklayer.p2p.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.p2p.identify.IdentifyInfo;
import io.zklayer.p2p.identify.IdentifyService;
import io.zklayer.p2p.ping.PingService;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HostLoopbackTest {
    private final TestHosts hosts = new TestHosts(7);

    @AfterEach
    void close() {
        hosts.close();
    }

    @Test
    void dialAuthenticatesBothPeerIdsOverNoise() throws Exception {
        Host a = hosts.start();
        Host b = hosts.start();
        Connection c = a.dial(TestHosts.addressOf(b)).get(5, TimeUnit.SECONDS);
        assertThat(c.remotePeer()).isEqualTo(b.peerId());
        assertThat(TestHosts.await(() -> b.connectedPeers().contains(a.peerId()), 5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void dialToWrongPeerIdFailsTheHandshake() {
        Host a = hosts.start();
        Host b = hosts.start();
        Host c = hosts.start();
        CompletableFuture<Connection> dial = a.dial(b.listenAddresses().get(0).withPeerId(c.peerId()));
        assertThat(dial).failsWithin(5, TimeUnit.SECONDS);
        assertThat(a.connectedPeers()).isEmpty();
    }

    @Test
    void streamCarriesBytesBothWaysAndMoreThanOneWindow() throws Exception {
        Host a = hosts.start();
        Host b = hosts.start();
        b.setProtocolHandler("/echo/1.0.0", stream -> new StreamHandler() {
            @Override
            public void onData(Stream s, byte[] data) {
                s.write(data);
            }

            @Override
            public void onRemoteClose(Stream s) {
                s.closeWrite();
            }
        });
        a.dial(TestHosts.addressOf(b)).get(5, TimeUnit.SECONDS);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Stream s = a.newStream(b.peerId(), List.of("/nope/1.0.0", "/echo/1.0.0"), new StreamHandler() {
            @Override
            public void onData(Stream st, byte[] data) {
                got.writeBytes(data);
            }

            @Override
            public void onRemoteClose(Stream st) {
                closed.complete(null);
            }
        }).get(5, TimeUnit.SECONDS);
        assertThat(s.protocol()).isEqualTo("/echo/1.0.0");
        byte[] big = new byte[1024 * 1024];
        new java.util.Random(1).nextBytes(big);
        s.write(big);
        s.closeWrite();
        closed.get(10, TimeUnit.SECONDS);
        assertThat(got.toByteArray()).isEqualTo(big);
    }

    @Test
    void unsupportedProtocolFailsTheStreamOnly() throws Exception {
        Host a = hosts.start();
        Host b = hosts.start();
        a.dial(TestHosts.addressOf(b)).get(5, TimeUnit.SECONDS);
        CompletableFuture<Stream> s = a.newStream(b.peerId(), List.of("/missing/1.0.0"), (st, d) -> {});
        assertThat(s).failsWithin(5, TimeUnit.SECONDS);
        assertThat(a.connection(b.peerId())).isPresent();
    }

    @Test
    void identifyReportsProtocolsAndPingEchoes() throws Exception {
        Host a = hosts.start();
        Host b = hosts.start();
        IdentifyService ida = new IdentifyService(a);
        new IdentifyService(b);
        PingService pinger = new PingService(a, new SecureRandom());
        new PingService(b, new SecureRandom());
        a.dial(TestHosts.addressOf(b)).get(5, TimeUnit.SECONDS);
        IdentifyInfo info = ida.identify(b.peerId()).get(5, TimeUnit.SECONDS);
        assertThat(info.protocols()).contains(IdentifyService.PROTOCOL, PingService.PROTOCOL);
        assertThat(info.listenAddresses()).contains(b.listenAddresses().get(0));
        assertThat(info.agentVersion()).isEqualTo("zklayer/0.1.0");
        assertThat(pinger.ping(b.peerId(), 5000).get(5, TimeUnit.SECONDS)).isPositive();
    }

    @Test
    void identifyPushUpdatesTheRemoteViewOfProtocols() throws Exception {
        Host a = hosts.start();
        Host b = hosts.start();
        IdentifyService ida = new IdentifyService(a);
        IdentifyService idb = new IdentifyService(b);
        a.dial(TestHosts.addressOf(b)).get(5, TimeUnit.SECONDS);
        assertThat(TestHosts.await(() -> idb.info(a.peerId()).isPresent(), 5, TimeUnit.SECONDS)).isTrue();
        a.setProtocolHandler("/added/1.0.0", st -> (s, d) -> {});
        ida.pushToAll();
        assertThat(TestHosts.await(() -> idb.info(a.peerId()).orElseThrow().protocols().contains("/added/1.0.0"),
                5, TimeUnit.SECONDS)).isTrue();
    }
}
