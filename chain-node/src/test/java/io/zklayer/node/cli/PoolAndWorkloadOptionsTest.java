package io.zklayer.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Option checks of {@code pool} and {@code workload} that need no node: each is exit code 2 naming the option. */
class PoolAndWorkloadOptionsTest {
    @TempDir
    Path tmp;

    private String usageError(String... args) {
        CliHarness cli = new CliHarness(tmp);
        assertThat(cli.run(args)).as(cli.err()).isEqualTo(2);
        return cli.err();
    }

    @Test
    void poolJoinChecksModelsComputeUnitsAndBondBeforeContactingANode() {
        assertThat(usageError("pool", "join", "--from", "//Alice", "--models", "0,0", "--compute-units", "10", "--bond", "1"))
                .contains("--models: [0, 0] names a model twice");
        assertThat(usageError("pool", "join", "--from", "//Alice", "--models", "0", "--compute-units", "0", "--bond", "1"))
                .contains("--compute-units must be at least 1, got 0");
        assertThat(usageError("pool", "join", "--from", "//Alice", "--models", "4294967296", "--compute-units", "1", "--bond", "1"))
                .contains("--models: a model id is a u32");
        assertThat(usageError("pool", "join", "--from", "//Alice", "--models", "0", "--compute-units", "1", "--bond", "1,5"))
                .contains("a decimal number of tokens");
        assertThat(usageError("pool")).contains("pool: missing subcommand (join or leave)");
    }

    @Test
    void workloadSubmitNeedsExactlyOneInputAndAValidDeadline() throws Exception {
        assertThat(usageError("workload", "submit", "--model", "digits")).contains("Missing required argument");
        Path f = tmp.resolve("x.txt");
        Files.writeString(f, "1 2 3");
        assertThat(usageError("workload", "submit", "--model", "digits", "--sample", "0", "--input", f.toString()))
                .contains("mutually exclusive");
        assertThat(usageError("workload", "submit", "--model", "digits", "--sample", "0", "--deadline", "0"))
                .contains("--deadline must be 1…4294967295 blocks, got 0");
        Files.writeString(f, "1, 200");
        assertThat(usageError("workload", "submit", "--model", "digits", "--input", f.toString()))
                .contains("value 2 is 200, outside -128…127");
        assertThat(usageError("workload", "submit", "--model", "digits", "--input", tmp.resolve("none").toString()))
                .contains("no such file");
    }

    @Test
    void inputFilesAcceptCommasWhiteSpaceAndBrackets() throws Exception {
        Path f = tmp.resolve("in.txt");
        Files.writeString(f, "[0, 5,\n13 -1]\n");
        assertThat(WorkloadCommands.readInput(f)).containsExactly(0, 5, 13, -1);
        Files.writeString(f, "1 x");
        assertThatThrownBy(() -> WorkloadCommands.readInput(f)).hasMessageContaining("value 2 'x' is not an integer");
    }
}
