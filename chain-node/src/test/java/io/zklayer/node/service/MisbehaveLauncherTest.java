package io.zklayer.node.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.genesis.ChainSpec;
import io.zklayer.genesis.ChainSpecs;
import io.zklayer.genesis.ChainType;
import io.zklayer.node.cli.ChainSelection;
import io.zklayer.node.cli.InvalidConfigException;
import io.zklayer.node.cli.LogDirectives;
import io.zklayer.node.cli.Misbehaviour;
import io.zklayer.node.cli.NetworkFlags;
import io.zklayer.node.cli.NodeConfig;
import io.zklayer.node.cli.NodePaths;
import io.zklayer.node.cli.RpcMethodsPolicy;
import io.zklayer.node.cli.RpcSettings;
import io.zklayer.node.cli.StatePruning;
import io.zklayer.primitives.crypto.Ed25519KeyPair;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher passes {@code --unsafe-misbehave} to the node only on Development and Local chains. */
class MisbehaveLauncherTest {
    @TempDir
    Path tmp;

    private NodeConfig config() {
        return new NodeConfig(ChainSelection.preset("local"), Optional.of(tmp), "n", false, true,
                Optional.of(Ed25519KeyPair.fromSecretUri("//Dave")),
                new RpcSettings(9944, false, RpcMethodsPolicy.AUTO, true, 100, 15, 15, 1024), 30444, List.of(),
                StatePruning.parse("256"), LogDirectives.parse(List.of()), OptionalInt.empty(), false, Optional.empty(),
                NetworkFlags.DEFAULTS, EnumSet.of(Misbehaviour.DOUBLE_AUTHOR));
    }

    @Test
    void aLocalChainNodeGetsItsMisbehaviour() {
        ChainSpec spec = ChainSpecs.local();
        NodeSettings s = ZklayerNodeLauncher.settings(config(), spec, NodePaths.of(tmp, spec.id()));
        assertThat(s.misbehave()).containsExactly(Misbehaviour.DOUBLE_AUTHOR);
        assertThat(s.authoringKey()).isPresent();
    }

    @Test
    void aLiveChainRefusesToStartAMisbehavingNode() {
        ChainSpec local = ChainSpecs.local();
        ChainSpec live = new ChainSpec("ZKLayer", "zklayer", ChainType.LIVE, local.bootNodes(), local.telemetryEndpoints(),
                local.protocolId(), local.forkId(), local.properties(), local.consensus(), local.badBlocks(), local.genesis());
        assertThatThrownBy(() -> ZklayerNodeLauncher.settings(config(), live, NodePaths.of(tmp, live.id())))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("--unsafe-misbehave is allowed only on Development and Local chains")
                .hasMessageContaining("chain 'zklayer' is Live");
    }
}
