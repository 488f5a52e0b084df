package io.zklayer.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZklayerCliTest {
    @TempDir
    Path tmp;

    @Test
    void helpListsTheNodeOptionsAndSubcommandsLikeSubstrate() {
        CliHarness cli = new CliHarness(tmp);

        assertThat(cli.run("--help")).isZero();
        assertThat(cli.out()).startsWith("Usage: zklayer")
                .contains("--dev", "--chain=<preset|file>", "--rpc-port=<port>", "Default: 9944", "--rpc-methods",
                        "--state-pruning=<N|archive>", "Default: 256", "--prometheus-port", "--no-prometheus",
                        "--pool-worker", "--model-dir")
                .contains("Commands:", "run", "key", "purge-chain", "rpc", "build-spec", "tx");
        assertThat(cli.launched).isEmpty();
    }

    @Test
    void subcommandHelpDescribesItsOptions() {
        CliHarness cli = new CliHarness(tmp);

        assertThat(cli.run("key", "inspect", "--help")).isZero();
        assertThat(cli.out()).startsWith("Usage: zklayer key inspect").contains("--public", "--network", "--output-type");
    }

    @Test
    void versionNamesTheProgramAndJava() {
        CliHarness cli = new CliHarness(tmp);

        assertThat(cli.run("--version")).isZero();
        assertThat(cli.out()).startsWith("zklayer " + ZklayerCli.version()).contains("Java 17");
    }

    @Test
    void withoutANodeServiceTheLauncherFailsNamingWhatIsMissing() throws Exception {
        // A loader without parent sees no META-INF/services, whatever this module provides.
        NodeLauncher missing = ZklayerCli.discoverLauncher(new java.net.URLClassLoader(new java.net.URL[0], null));

        assertThatThrownBy(() -> missing.run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no node service on the class path")
                .hasMessageContaining(NodeLauncher.class.getName());
    }

    @Test
    void keySubcommandsWorkWithoutANodeService() {
        ZklayerCli cli = new ZklayerCli(ZklayerCli.discoverLauncher(new java.net.URLClassLoader(new java.net.URL[0], null)),
                CliEnvironment.of(new java.util.Random(1), new java.io.BufferedReader(new java.io.StringReader("")), tmp));
        java.io.StringWriter out = new java.io.StringWriter();
        cli.commandLine().setOut(new java.io.PrintWriter(out, true));

        assertThat(cli.execute("key", "inspect", "//Alice")).isZero();
        assertThat(out.toString()).contains("5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu");
    }

    @Test
    void nodeNamesAreReadableAndDeterministicForAGivenSeed() {
        String a = NodeNameGenerator.generate(new java.util.Random(7));
        String b = NodeNameGenerator.generate(new java.util.Random(7));

        assertThat(a).isEqualTo(b).matches("[a-z]+-[a-z]+-[0-9]{4}");
    }
}
