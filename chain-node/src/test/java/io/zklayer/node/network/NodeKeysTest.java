package io.zklayer.node.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.p2p.peer.HostKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node key: made once under the base path, read back on every start, or given as hex. */
class NodeKeysTest {
    private static final String ONE = "00".repeat(31) + "01";
    private static final String ONE_PEER_ID = "12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp";

    @TempDir
    Path dir;

    @Test
    void aMissingKeyFileIsCreatedOwnerOnlyAndReadBackTheSame() throws Exception {
        Path file = dir.resolve("chains/local_testnet/network").resolve(NodeKeys.FILE_NAME);
        HostKey first = NodeKeys.loadOrCreate(file, new SecureRandom());
        assertThat(Files.readAllBytes(file)).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        HostKey again = NodeKeys.loadOrCreate(file, new SecureRandom());
        assertThat(again.peerId()).isEqualTo(first.peerId());
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }

    @Test
    void hexKeysGiveTheirPeerIdInFilesAndOnTheCommandLine() throws Exception {
        assertThat(NodeKeys.fromHex(ONE).peerId().toBase58()).isEqualTo(ONE_PEER_ID);
        assertThat(NodeKeys.fromHex("0x" + ONE).peerId().toBase58()).isEqualTo(ONE_PEER_ID);
        Path file = dir.resolve("key");
        Files.writeString(file, ONE + "\n", StandardCharsets.US_ASCII);
        assertThat(NodeKeys.loadOrCreate(file, new SecureRandom()).peerId().toBase58()).isEqualTo(ONE_PEER_ID);
    }

    @Test
    void aFileThatIsNotAKeyIsRefusedNamingIt() throws Exception {
        Path file = dir.resolve("broken");
        Files.writeString(file, "not a key");
        assertThatThrownBy(() -> NodeKeys.loadOrCreate(file, new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("expected a 32-byte Ed25519 secret or 64 hex digits");
        assertThatThrownBy(() -> NodeKeys.fromHex("abcd")).hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> NodeKeys.fromHex("zz".repeat(32))).hasMessageContaining("64 hex digits");
    }
}
