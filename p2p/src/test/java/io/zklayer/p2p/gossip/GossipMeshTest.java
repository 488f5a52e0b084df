package io.zklayer.p2p.gossip;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.p2p.host.Host;
import io.zklayer.p2p.host.Stream;
import io.zklayer.p2p.host.TestHosts;
import io.zklayer.p2p.peer.HostKey;
import io.zklayer.p2p.wire.LengthPrefixedReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GossipMeshTest {
    private static final String TOPIC = "blocks";
    private final TestHosts hosts = new TestHosts(21);

    @AfterEach
    void close() {
        hosts.close();
    }

    private record Node(Host host, GossipRouter router, Set<String> received) {}

    private Node node(int seed) {
        Host h = hosts.start();
        GossipRouter r = new GossipRouter(h, GossipConfig.defaults().withHeartbeatMillis(200),
                MessageIdFunction.fromAndSeqno(), new Random(seed));
        r.start();
        Set<String> got = ConcurrentHashMap.newKeySet();
        r.subscribe(TOPIC, m -> got.add(new String(m.data(), StandardCharsets.UTF_8))).join();
        return new Node(h, r, got);
    }

    @Test
    void eightHostMeshDeliversEveryMessageToEverySubscriber() throws Exception {
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            nodes.add(node(i));
        }
        // ring plus chords: each host dials the next two
        for (int i = 0; i < 8; i++) {
            for (int k = 1; k <= 2; k++) {
                Host from = nodes.get(i).host();
                Host to = nodes.get((i + k) % 8).host();
                from.dial(TestHosts.addressOf(to)).get(5, TimeUnit.SECONDS);
            }
        }
        assertThat(TestHosts.await(() -> nodes.stream().allMatch(n -> n.router().meshPeers(TOPIC).join().size() >= 3),
                10, TimeUnit.SECONDS)).as("meshes formed").isTrue();
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 5; j++) {
                PublishResult r = nodes.get(i).router().publish(TOPIC, ("m-" + i + "-" + j).getBytes(StandardCharsets.UTF_8))
                        .get(5, TimeUnit.SECONDS);
                assertThat(r.recipients()).isPositive();
            }
        }
        assertThat(TestHosts.await(() -> nodes.stream().allMatch(n -> n.received().size() == 35), 15, TimeUnit.SECONDS))
                .as("every subscriber got the 35 messages of the 7 others").isTrue();
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                if (i != j) {
                    for (int k = 0; k < 5; k++) {
                        assertThat(nodes.get(i).received()).contains("m-" + j + "-" + k);
                    }
                }
            }
        }
    }

    @Test
    void badSignaturePenalisesTheSenderAndIsNotDelivered() throws Exception {
        Node a = node(1);
        Node b = node(2);
        a.host().dial(TestHosts.addressOf(b.host())).get(5, TimeUnit.SECONDS);
        assertThat(TestHosts.await(() -> b.router().topicPeers(TOPIC).join().contains(a.host().peerId()), 5,
                TimeUnit.SECONDS)).isTrue();
        HostKey forger = hosts.nextKey();
        PubMessage good = MessageSigning.sign(forger, TOPIC, "forged".getBytes(StandardCharsets.UTF_8),
                new byte[] {0, 0, 0, 0, 0, 0, 0, 1});
        byte[] sig = good.signature().clone();
        sig[0] ^= 1;
        PubMessage bad = new PubMessage(good.from(), good.data(), good.seqno(), TOPIC, sig, null);
        GossipRpc rpc = new GossipRpc(List.of(), List.of(bad), List.of(), List.of(), List.of(), List.of(), List.of());
        Stream s = a.host().newStream(b.host().peerId(), List.of(GossipRouter.MESHSUB_V11), (st, d) -> {})
                .get(5, TimeUnit.SECONDS);
        s.write(LengthPrefixedReader.frame(rpc.encode()));
        assertThat(TestHosts.await(() -> b.router().scoreOf(a.host().peerId()).join() < 0, 5, TimeUnit.SECONDS)).isTrue();
        assertThat(b.received()).doesNotContain("forged");
        // the host survives and still delivers valid messages from the same peer
        a.router().publish(TOPIC, "valid".getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS);
        assertThat(TestHosts.await(() -> b.received().contains("valid"), 5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void validatorRejectionStopsDeliveryAndPenalises() throws Exception {
        Node a = node(3);
        Node b = node(4);
        b.router().setValidator(TOPIC, m -> new String(m.data(), StandardCharsets.UTF_8).startsWith("ok")
                ? ValidationResult.ACCEPT : ValidationResult.REJECT);
        a.host().dial(TestHosts.addressOf(b.host())).get(5, TimeUnit.SECONDS);
        assertThat(TestHosts.await(() -> a.router().topicPeers(TOPIC).join().contains(b.host().peerId()), 5,
                TimeUnit.SECONDS)).isTrue();
        a.router().publish(TOPIC, "bad".getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS);
        a.router().publish(TOPIC, "ok-1".getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS);
        assertThat(TestHosts.await(() -> b.received().contains("ok-1"), 5, TimeUnit.SECONDS)).isTrue();
        assertThat(b.received()).doesNotContain("bad");
        assertThat(b.router().scoreOf(a.host().peerId()).get(5, TimeUnit.SECONDS)).isNegative();
    }

    @Test
    void malformedRpcResetsTheStreamAndKeepsTheConnection() throws Exception {
        Node a = node(5);
        Node b = node(6);
        a.host().dial(TestHosts.addressOf(b.host())).get(5, TimeUnit.SECONDS);
        Stream s = a.host().newStream(b.host().peerId(), List.of(GossipRouter.MESHSUB_V11), (st, d) -> {})
                .get(5, TimeUnit.SECONDS);
        s.write(new byte[] {5, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff});
        assertThat(TestHosts.await(s::isClosed, 5, TimeUnit.SECONDS)).isTrue();
        assertThat(b.host().connection(a.host().peerId())).isPresent();
        assertThat(b.router().scoreOf(a.host().peerId()).get(5, TimeUnit.SECONDS)).isNegative();
    }

    @Test
    void hubMeshIsPrunedBackWithinDloAndDhi() throws Exception {
        Node hub = node(100);
        List<Node> spokes = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            Node n = node(200 + i);
            spokes.add(n);
            n.host().dial(TestHosts.addressOf(hub.host())).get(5, TimeUnit.SECONDS);
        }
        assertThat(TestHosts.await(() -> hub.router().topicPeers(TOPIC).join().size() == 14, 10, TimeUnit.SECONDS)).isTrue();
        GossipConfig c = GossipConfig.defaults();
        assertThat(TestHosts.await(() -> {
            int size = hub.router().meshPeers(TOPIC).join().size();
            return size >= c.dLo() && size <= c.dHi();
        }, 10, TimeUnit.SECONDS)).as("hub mesh within [D_lo, D_hi]").isTrue();
        hub.router().publish(TOPIC, "to-all".getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS);
        assertThat(TestHosts.await(() -> spokes.stream().allMatch(n -> n.received().contains("to-all")), 10,
                TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void publishingWithoutSubscribingGoesThroughFanout() throws Exception {
        Host h = hosts.start();
        GossipRouter publisher = new GossipRouter(h, GossipConfig.defaults().withHeartbeatMillis(200).withFloodPublish(false),
                MessageIdFunction.fromAndSeqno(), new Random(9));
        publisher.start();
        Node sub = node(10);
        h.dial(TestHosts.addressOf(sub.host())).get(5, TimeUnit.SECONDS);
        assertThat(TestHosts.await(() -> publisher.topicPeers(TOPIC).join().contains(sub.host().peerId()), 5,
                TimeUnit.SECONDS)).isTrue();
        PublishResult r = publisher.publish(TOPIC, "fanout".getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS);
        assertThat(r.recipients()).isEqualTo(1);
        assertThat(TestHosts.await(() -> sub.received().contains("fanout"), 5, TimeUnit.SECONDS)).isTrue();
        assertThat(publisher.meshPeers(TOPIC).get()).isEmpty();
    }
}
