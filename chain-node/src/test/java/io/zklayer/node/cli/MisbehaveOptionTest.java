package io.zklayer.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.genesis.ChainType;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code zklayer run --unsafe-misbehave}: names, comma lists and repeats, and the rules that guard it. */
class MisbehaveOptionTest {
    @TempDir
    Path tmp;

    private CliHarness cli() {
        return new CliHarness(tmp.resolve("base"));
    }

    @Test
    void anHonestNodeIsTheDefault() {
        assertThat(cli().config("--validator", "--key", "//Dave").misbehave()).isEmpty();
    }

    @Test
    void acceptsACommaListAndRepeatsOfTheOption() {
        assertThat(cli().config("--validator", "--key", "//Dave", "--unsafe-misbehave", "double-author,double-vote").misbehave())
                .containsExactlyInAnyOrder(Misbehaviour.DOUBLE_AUTHOR, Misbehaviour.DOUBLE_VOTE);
        assertThat(cli().config("--validator", "--key", "//Dave", "--unsafe-misbehave", "double-vote",
                "--unsafe-misbehave", "double-vote").misbehave()).containsExactly(Misbehaviour.DOUBLE_VOTE);
        assertThat(cli().config("run", "--validator", "--key", "//Dave", "--unsafe-misbehave", "double-author").misbehave())
                .containsExactly(Misbehaviour.DOUBLE_AUTHOR);
    }

    @Test
    void anUnknownMisbehaviourIsAUsageErrorListingTheKnownOnes() {
        CliHarness cli = cli();
        assertThat(cli.run("--validator", "--key", "//Dave", "--unsafe-misbehave", "double-sign")).isEqualTo(2);
        assertThat(cli.err()).contains("--unsafe-misbehave: unknown misbehaviour 'double-sign'",
                "the known ones are: double-author,double-vote");
        assertThat(cli.launched).isEmpty();
    }

    @Test
    void onlyAValidatorCanMisbehave() {
        CliHarness cli = cli();
        assertThat(cli.run("--unsafe-misbehave", "double-vote")).isEqualTo(2);
        assertThat(cli.err()).contains("--unsafe-misbehave needs --validator");
    }

    @Test
    void faultInjectionIsRefusedOnLiveChainsNamingTheRule() {
        Set<Misbehaviour> both = EnumSet.allOf(Misbehaviour.class);
        Misbehaviour.checkAllowed(both, ChainType.LOCAL, "local_testnet");
        Misbehaviour.checkAllowed(both, ChainType.DEVELOPMENT, "dev");
        Misbehaviour.checkAllowed(Set.of(), ChainType.LIVE, "zklayer");
        assertThatThrownBy(() -> Misbehaviour.checkAllowed(both, ChainType.LIVE, "zklayer"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("--unsafe-misbehave is allowed only on Development and Local chains (fault injection for "
                        + "tests); chain 'zklayer' is Live");
    }

    @Test
    void namesRoundTrip() {
        assertThat(Misbehaviour.parse(List.of(Misbehaviour.names(EnumSet.allOf(Misbehaviour.class)))))
                .isEqualTo(EnumSet.allOf(Misbehaviour.class));
        assertThat(Misbehaviour.parse(List.of(" Double-Author "))).containsExactly(Misbehaviour.DOUBLE_AUTHOR);
    }
}
