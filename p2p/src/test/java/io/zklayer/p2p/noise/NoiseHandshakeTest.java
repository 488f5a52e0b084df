package io.zklayer.p2p.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.p2p.peer.HostKey;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class NoiseHandshakeTest {
    private final SecureRandom random = new SecureRandom();
    private final HostKey alice = HostKey.fromSecret(new byte[32]);
    private final HostKey bob = HostKey.fromSecret(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17,
            18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});

    @Test
    void xxHandshakeAuthenticatesBothIdentitiesAndAgreesOnKeys() {
        NoiseHandshake i = new NoiseHandshake(true, NoiseHandshake.generateStaticKey(random), random);
        NoiseHandshake r = new NoiseHandshake(false, NoiseHandshake.generateStaticKey(random), random);
        byte[] m1 = i.writeMessage(new byte[0]);
        assertThat(m1).hasSize(32);
        r.readMessage(m1);
        byte[] m2 = r.writeMessage(NoisePayload.create(bob, r.localStaticPublicKey()));
        assertThat(NoisePayload.verify(i.readMessage(m2), i.remoteStaticPublicKey())).isEqualTo(bob.peerId());
        byte[] m3 = i.writeMessage(NoisePayload.create(alice, i.localStaticPublicKey()));
        assertThat(NoisePayload.verify(r.readMessage(m3), r.remoteStaticPublicKey())).isEqualTo(alice.peerId());
        assertThat(i.handshakeHash()).isEqualTo(r.handshakeHash());
        CipherState[] ci = i.split();
        CipherState[] cr = r.split();
        byte[] ct = ci[0].encrypt(new byte[0], new byte[] {42}, 0, 1);
        assertThat(cr[1].decrypt(new byte[0], ct, 0, ct.length)).containsExactly(42);
    }

    @Test
    void payloadSignedOverAnotherStaticKeyIsRejected() {
        NoiseHandshake i = new NoiseHandshake(true, NoiseHandshake.generateStaticKey(random), random);
        NoiseHandshake r = new NoiseHandshake(false, NoiseHandshake.generateStaticKey(random), random);
        r.readMessage(i.writeMessage(new byte[0]));
        byte[] wrongStatic = new byte[32];
        byte[] m2 = r.writeMessage(NoisePayload.create(bob, wrongStatic));
        byte[] payload = i.readMessage(m2);
        assertThatThrownBy(() -> NoisePayload.verify(payload, i.remoteStaticPublicKey()))
                .isInstanceOf(NoiseException.class).hasMessageContaining("identity_sig does not verify");
    }

    @Test
    void tamperedHandshakeMessageFailsAuthentication() {
        NoiseHandshake i = new NoiseHandshake(true, NoiseHandshake.generateStaticKey(random), random);
        NoiseHandshake r = new NoiseHandshake(false, NoiseHandshake.generateStaticKey(random), random);
        r.readMessage(i.writeMessage(new byte[0]));
        byte[] m2 = r.writeMessage(NoisePayload.create(bob, r.localStaticPublicKey()));
        m2[40] ^= 1;
        assertThatThrownBy(() -> i.readMessage(m2)).isInstanceOf(NoiseException.class).hasMessageContaining("tag");
    }

    @Test
    void shortHandshakeMessageIsRejectedBeforeDecryption() {
        NoiseHandshake r = new NoiseHandshake(false, NoiseHandshake.generateStaticKey(random), random);
        assertThatThrownBy(() -> r.readMessage(new byte[5])).hasMessageContaining("needs at least 32");
    }

    @Test
    void malformedPayloadIsANoiseError() {
        assertThatThrownBy(() -> NoisePayload.verify(new byte[] {0x0a, 0x7f}, new byte[32]))
                .isInstanceOf(NoiseException.class).hasMessageContaining("malformed protobuf");
    }
}
