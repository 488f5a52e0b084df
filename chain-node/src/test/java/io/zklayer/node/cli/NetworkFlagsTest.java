package io.zklayer.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The libp2p flags of {@code run}: accepted values, and bad ones refused naming the flag (exit 2). */
class NetworkFlagsTest {
    private static final String KEY = "00".repeat(31) + "01";
    private static final String PEER = "/ip4/127.0.0.1/tcp/30333/p2p/12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp";

    @TempDir
    Path tmp;

    private CliHarness cli() {
        return new CliHarness(tmp.resolve("base"));
    }

    @Test
    void defaultsAreAStoredKeyAndTheDefaultListenAddress() {
        NodeConfig cfg = cli().config();
        assertThat(cfg.network()).isEqualTo(NetworkFlags.DEFAULTS);
        assertThat(cfg.p2pPort()).isEqualTo(30333);
    }

    @Test
    void takesTheNodeKeyListenAddressesAndReservedNodes() {
        NodeConfig cfg = cli().config("--node-key", "0x" + KEY, "--listen-addr", "/ip4/127.0.0.1/tcp/40001",
                "--listen-addr", "/ip6/::1/tcp/40002", "--reserved-nodes", PEER);
        assertThat(cfg.network().nodeKey()).contains("0x" + KEY);
        assertThat(cfg.network().listenAddresses()).containsExactly("/ip4/127.0.0.1/tcp/40001", "/ip6/::1/tcp/40002");
        assertThat(cfg.network().reservedNodes()).containsExactly(PEER);

        NodeConfig file = cli().config("--node-key-file", "k");
        assertThat(file.network().nodeKeyFile()).contains(Path.of("k").toAbsolutePath().normalize());
    }

    @Test
    void badValuesAreUsageErrorsNamingTheFlag() {
        assertRefused("--node-key: node key must be 64 hex digits", "--node-key", "abc");
        assertRefused("--node-key and --node-key-file exclude each other", "--node-key", KEY, "--node-key-file", "f");
        assertRefused("--listen-addr: '/ip4/1.2.3.4' is not an /ip4 or /ip6 address with /tcp/<port>",
                "--listen-addr", "/ip4/1.2.3.4");
        assertRefused("--listen-addr: 'nowhere' is not a valid multiaddr", "--listen-addr", "nowhere");
        assertRefused("--reserved-nodes: '/ip4/127.0.0.1/tcp/1' must end in /p2p/<peer id>",
                "--reserved-nodes", "/ip4/127.0.0.1/tcp/1");
    }

    private void assertRefused(String message, String... args) {
        CliHarness h = cli();
        assertThat(h.run(args)).as("exit code of %s", String.join(" ", args)).isEqualTo(2);
        assertThat(h.err()).contains(message);
        assertThat(h.launched).isEmpty();
    }
}
