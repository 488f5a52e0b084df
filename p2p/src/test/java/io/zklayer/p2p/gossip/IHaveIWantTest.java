package io.zklayer.p2p.gossip;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.p2p.host.Host;
import io.zklayer.p2p.host.HostConfig;
import io.zklayer.p2p.host.Stream;
import io.zklayer.p2p.host.StreamHandler;
import io.zklayer.p2p.host.TestHosts;
import io.zklayer.p2p.peer.HostKey;
import io.zklayer.p2p.wire.LengthPrefixedReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A hand-driven peer announces messages by IHAVE to a router and keeps (or breaks) its promise. */
class IHaveIWantTest {
    private static final String TOPIC = "t";
    private final TestHosts hosts = new TestHosts(51);
    private final List<GossipRpc> fromRouter = new CopyOnWriteArrayList<>();
    private final Set<String> delivered = ConcurrentHashMap.newKeySet();
    private HostKey fakeKey;
    private Host fake;
    private Host routerHost;
    private GossipRouter router;
    private Stream toRouter;

    @AfterEach
    void close() {
        hosts.close();
    }

    private void connect(long followupMillis) throws Exception {
        fakeKey = hosts.nextKey();
        fake = hosts.start(HostConfig.loopback(fakeKey));
        fake.setProtocolHandler(GossipRouter.MESHSUB_V11, stream -> new StreamHandler() {
            private final LengthPrefixedReader reader = new LengthPrefixedReader(1 << 20);

            @Override
            public void onData(Stream s, byte[] data) {
                for (byte[] f : reader.feed(data)) {
                    fromRouter.add(GossipRpc.decode(f, GossipRpc.Limits.defaults()));
                }
            }
        });
        routerHost = hosts.start();
        router = new GossipRouter(routerHost, GossipConfig.defaults().withHeartbeatMillis(100).withIWantFollowupMillis(followupMillis),
                MessageIdFunction.fromAndSeqno(), new Random(1));
        router.start();
        router.subscribe(TOPIC, m -> delivered.add(new String(m.data(), StandardCharsets.UTF_8))).join();
        fake.dial(TestHosts.addressOf(routerHost)).get(5, TimeUnit.SECONDS);
        toRouter = fake.newStream(routerHost.peerId(), List.of(GossipRouter.MESHSUB_V11), (s, d) -> {})
                .get(5, TimeUnit.SECONDS);
        send(new GossipRpc(List.of(new GossipRpc.Subscription(true, TOPIC)), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of()));
    }

    private void send(GossipRpc rpc) {
        toRouter.write(LengthPrefixedReader.frame(rpc.encode()));
    }

    private PubMessage message(String text, int seq) {
        return MessageSigning.sign(fakeKey, TOPIC, text.getBytes(StandardCharsets.UTF_8),
                new byte[] {0, 0, 0, 0, 0, 0, 0, (byte) seq});
    }

    private void announce(PubMessage m) {
        byte[] id = MessageIdFunction.fromAndSeqno().id(m);
        send(new GossipRpc(List.of(), List.of(), List.of(new GossipRpc.IHave(TOPIC, List.of(id))), List.of(), List.of(),
                List.of(), List.of()));
        assertThat(TestHosts.await(() -> fromRouter.stream().flatMap(r -> r.iwant().stream())
                .flatMap(w -> w.messageIds().stream()).anyMatch(x -> java.util.Arrays.equals(x, id)), 5, TimeUnit.SECONDS))
                .as("router asks for the announced message").isTrue();
    }

    @Test
    void announcedMessageIsRequestedAndDeliveredWithoutPenalty() throws Exception {
        connect(2_000);
        PubMessage m = message("kept", 1);
        announce(m);
        send(new GossipRpc(List.of(), List.of(m), List.of(), List.of(), List.of(), List.of(), List.of()));
        assertThat(TestHosts.await(() -> delivered.contains("kept"), 5, TimeUnit.SECONDS)).isTrue();
        assertThat(TestHosts.await(() -> router.scoreOf(fakeKey.peerId()).join() < 0, 2500, TimeUnit.MILLISECONDS)).isFalse();
    }

    @Test
    void brokenIwantPromiseIsPenalised() throws Exception {
        connect(300);
        announce(message("never-sent", 2));
        assertThat(TestHosts.await(() -> router.scoreOf(fakeKey.peerId()).join() < 0, 5, TimeUnit.SECONDS)).isTrue();
        assertThat(delivered).isEmpty();
    }
}
