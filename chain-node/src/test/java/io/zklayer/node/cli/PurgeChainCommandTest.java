package io.zklayer.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PurgeChainCommandTest {
    @TempDir
    Path base;

    private NodePaths populate(String chainId) throws Exception {
        NodePaths paths = NodePaths.of(base, chainId);
        Files.createDirectories(paths.database().resolve("rocks"));
        Files.writeString(paths.database().resolve("rocks/000001.sst"), "blocks");
        Files.writeString(paths.database().resolve("CURRENT"), "MANIFEST-000001");
        Files.createDirectories(paths.keystore());
        Files.writeString(paths.keystore().resolve("61757261" + "88dc3417"), "\"//Alice\"");
        Files.createDirectories(paths.network());
        Files.writeString(paths.network().resolve("secret_ed25519"), "key");
        return paths;
    }

    @Test
    void removesTheDatabaseAfterConfirmationAndKeepsKeys() throws Exception {
        NodePaths paths = populate("local_testnet");
        CliHarness cli = new CliHarness(base, "y\n", cfg -> 0);

        int code = cli.run("purge-chain", "--chain", "local");

        assertThat(code).isZero();
        assertThat(cli.out()).isEqualTo("Are you sure to remove \"" + paths.database() + "\"? [y/N]: \""
                + paths.database() + "\" removed." + System.lineSeparator());
        assertThat(paths.database()).doesNotExist();
        assertThat(paths.keystore()).isDirectory();
        assertThat(paths.network().resolve("secret_ed25519")).exists();
    }

    @Test
    void yesSkipsTheQuestion() throws Exception {
        NodePaths paths = populate("dev");
        CliHarness cli = new CliHarness(base.resolve("elsewhere"), "", cfg -> 0);

        int code = cli.run("purge-chain", "--dev", "--base-path", base.toString(), "-y");

        assertThat(code).isZero();
        assertThat(cli.out()).isEqualTo("\"" + paths.database() + "\" removed." + System.lineSeparator());
        assertThat(paths.database()).doesNotExist();
    }

    @Test
    void anythingButYesKeepsTheDatabase() throws Exception {
        NodePaths paths = populate("local_testnet");
        for (String answer : new String[] {"n\n", "\n", "maybe\n", ""}) {
            CliHarness cli = new CliHarness(base, answer, cfg -> 0);

            assertThat(cli.run("purge-chain")).isEqualTo(1);
            assertThat(cli.out()).endsWith("Aborted: nothing removed." + System.lineSeparator());
            assertThat(paths.database().resolve("CURRENT")).exists();
        }
    }

    @Test
    void saysSoWhenThereIsNothingToPurge() {
        CliHarness cli = new CliHarness(base, "", cfg -> 0);

        assertThat(cli.run("purge-chain", "--chain", "dev", "-y")).isZero();
        assertThat(cli.out()).isEqualTo("\"" + NodePaths.of(base, "dev").database() + "\" did not exist: nothing to purge"
                + " for chain dev." + System.lineSeparator());
    }

    @Test
    void purgesTheChainNamedByASpecFilesId() throws Exception {
        NodePaths paths = populate("custom_net");
        Path spec = Files.writeString(base.resolve("spec.json"), "{\"id\":\"custom_net\",\"name\":\"Custom\"}");
        NodePaths other = populate("local_testnet");
        CliHarness cli = new CliHarness(base, "", cfg -> 0);

        assertThat(cli.run("purge-chain", "--chain", spec.toString(), "-y")).isZero();
        assertThat(paths.database()).doesNotExist();
        assertThat(other.database()).exists();
    }

    @Test
    void rejectsAnUnknownChain() {
        CliHarness cli = new CliHarness(base, "", cfg -> 0);

        assertThat(cli.run("purge-chain", "--chain", "moon", "-y")).isEqualTo(2);
        assertThat(cli.err()).contains("--chain: 'moon' is neither a preset").contains("zklayer purge-chain --help");
    }
}
