package io.zklayer.p2p.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.primitives.Hex;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class PeerIdTest {
    private static byte[] secretOne() {
        byte[] s = new byte[32];
        s[31] = 1;
        return s;
    }

    @org.junit.jupiter.api.Test
    void ed25519SecretOfOneGivesTheKnownJsLibp2pPeerId() {
        HostKey key = HostKey.fromSecret(secretOne());
        assertThat(key.peerId().toBase58()).isEqualTo("12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp");
    }

    @org.junit.jupiter.api.Test
    void peerIdBytesAreIdentityMultihashOfProtobufKey() {
        HostKey key = HostKey.fromSecret(secretOne());
        byte[] id = key.peerId().toBytes();
        assertThat(Hex.encodeNoPrefix(id)).startsWith("0024080112 20".replace(" ", ""));
        assertThat(id).hasSize(38);
        assertThat(key.peerId().ed25519PublicKey()).hasValueSatisfying(k -> assertThat(k).isEqualTo(key.publicKey()));
    }

    @org.junit.jupiter.api.Test
    void parsesTextFormBackToSameId() {
        PeerId id = PeerId.fromBase58("12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp");
        assertThat(id).isEqualTo(HostKey.fromSecret(secretOne()).peerId());
    }

    @org.junit.jupiter.api.Test
    void rejectsTextOutsideBase58Alphabet() {
        assertThatThrownBy(() -> PeerId.fromBase58("12D3KooW0OIl"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid character");
    }

    @org.junit.jupiter.api.Test
    void rejectsMultihashWhoseLengthDisagrees() {
        assertThatThrownBy(() -> PeerId.fromBytes(Hex.decode("0005aabb")))
                .hasMessageContaining("does not match");
    }

    @org.junit.jupiter.api.Test
    void signaturesVerifyOnlyForTheSignedMessage() {
        HostKey key = HostKey.fromSecret(secretOne());
        byte[] sig = key.sign(new byte[] {1, 2, 3});
        assertThat(HostKey.verify(key.publicKey(), new byte[] {1, 2, 3}, sig)).isTrue();
        assertThat(HostKey.verify(key.publicKey(), new byte[] {1, 2, 4}, sig)).isFalse();
    }

    @Property(tries = 200)
    void base58RoundTrips(@ForAll @Size(max = 48) byte[] bytes) {
        assertThat(Base58.decode(Base58.encode(bytes))).isEqualTo(bytes);
    }
}
