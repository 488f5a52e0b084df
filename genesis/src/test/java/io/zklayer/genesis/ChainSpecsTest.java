package io.zklayer.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.types.AccountId32;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainSpecsTest {
    private static AccountId32 acc(DevAccounts a) {
        return AccountId32.of(a.publicKey().bytes());
    }

    @Test
    void devPresetHasOneValidatorAliceAndSubstrateStyleFields() {
        ChainSpec dev = ChainSpecs.preset("dev");
        assertThat(dev.name()).isEqualTo("ZKLayer Development");
        assertThat(dev.id()).isEqualTo("dev");
        assertThat(dev.chainType()).isEqualTo(ChainType.DEVELOPMENT);
        assertThat(dev.protocolId()).contains("zkl");
        assertThat(dev.bootNodes()).isEmpty();
        assertThat(dev.telemetryEndpoints()).isEmpty();
        assertThat(dev.properties()).isEqualTo(new ChainProperties(42, 12, "ZKL"));
        assertThat(dev.consensus()).contains(new ConsensusConfig(2000));
        GenesisConfig g = (GenesisConfig) dev.genesis();
        assertThat(g.validators()).containsExactly(acc(DevAccounts.ALICE));
        assertThat(g.sudoKey()).contains(acc(DevAccounts.ALICE));
    }

    @Test
    void bothPresetsEndowTheSixDevAccountsAndTwoStashesWithAMillionUnits() {
        for (String name : ChainSpecs.PRESETS) {
            GenesisConfig g = (GenesisConfig) ChainSpecs.preset(name).genesis();
            assertThat(g.balances()).hasSize(8);
            assertThat(g.balances()).extracting(GenesisConfig.Endowment::account).containsExactly(
                    acc(DevAccounts.ALICE), acc(DevAccounts.BOB), acc(DevAccounts.CHARLIE), acc(DevAccounts.DAVE),
                    acc(DevAccounts.EVE), acc(DevAccounts.FERDIE),
                    AccountId32.of(DevAccounts.ALICE.stashPublicKey().bytes()),
                    AccountId32.of(DevAccounts.BOB.stashPublicKey().bytes()));
            assertThat(g.balances()).extracting(e -> e.amount().toString())
                    .containsOnly("1000000000000000000");
        }
    }

    @Test
    void localPresetHasFourValidatorsInAuthoringOrder() {
        ChainSpec local = ChainSpecs.preset("local");
        assertThat(local.id()).isEqualTo("local_testnet");
        assertThat(local.chainType()).isEqualTo(ChainType.LOCAL);
        GenesisConfig g = (GenesisConfig) local.genesis();
        assertThat(g.validators()).containsExactly(acc(DevAccounts.ALICE), acc(DevAccounts.BOB),
                acc(DevAccounts.CHARLIE), acc(DevAccounts.DAVE));
        assertThat(g.sudoKey()).contains(acc(DevAccounts.ALICE));
    }

    @Test
    void localPresetRegistersDigitsAsModelZeroWithNoPoolNodes() {
        GenesisConfig local = (GenesisConfig) ChainSpecs.local().genesis();
        GenesisConfig dev = (GenesisConfig) ChainSpecs.dev().genesis();
        assertThat(local.models()).isEqualTo(dev.models());
        assertThat(local.models().models()).extracting(m -> m.registration().name()).containsExactly("digits");
        assertThat(local.models().models().get(0).owner()).isEqualTo(acc(DevAccounts.ALICE));
        assertThat(local.poolNodes()).isEmpty();
        assertThat(dev.poolNodes()).extracting(n -> n.account()).containsExactly(acc(DevAccounts.ALICE));
    }

    @Test
    void presetsBuildDifferentGenesisBlocks() {
        GenesisBuilder builder = GenesisBuilder.zklayer();
        GenesisBlock dev = builder.build(ChainSpecs.dev());
        GenesisBlock local = builder.build(ChainSpecs.local());
        assertThat(dev.header().number()).isZero();
        assertThat(dev.hash()).isNotEqualTo(local.hash());
    }

    @Test
    void unknownPresetNamesTheKnownOnes() {
        assertThatThrownBy(() -> ChainSpecs.preset("staging"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown chain spec preset 'staging'; the presets are: dev, local");
        assertThat(ChainSpecs.findPreset("Dev")).isEmpty();
    }

    @Test
    void loadTakesAPresetNameOrASpecFile(@TempDir Path dir) throws Exception {
        assertThat(ChainSpecs.load("local")).isEqualTo(ChainSpecs.local());
        ChainSpec custom = ChainSpecs.dev().withBootNodes(
                List.of("/ip4/127.0.0.1/tcp/30333/p2p/12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp"));
        Path human = dir.resolve("custom.json");
        Files.writeString(human, ChainSpecJson.write(custom, false), StandardCharsets.UTF_8);
        assertThat(ChainSpecs.load(human.toString())).isEqualTo(custom);
        Path raw = dir.resolve("custom-raw.json");
        Files.writeString(raw, ChainSpecJson.write(custom, true), StandardCharsets.UTF_8);
        ChainSpec loadedRaw = ChainSpecs.load(raw.toString());
        assertThat(loadedRaw.isRaw()).isTrue();
        assertThat(GenesisBuilder.zklayer().build(loadedRaw).hash())
                .isEqualTo(GenesisBuilder.zklayer().build(custom).hash());
    }

    @Test
    void loadOfAMissingFileSaysItIsNeitherPresetNorFile(@TempDir Path dir) {
        String missing = dir.resolve("nope.json").toString();
        assertThatThrownBy(() -> ChainSpecs.load(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is neither a preset (dev, local) nor a readable file");
    }

    @Test
    void loadOfABrokenFileNamesThePath(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, ChainSpecJson.write(ChainSpecs.dev(), false).replace("\"ZKL\"", "\"\""));
        assertThatThrownBy(() -> ChainSpecs.load(bad.toString()))
                .isInstanceOf(ChainSpecException.class)
                .hasMessageStartingWith("properties.tokenSymbol: ");
    }

    @Test
    void presetsAreEqualEachTimeTheyAreMade() {
        assertThat(ChainSpecs.dev()).isEqualTo(ChainSpecs.dev());
        assertThat(ChainSpecs.dev().protocolId()).isEqualTo(Optional.of(ChainSpecs.PROTOCOL_ID));
    }
}
