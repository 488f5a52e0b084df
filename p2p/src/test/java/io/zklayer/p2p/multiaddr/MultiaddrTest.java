package io.zklayer.p2p.multiaddr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.p2p.peer.PeerId;
import io.zklayer.p2p.wire.WireFormatException;
import io.zklayer.primitives.Hex;
import org.junit.jupiter.api.Test;

class MultiaddrTest {
    private static final String ID = "12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp";

    @Test
    void encodesIp4TcpToKnownBytes() {
        Multiaddr a = Multiaddr.parse("/ip4/127.0.0.1/tcp/4001");
        assertThat(Hex.encodeNoPrefix(a.toBytes())).isEqualTo("047f000001060fa1");
        assertThat(Multiaddr.fromBytes(a.toBytes())).isEqualTo(a);
    }

    @Test
    void roundTripsP2pComponentThroughBinary() {
        Multiaddr a = Multiaddr.parse("/ip4/127.0.0.1/tcp/4001/p2p/" + ID);
        byte[] bin = a.toBytes();
        // p2p code 421 = varint a503, then length 38
        assertThat(Hex.encodeNoPrefix(bin)).contains("a50326");
        Multiaddr back = Multiaddr.fromBytes(bin);
        assertThat(back.toString()).isEqualTo("/ip4/127.0.0.1/tcp/4001/p2p/" + ID);
        assertThat(back.peerId()).contains(PeerId.fromBase58(ID));
        assertThat(back.withoutPeerId().toString()).isEqualTo("/ip4/127.0.0.1/tcp/4001");
    }

    @Test
    void parsesIp6AndDns() {
        Multiaddr six = Multiaddr.parse("/ip6/::1/tcp/30333");
        assertThat(Hex.encodeNoPrefix(six.toBytes())).isEqualTo("29" + "00".repeat(15) + "01" + "06" + "767d");
        assertThat(Multiaddr.fromBytes(six.toBytes())).isEqualTo(six);
        assertThat(six.toTcpSocketAddress().getPort()).isEqualTo(30333);
        Multiaddr dns = Multiaddr.parse("/dns4/example.org/tcp/443/wss");
        assertThat(Multiaddr.fromBytes(dns.toBytes())).isEqualTo(dns);
    }

    @Test
    void rejectsUnknownProtocolAndBadValues() {
        assertThatThrownBy(() -> Multiaddr.parse("/ip5/1.2.3.4")).hasMessageContaining("unknown protocol 'ip5'");
        assertThatThrownBy(() -> Multiaddr.parse("/ip4/300.1.1.1")).hasMessageContaining("bad ip4");
        assertThatThrownBy(() -> Multiaddr.parse("/tcp/70000")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> Multiaddr.parse("/tcp")).hasMessageContaining("needs a value");
    }

    @Test
    void rejectsTruncatedBinary() {
        assertThatThrownBy(() -> Multiaddr.fromBytes(Hex.decode("047f00")))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("truncated");
    }
}
