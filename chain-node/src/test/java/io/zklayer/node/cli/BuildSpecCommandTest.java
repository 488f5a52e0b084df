package io.zklayer.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.genesis.ChainSpec;
import io.zklayer.genesis.ChainSpecJson;
import io.zklayer.genesis.ChainSpecs;
import io.zklayer.genesis.GenesisBuilder;
import io.zklayer.genesis.GenesisConfig;
import io.zklayer.genesis.RawGenesis;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildSpecCommandTest {
    @TempDir
    Path tmp;

    private static ChainSpec parse(String json) {
        return ChainSpecJson.read(json);
    }

    @Test
    void theDevSpecPrintsAsHumanJsonThatReadsBackAsTheDevPreset() {
        CliHarness cli = new CliHarness(tmp);

        assertThat(cli.run("build-spec", "--chain", "dev")).isZero();

        ChainSpec spec = parse(cli.out());
        assertThat(spec).isEqualTo(ChainSpecs.dev());
        assertThat(spec.genesis()).isInstanceOf(GenesisConfig.class);
        assertThat(cli.out()).startsWith("{\n  \"name\": \"ZKLayer Development\",\n  \"id\": \"dev\",")
                .contains("\"runtimeGenesis\"").endsWith("}\n");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void theRawFormBuildsTheSameGenesisHashAsTheHumanForm() {
        CliHarness human = new CliHarness(tmp);
        CliHarness raw = new CliHarness(tmp);

        assertThat(human.run("build-spec", "--chain", "dev")).isZero();
        assertThat(raw.run("build-spec", "--chain", "dev", "--raw")).isZero();

        ChainSpec rawSpec = parse(raw.out());
        assertThat(rawSpec.genesis()).isInstanceOf(RawGenesis.class);
        assertThat(raw.out()).contains("\"raw\"", "\"top\"").doesNotContain("runtimeGenesis");
        GenesisBuilder builder = GenesisBuilder.zklayer();
        assertThat(builder.build(rawSpec).hash()).isEqualTo(builder.build(parse(human.out())).hash())
                .isEqualTo(builder.build(ChainSpecs.dev()).hash());
    }

    @Test
    void withoutChainItIsTheLocalTestnetAndDevIsAShortcut() {
        CliHarness plain = new CliHarness(tmp);
        assertThat(plain.run("build-spec")).isZero();
        assertThat(parse(plain.out())).isEqualTo(ChainSpecs.local());

        CliHarness dev = new CliHarness(tmp);
        assertThat(dev.run("build-spec", "--dev")).isZero();
        assertThat(parse(dev.out())).isEqualTo(ChainSpecs.dev());
    }

    @Test
    void aSpecFileIsReadAndCanBeTurnedRaw() throws Exception {
        Path file = tmp.resolve("local.json");
        Files.writeString(file, ChainSpecJson.write(ChainSpecs.local(), false));
        CliHarness cli = new CliHarness(tmp);

        assertThat(cli.run("build-spec", "--chain", file.toString(), "--raw")).isZero();

        assertThat(parse(cli.out())).isEqualTo(ChainSpecs.local().toRaw());
    }

    @Test
    void outputWritesTheFileAndSaysSoOnStderr() throws Exception {
        Path file = tmp.resolve("dev-raw.json");
        CliHarness cli = new CliHarness(tmp);

        assertThat(cli.run("build-spec", "--chain", "dev", "--raw", "--output", file.toString())).isZero();

        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).isEqualTo("Wrote the raw chain spec of 'ZKLayer Development' (dev) to " + file
                + System.lineSeparator());
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(ChainSpecJson.write(ChainSpecs.dev(), true));
        try (var listing = Files.list(tmp)) {
            assertThat(listing).containsExactly(file); // no temporary file left behind
        }

        CliHarness again = new CliHarness(tmp); // -o replaces an existing file
        assertThat(again.run("build-spec", "--chain", "dev", "-o", file.toString())).isZero();
        assertThat(parse(Files.readString(file))).isEqualTo(ChainSpecs.dev());
    }

    @Test
    void rejectsAnUnknownChainWithExitCodeTwo() {
        CliHarness cli = new CliHarness(tmp);

        assertThat(cli.run("build-spec", "--chain", "mainnet")).isEqualTo(2);

        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).contains("--chain: chain spec 'mainnet' is neither a preset (dev, local) nor a readable file")
                .contains("Run 'zklayer build-spec --help'");
    }

    @Test
    void rejectsAnInvalidSpecFileNamingTheField() throws Exception {
        Path file = tmp.resolve("bad.json");
        Files.writeString(file, ChainSpecJson.write(ChainSpecs.dev(), false).replace("\"id\": \"dev\"", "\"id\": \"d e v\""));
        CliHarness cli = new CliHarness(tmp);

        assertThat(cli.run("build-spec", "--chain", file.toString())).isEqualTo(2);

        assertThat(cli.err()).contains("--chain " + file + ": not a valid chain spec: id: must be 1…64 characters");
    }

    @Test
    void rejectsDevTogetherWithAnotherChainAndAnEmptyChain() {
        CliHarness both = new CliHarness(tmp);
        assertThat(both.run("build-spec", "--dev", "--chain", "local")).isEqualTo(2);
        assertThat(both.err()).contains("--dev means --chain dev; it cannot be combined with --chain local");

        CliHarness empty = new CliHarness(tmp);
        assertThat(empty.run("build-spec", "--chain", "")).isEqualTo(2);
        assertThat(empty.err()).contains("--chain must name a preset (dev, local) or a chain spec file, got an empty value");
    }

    @Test
    void anOutputInAMissingDirectoryFailsWithExitCodeOne() {
        Path file = tmp.resolve("no-such-dir").resolve("spec.json");
        CliHarness cli = new CliHarness(tmp);

        assertThat(cli.run("build-spec", "--chain", "dev", "--output", file.toString())).isEqualTo(1);

        assertThat(cli.err()).isEqualTo("error: --output " + file + ": the directory " + file.getParent()
                + " does not exist" + System.lineSeparator());
        assertThat(Files.exists(file.getParent())).isFalse();
    }

    @Test
    void anOutputThatIsADirectoryFailsWithExitCodeOne() {
        CliHarness cli = new CliHarness(tmp);

        assertThat(cli.run("build-spec", "--output", tmp.toString())).isEqualTo(1);

        assertThat(cli.err()).contains("error: --output " + tmp + " is a directory; give a file name");
    }
}
