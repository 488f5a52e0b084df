package io.zklayer.p2p.mss;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.zklayer.primitives.Hex;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MultistreamNegotiatorTest {
    private static ByteBuf buf(byte[]... parts) {
        ByteBuf b = Unpooled.buffer();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b;
    }

    @Test
    void encodesLinesWithVarintLengthAndNewline() {
        assertThat(Hex.encodeNoPrefix(MultistreamNegotiator.encode("/noise"))).isEqualTo("072f6e6f6973650a");
    }

    @Test
    void initiatorAndResponderAgreeAfterOneNa() {
        MultistreamNegotiator i = MultistreamNegotiator.initiator(List.of("/a/1", "/b/1"));
        MultistreamNegotiator r = MultistreamNegotiator.responder(Set.of("/b/1")::contains, () -> List.of("/b/1"));
        ByteBuf toResponder = buf(i.start());
        ByteBuf toInitiator = buf(r.start());
        MultistreamNegotiator.Step rs = r.onData(toResponder);
        assertThat(rs.isSelected()).isFalse();
        toInitiator.writeBytes(rs.reply());
        MultistreamNegotiator.Step is = i.onData(toInitiator);
        assertThat(is.isSelected()).isFalse();
        MultistreamNegotiator.Step rs2 = r.onData(buf(is.reply()));
        assertThat(rs2.selected()).isEqualTo("/b/1");
        assertThat(i.onData(buf(rs2.reply())).selected()).isEqualTo("/b/1");
    }

    @Test
    void leavesBytesAfterTheSelectionForTheProtocol() {
        MultistreamNegotiator r = MultistreamNegotiator.responder("/p"::equals, List::of);
        ByteBuf in = buf(MultistreamNegotiator.encode(MultistreamNegotiator.HEADER), MultistreamNegotiator.encode("/p"),
                new byte[] {1, 2, 3});
        assertThat(r.onData(in).selected()).isEqualTo("/p");
        assertThat(in.readableBytes()).isEqualTo(3);
    }

    @Test
    void waitsForMoreBytesOnAPartialMessage() {
        MultistreamNegotiator r = MultistreamNegotiator.responder("/p"::equals, List::of);
        byte[] header = MultistreamNegotiator.encode(MultistreamNegotiator.HEADER);
        ByteBuf in = buf(java.util.Arrays.copyOf(header, 5));
        MultistreamNegotiator.Step s = r.onData(in);
        assertThat(s.isSelected() || s.isFailed()).isFalse();
        assertThat(in.readableBytes()).isEqualTo(5);
    }

    @Test
    void answersLsWithTheProtocolList() {
        MultistreamNegotiator r = MultistreamNegotiator.responder("/p"::equals, () -> List.of("/p"));
        MultistreamNegotiator.Step s = r.onData(buf(MultistreamNegotiator.encode(MultistreamNegotiator.HEADER),
                MultistreamNegotiator.encode("ls")));
        // varint(total) ‖ varint(3) "/p\n" ‖ "\n"
        assertThat(Hex.encodeNoPrefix(s.reply())).isEqualTo("05032f700a0a");
    }

    @Test
    void failsOnWrongHeaderAndAfterTooManyRefusals() {
        MultistreamNegotiator r = MultistreamNegotiator.responder(p -> false, List::of);
        assertThat(r.onData(buf(MultistreamNegotiator.encode("/multistream/2.0.0"))).failure())
                .contains("expected header");
        MultistreamNegotiator r2 = MultistreamNegotiator.responder(p -> false, List::of);
        ByteBuf in = buf(MultistreamNegotiator.encode(MultistreamNegotiator.HEADER));
        for (int k = 0; k < 40; k++) {
            in.writeBytes(MultistreamNegotiator.encode("/x/" + k));
        }
        assertThat(r2.onData(in).failure()).contains("giving up");
    }

    @Test
    void initiatorFailsWhenEveryProposalIsRefused() {
        MultistreamNegotiator i = MultistreamNegotiator.initiator(List.of("/a"));
        i.start();
        MultistreamNegotiator.Step s = i.onData(buf(MultistreamNegotiator.encode(MultistreamNegotiator.HEADER),
                MultistreamNegotiator.encode("na")));
        assertThat(s.failure()).contains("supports none");
    }
}
