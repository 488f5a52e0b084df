package io.zklayer.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodePathsTest {
    @TempDir
    Path tmp;

    @Test
    void laysChainsOutAsSubstrateDoes() {
        NodePaths paths = NodePaths.of(Path.of("/srv/node"), ChainSelection.preset("local"));

        assertThat(paths.chainDir()).isEqualTo(Path.of("/srv/node/chains/local_testnet"));
        assertThat(paths.database()).isEqualTo(Path.of("/srv/node/chains/local_testnet/db"));
        assertThat(paths.keystore()).isEqualTo(Path.of("/srv/node/chains/local_testnet/keystore"));
        assertThat(paths.network()).isEqualTo(Path.of("/srv/node/chains/local_testnet/network"));
        assertThat(paths.chainId()).isEqualTo("local_testnet");
    }

    @Test
    void refusesChainIdsThatCouldLeaveTheBasePath() {
        for (String id : new String[] {"..", "../x", "a/b", "", "a b", "x".repeat(65)}) {
            assertThatThrownBy(() -> NodePaths.of(tmp, id)).as(id)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must be 1…64 letters, digits, '_' or '-'");
        }
    }

    @Test
    void defaultBasePathFollowsXdgDataHome() {
        assertThat(NodePaths.defaultBasePath(Map.of(), "/home/op")).isEqualTo(Path.of("/home/op/.local/share/zklayer"));
        assertThat(NodePaths.defaultBasePath(Map.of("XDG_DATA_HOME", "/data"), "/home/op")).isEqualTo(Path.of("/data/zklayer"));
        assertThat(NodePaths.defaultBasePath(Map.of("XDG_DATA_HOME", "relative"), "/home/op"))
                .as("the XDG spec ignores relative paths").isEqualTo(Path.of("/home/op/.local/share/zklayer"));
    }

    @Test
    void deleteTreeRemovesLinksButNotTheirTargets() throws Exception {
        Path keep = Files.createDirectories(tmp.resolve("keep"));
        Files.writeString(keep.resolve("precious"), "x");
        Path doomed = Files.createDirectories(tmp.resolve("doomed/a/b"));
        Files.writeString(doomed.resolve("f"), "y");
        Files.createSymbolicLink(tmp.resolve("doomed/link"), keep);

        NodePaths.deleteTree(tmp.resolve("doomed"));
        NodePaths.deleteTree(tmp.resolve("never-existed"));

        assertThat(tmp.resolve("doomed")).doesNotExist();
        assertThat(keep.resolve("precious")).exists();
    }

    @Test
    void temporaryBasePathsAreFreshAndEmpty() throws Exception {
        Path a = NodePaths.createTemporary();
        Path b = NodePaths.createTemporary();
        try {
            assertThat(a).isEmptyDirectory().isNotEqualTo(b);
        } finally {
            NodePaths.deleteTree(a);
            NodePaths.deleteTree(b);
        }
    }
}
