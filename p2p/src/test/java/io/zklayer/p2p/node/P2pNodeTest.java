package io.zklayer.p2p.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.p2p.gossip.GossipConfig;
import io.zklayer.p2p.host.HostConfig;
import io.zklayer.p2p.host.TestHosts;
import io.zklayer.p2p.reqresp.RequestResponseLimits;
import io.zklayer.p2p.reqresp.RequestResponseProtocol;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class P2pNodeTest {
    @Test
    void nodesDialPingRequestAndGossip() throws Exception {
        TestHosts keys = new TestHosts(41);
        try (P2pNode a = P2pNode.create(HostConfig.loopback(keys.nextKey()), GossipConfig.defaults(), new SecureRandom());
                P2pNode b = P2pNode.create(HostConfig.loopback(keys.nextKey()), GossipConfig.defaults(), new SecureRandom())) {
            a.start().get(5, TimeUnit.SECONDS);
            b.start().get(5, TimeUnit.SECONDS);
            b.requestResponse("/zklayer/echo/1", RequestResponseLimits.defaults(),
                    (peer, req) -> CompletableFuture.completedFuture(req));
            RequestResponseProtocol echo = a.requestResponse("/zklayer/echo/1", RequestResponseLimits.defaults(), null);
            Set<String> got = ConcurrentHashMap.newKeySet();
            b.subscribe("t", m -> got.add(new String(m.data(), StandardCharsets.UTF_8))).get();
            a.dial(b.listenAddresses().get(0)).get(5, TimeUnit.SECONDS);
            assertThat(a.ping(b.peerId(), 5000).get(5, TimeUnit.SECONDS)).isPositive();
            assertThat(echo.request(b.peerId(), new byte[] {7}).get(5, TimeUnit.SECONDS)).containsExactly(7);
            assertThat(TestHosts.await(() -> a.gossip().topicPeers("t").join().contains(b.peerId()), 5, TimeUnit.SECONDS))
                    .isTrue();
            a.publish("t", "x".getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS);
            assertThat(TestHosts.await(() -> got.contains("x"), 5, TimeUnit.SECONDS)).isTrue();
            assertThat(TestHosts.await(() -> a.identify().info(b.peerId())
                    .map(i -> i.protocols().contains("/zklayer/echo/1")).orElse(false), 5, TimeUnit.SECONDS)).isTrue();
        }
    }
}
