package io.zklayer.p2p.gossip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.p2p.peer.HostKey;
import io.zklayer.p2p.wire.WireFormatException;
import io.zklayer.primitives.Hex;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GossipRpcTest {
    private static HostKey key() {
        byte[] s = new byte[32];
        s[31] = 1;
        return HostKey.fromSecret(s);
    }

    @Test
    void roundTripsEveryPartOfAnRpc() {
        PubMessage m = MessageSigning.sign(key(), "t", new byte[] {1, 2}, new byte[8]);
        GossipRpc rpc = new GossipRpc(List.of(new GossipRpc.Subscription(true, "t")), List.of(m),
                List.of(new GossipRpc.IHave("t", List.of(new byte[] {9}))), List.of(new GossipRpc.IWant(List.of(new byte[] {8}))),
                List.of("t"), List.of(new GossipRpc.Prune("u", 60)), List.of());
        GossipRpc back = GossipRpc.decode(rpc.encode(), GossipRpc.Limits.defaults());
        assertThat(back.subscriptions()).containsExactly(new GossipRpc.Subscription(true, "t"));
        assertThat(back.messages().get(0).encode(true)).isEqualTo(m.encode(true));
        assertThat(back.ihave().get(0).messageIds().get(0)).containsExactly(9);
        assertThat(back.iwant().get(0).messageIds().get(0)).containsExactly(8);
        assertThat(back.graft()).containsExactly("t");
        assertThat(back.prune()).containsExactly(new GossipRpc.Prune("u", 60));
    }

    @Test
    void signedBytesAreThePrefixAndCanonicalMessageWithoutSignature() {
        PubMessage m = MessageSigning.sign(key(), "t", new byte[] {0x61}, new byte[] {0, 0, 0, 0, 0, 0, 0, 1});
        String hex = Hex.encodeNoPrefix(MessageSigning.signedBytes(m));
        // "libp2p-pubsub:" then from (field 1, 38 bytes), data (field 2), seqno (field 3), topic (field 4)
        assertThat(hex).startsWith(Hex.encodeNoPrefix("libp2p-pubsub:".getBytes(StandardCharsets.US_ASCII)) + "0a26");
        assertThat(hex).endsWith("12016" + "1" + "1a080000000000000001" + "220174");
        assertThat(MessageSigning.check(m)).isEmpty();
    }

    @Test
    void tamperedDataFailsStrictSign() {
        PubMessage m = MessageSigning.sign(key(), "t", new byte[] {1}, new byte[8]);
        PubMessage tampered = new PubMessage(m.from(), new byte[] {2}, m.seqno(), "t", m.signature(), null);
        assertThat(MessageSigning.check(tampered)).hasValueSatisfying(r -> assertThat(r).contains("does not verify"));
        PubMessage noSeq = new PubMessage(m.from(), m.data(), new byte[7], "t", m.signature(), null);
        assertThat(MessageSigning.check(noSeq)).hasValueSatisfying(r -> assertThat(r).contains("not 8"));
    }

    @Test
    void rpcWithTooManyMessagesIsRejected() {
        PubMessage m = new PubMessage(null, new byte[0], null, "t", null, null);
        GossipRpc rpc = new GossipRpc(List.of(), List.of(m, m, m), List.of(), List.of(), List.of(), List.of(), List.of());
        assertThatThrownBy(() -> GossipRpc.decode(rpc.encode(), new GossipRpc.Limits(10, 2, 10, 10)))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("too many messages");
    }

    @Test
    void messageCacheAnnouncesOnlyGossipWindowsAndForgetsAfterLength() {
        MessageCache c = new MessageCache(3, 2);
        PubMessage m = new PubMessage(null, new byte[0], null, "t", null, null);
        MessageId id = new MessageId(new byte[] {1});
        c.put(id, m);
        assertThat(c.gossipIds("t")).containsExactly(id);
        c.shift();
        c.shift();
        assertThat(c.gossipIds("t")).isEmpty();
        assertThat(c.get(id)).isPresent();
        c.shift();
        assertThat(c.get(id)).isEmpty();
    }
}
