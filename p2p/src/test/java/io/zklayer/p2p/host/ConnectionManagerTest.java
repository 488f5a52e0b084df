package io.zklayer.p2p.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.p2p.multiaddr.Multiaddr;
import io.zklayer.p2p.peer.PeerId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConnectionManagerTest {
    private final ManualScheduler clock = new ManualScheduler();
    private final Multiaddr addr = Multiaddr.parse("/ip4/127.0.0.1/tcp/1");

    @Test
    void backoffDoublesPerFailureUpToTheCapAndClearsOnSuccess() {
        ConnectionManager cm = new ConnectionManager(new ConnectionLimits(10, 2, 1000, 5000, List.of(), 1000), clock);
        assertThat(cm.backoffRemaining(addr)).isEmpty();
        cm.dialFailed(addr);
        assertThat(cm.backoffRemaining(addr)).contains(1000L);
        cm.dialFailed(addr);
        assertThat(cm.backoffRemaining(addr)).contains(2000L);
        cm.dialFailed(addr);
        cm.dialFailed(addr);
        assertThat(cm.backoffRemaining(addr)).contains(5000L);
        clock.advance(4999);
        assertThat(cm.backoffRemaining(addr)).contains(1L);
        clock.advance(1);
        assertThat(cm.backoffRemaining(addr)).isEmpty();
        cm.dialSucceeded(addr);
        cm.dialFailed(addr);
        assertThat(cm.backoffRemaining(addr)).contains(1000L);
    }

    @Test
    void admitsUpToTheHostAndPeerLimits() {
        ConnectionManager cm = new ConnectionManager(new ConnectionLimits(3, 2, 1000, 5000, List.of(), 1000), clock);
        TestHosts keys = new TestHosts(3);
        PeerId a = keys.nextKey().peerId();
        PeerId b = keys.nextKey().peerId();
        PeerId c = keys.nextKey().peerId();
        assertThat(cm.admit(a)).isEqualTo(ConnectionManager.Admission.ADMITTED);
        assertThat(cm.admit(a)).isEqualTo(ConnectionManager.Admission.ADMITTED);
        assertThat(cm.admit(a)).isEqualTo(ConnectionManager.Admission.REJECTED_PEER_LIMIT);
        assertThat(cm.admit(b)).isEqualTo(ConnectionManager.Admission.ADMITTED);
        assertThat(cm.admit(c)).isEqualTo(ConnectionManager.Admission.REJECTED_HOST_LIMIT);
        cm.release(a);
        assertThat(cm.admit(c)).isEqualTo(ConnectionManager.Admission.ADMITTED);
        assertThat(cm.connectionCount()).isEqualTo(3);
    }

    @Test
    void hostOverItsConnectionLimitClosesTheNewConnection() throws Exception {
        try (TestHosts hosts = new TestHosts(5)) {
            Host limited = hosts.start(HostConfig.loopback(hosts.nextKey())
                    .withConnectionLimits(ConnectionLimits.defaults().withMaxConnections(1)));
            Host a = hosts.start();
            Host b = hosts.start();
            a.dial(TestHosts.addressOf(limited)).get(5, TimeUnit.SECONDS);
            CompletableFuture<Connection> second = b.dial(TestHosts.addressOf(limited));
            try {
                second.get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // the dialer may see the close as a failed upgrade or as an early close
            }
            assertThat(TestHosts.await(() -> b.connectedPeers().isEmpty() && limited.connectedPeers().size() == 1,
                    5, TimeUnit.SECONDS)).isTrue();
            assertThat(limited.connectedPeers()).containsExactly(a.peerId());
        }
    }

    @Test
    void failedDialPutsTheAddressInBackoff() throws Exception {
        try (TestHosts hosts = new TestHosts(6)) {
            Host a = hosts.start();
            Host gone = hosts.start();
            Multiaddr target = TestHosts.addressOf(gone);
            gone.close();
            assertThat(TestHosts.await(() -> {
                try {
                    a.dial(target).get(5, TimeUnit.SECONDS);
                    return false;
                } catch (Exception e) {
                    return a.connectionManager().backoffRemaining(target).isPresent();
                }
            }, 5, TimeUnit.SECONDS)).isTrue();
            assertThat(a.dial(target)).failsWithin(1, TimeUnit.SECONDS)
                    .withThrowableThat().withMessageContaining("backing off");
        }
    }

    @Test
    void bootnodesAreDialledAtStart() throws Exception {
        try (TestHosts hosts = new TestHosts(8)) {
            Host boot = hosts.start();
            Host node = hosts.start(HostConfig.loopback(hosts.nextKey()).withConnectionLimits(
                    ConnectionLimits.defaults().withBootnodes(List.of(TestHosts.addressOf(boot)))));
            assertThat(TestHosts.await(() -> node.connectedPeers().contains(boot.peerId()), 5, TimeUnit.SECONDS)).isTrue();
        }
    }
}
