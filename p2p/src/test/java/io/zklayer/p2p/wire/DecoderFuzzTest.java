package io.zklayer.p2p.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.p2p.gossip.GossipRpc;
import io.zklayer.p2p.identify.IdentifyMessage;
import io.zklayer.p2p.multiaddr.Multiaddr;
import io.zklayer.p2p.noise.NoiseException;
import io.zklayer.p2p.noise.NoisePayload;
import io.zklayer.p2p.peer.HostKey;
import io.zklayer.p2p.peer.PeerId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/**
 * Arbitrary bytes from a peer only ever produce the decoders' own rule-naming exceptions, never
 * another runtime exception (which would mean a decoder trusted a length or a field).
 */
class DecoderFuzzTest {
    private static final PeerId PEER = HostKey.fromSecret(new byte[32]).peerId();

    private static void onlyRuleErrors(Runnable decode) {
        try {
            decode.run();
        } catch (WireFormatException | NoiseException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 500)
    void gossipRpcDecoderFailsOnlyWithWireFormatErrors(@ForAll @Size(max = 200) byte[] bytes) {
        onlyRuleErrors(() -> GossipRpc.decode(bytes, GossipRpc.Limits.defaults()));
    }

    @Property(tries = 500)
    void identifyDecoderFailsOnlyWithWireFormatErrors(@ForAll @Size(max = 200) byte[] bytes) {
        onlyRuleErrors(() -> IdentifyMessage.decode(bytes, PEER));
    }

    @Property(tries = 500)
    void multiaddrAndPeerIdDecodersFailOnlyWithWireFormatErrors(@ForAll @Size(max = 80) byte[] bytes) {
        onlyRuleErrors(() -> Multiaddr.fromBytes(bytes));
        onlyRuleErrors(() -> PeerId.fromBytes(bytes));
    }

    @Property(tries = 300)
    void noisePayloadCheckFailsOnlyWithNoiseErrors(@ForAll @Size(max = 200) byte[] bytes) {
        onlyRuleErrors(() -> NoisePayload.verify(bytes, new byte[32]));
    }

    @Property(tries = 300)
    void lengthPrefixedReaderFailsOnlyWithWireFormatErrors(@ForAll @Size(max = 100) byte[] bytes) {
        onlyRuleErrors(() -> new LengthPrefixedReader(64).feed(bytes));
    }
}
