package io.zklayer.p2p.yamux;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.zklayer.p2p.host.Stream;
import io.zklayer.p2p.host.StreamHandler;
import io.zklayer.p2p.peer.HostKey;
import io.zklayer.p2p.peer.PeerId;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives a listener-side session with raw frames through Netty's embedded channel. */
class YamuxSessionTest {
    private static final PeerId REMOTE = HostKey.fromSecret(new byte[32]).peerId();

    private final List<YamuxStream> inbound = new ArrayList<>();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private boolean closed;
    private EmbeddedChannel channel;

    @BeforeEach
    void setUp() {
        channel = new EmbeddedChannel(new YamuxSession(false, REMOTE, new YamuxLimits(2, 1000), new YamuxSession.Listener() {
            @Override
            public void onInboundStream(YamuxStream stream) {
                inbound.add(stream);
                stream.setHandler(new StreamHandler() {
                    @Override
                    public void onData(Stream s, byte[] data) {
                        received.writeBytes(data);
                    }
                });
            }

            @Override
            public void onSessionClosed() {
                closed = true;
            }
        }));
    }

    private static ByteBuf frame(int type, int flags, int id, long length, byte[] data) {
        ByteBuf b = Unpooled.buffer();
        b.writeByte(0).writeByte(type).writeShort(flags).writeInt(id).writeInt((int) length);
        if (data != null) {
            b.writeBytes(data);
        }
        return b;
    }

    private List<int[]> outboundHeaders() {
        channel.runPendingTasks();
        List<int[]> out = new ArrayList<>();
        ByteBuf b;
        while ((b = channel.readOutbound()) != null) {
            out.add(new int[] {b.getUnsignedByte(1), b.getUnsignedShort(2), b.getInt(4), b.getInt(8)});
            b.release();
        }
        return out;
    }

    @Test
    void acknowledgesSynAndDeliversData() {
        channel.writeInbound(frame(YamuxFrame.TYPE_WINDOW_UPDATE, YamuxFrame.FLAG_SYN, 1, 0, null));
        channel.writeInbound(frame(YamuxFrame.TYPE_DATA, 0, 1, 3, new byte[] {1, 2, 3}));
        assertThat(inbound).hasSize(1);
        assertThat(received.toByteArray()).containsExactly(1, 2, 3);
        assertThat(outboundHeaders()).anySatisfy(h -> assertThat(h).containsExactly(YamuxFrame.TYPE_WINDOW_UPDATE,
                YamuxFrame.FLAG_ACK, 1, 0));
    }

    @Test
    void dataBeyondTheReceiveWindowSendsGoAwayAndCloses() {
        channel.writeInbound(frame(YamuxFrame.TYPE_WINDOW_UPDATE, YamuxFrame.FLAG_SYN, 1, 0, null));
        outboundHeaders();
        channel.writeInbound(frame(YamuxFrame.TYPE_DATA, 0, 1, YamuxFrame.INITIAL_WINDOW + 1, null));
        assertThat(outboundHeaders()).anySatisfy(h -> assertThat(h).containsExactly(YamuxFrame.TYPE_GO_AWAY, 0, 0,
                YamuxFrame.GO_AWAY_PROTOCOL_ERROR));
        assertThat(channel.isOpen()).isFalse();
        assertThat(closed).isTrue();
    }

    @Test
    void creditsTheWindowBackAfterHalfIsConsumed() {
        channel.writeInbound(frame(YamuxFrame.TYPE_WINDOW_UPDATE, YamuxFrame.FLAG_SYN, 1, 0, null));
        outboundHeaders();
        byte[] chunk = new byte[64 * 1024];
        for (int i = 0; i < 2; i++) {
            channel.writeInbound(frame(YamuxFrame.TYPE_DATA, 0, 1, chunk.length, chunk));
        }
        assertThat(outboundHeaders()).anySatisfy(h -> assertThat(h).containsExactly(YamuxFrame.TYPE_WINDOW_UPDATE, 0, 1,
                128 * 1024));
        // after the credit a further full window is accepted without a violation
        for (int i = 0; i < 4; i++) {
            channel.writeInbound(frame(YamuxFrame.TYPE_DATA, 0, 1, chunk.length, chunk));
        }
        assertThat(channel.isOpen()).isTrue();
        assertThat(received.size()).isEqualTo(6 * chunk.length);
    }

    @Test
    void refusesStreamsBeyondTheLimitWithReset() {
        for (int id = 1; id <= 5; id += 2) {
            channel.writeInbound(frame(YamuxFrame.TYPE_WINDOW_UPDATE, YamuxFrame.FLAG_SYN, id, 0, null));
        }
        assertThat(inbound).hasSize(2);
        assertThat(outboundHeaders()).anySatisfy(h -> assertThat(h).containsExactly(YamuxFrame.TYPE_WINDOW_UPDATE,
                YamuxFrame.FLAG_RST, 5, 0));
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void synWithTheListenersParityIsAProtocolError() {
        channel.writeInbound(frame(YamuxFrame.TYPE_WINDOW_UPDATE, YamuxFrame.FLAG_SYN, 2, 0, null));
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void unknownVersionOrTypeClosesTheSession() {
        ByteBuf bad = frame(7, 0, 0, 0, null);
        channel.writeInbound(bad);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void answersPingWithTheSameOpaqueValue() {
        channel.writeInbound(frame(YamuxFrame.TYPE_PING, YamuxFrame.FLAG_SYN, 0, 0xABCDEF, null));
        assertThat(outboundHeaders()).anySatisfy(h -> assertThat(h).containsExactly(YamuxFrame.TYPE_PING,
                YamuxFrame.FLAG_ACK, 0, 0xABCDEF));
    }

    @Test
    void writesWaitForWindowAndQueueOverTheLimitResetsTheStream() {
        channel.writeInbound(frame(YamuxFrame.TYPE_WINDOW_UPDATE, YamuxFrame.FLAG_SYN, 1, 0, null));
        outboundHeaders();
        YamuxStream s = inbound.get(0);
        s.write(new byte[YamuxFrame.INITIAL_WINDOW]);
        s.write(new byte[600]);
        channel.runPendingTasks();
        assertThat(s.queuedBytes()).isEqualTo(600);
        channel.writeInbound(frame(YamuxFrame.TYPE_WINDOW_UPDATE, 0, 1, 100, null));
        assertThat(s.queuedBytes()).isEqualTo(500);
        s.write(new byte[501]);
        assertThat(s.isClosed()).isTrue();
        assertThat(outboundHeaders()).anySatisfy(h -> assertThat(h[1] & YamuxFrame.FLAG_RST).isNotZero());
        assertThat(channel.isOpen()).isTrue();
    }
}
