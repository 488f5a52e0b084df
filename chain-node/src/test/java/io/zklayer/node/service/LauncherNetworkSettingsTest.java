package io.zklayer.node.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.genesis.ChainSpec;
import io.zklayer.genesis.ChainSpecs;
import io.zklayer.node.cli.ChainSelection;
import io.zklayer.node.cli.LogDirectives;
import io.zklayer.node.cli.NetworkFlags;
import io.zklayer.node.cli.NodeConfig;
import io.zklayer.node.cli.NodePaths;
import io.zklayer.node.cli.RpcMethodsPolicy;
import io.zklayer.node.cli.RpcSettings;
import io.zklayer.node.cli.StatePruning;
import io.zklayer.node.network.NetworkSettings;
import io.zklayer.node.network.NodeKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the launcher turns the network flags into the node's network settings. */
class LauncherNetworkSettingsTest {
    private static final String BOOT = "/ip4/127.0.0.1/tcp/30333/p2p/12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp";

    @TempDir
    Path tmp;

    private NodeConfig config(int port, List<String> bootnodes, NetworkFlags flags) {
        return new NodeConfig(ChainSelection.preset("local"), Optional.of(tmp), "n", false, true, Optional.empty(),
                new RpcSettings(9944, false, RpcMethodsPolicy.AUTO, true, 100, 15, 15, 1024), port, bootnodes,
                StatePruning.parse("256"), LogDirectives.parse(List.of()), OptionalInt.empty(), false, Optional.empty(), flags);
    }

    @Test
    void theNodeKeyIsCreatedUnderTheBasePathOnceAndTheSamePeerIdComesBack() {
        ChainSpec spec = ChainSpecs.local().withBootNodes(List.of(BOOT));
        NodePaths paths = NodePaths.of(tmp, spec.id());
        NetworkSettings first = ZklayerNodeLauncher.network(config(30444, List.of(), NetworkFlags.DEFAULTS), spec, paths);
        Path keyFile = tmp.resolve("chains/local_testnet/network").resolve(NodeKeys.FILE_NAME);
        assertThat(Files.exists(keyFile)).isTrue();
        NetworkSettings second = ZklayerNodeLauncher.network(config(30444, List.of(), NetworkFlags.DEFAULTS), spec, paths);
        assertThat(second.nodeKey().peerId()).isEqualTo(first.nodeKey().peerId());
        assertThat(first.listenAddresses()).extracting(Object::toString).containsExactly("/ip4/0.0.0.0/tcp/30444");
        assertThat(first.bootnodes()).extracting(Object::toString).containsExactly(BOOT);
        assertThat(first.authority()).isTrue();
    }

    @Test
    void flagsOverrideTheStoredKeyAndThePort() {
        ChainSpec spec = ChainSpecs.local();
        NetworkFlags flags = new NetworkFlags(Optional.of("00".repeat(31) + "01"), Optional.empty(),
                List.of("/ip4/127.0.0.1/tcp/40000"), List.of(BOOT));
        NetworkSettings s = ZklayerNodeLauncher.network(config(1, List.of(BOOT), flags), spec, NodePaths.of(tmp, spec.id()));
        assertThat(s.nodeKey().peerId().toBase58()).isEqualTo("12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp");
        assertThat(s.listenAddresses()).extracting(Object::toString).containsExactly("/ip4/127.0.0.1/tcp/40000");
        assertThat(s.reservedNodes()).extracting(Object::toString).containsExactly(BOOT);
        assertThat(s.bootnodes()).extracting(Object::toString).containsExactly(BOOT);
        assertThat(Files.exists(tmp.resolve("chains"))).as("no key file written").isFalse();
    }
}
