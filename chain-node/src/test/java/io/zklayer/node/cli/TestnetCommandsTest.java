package io.zklayer.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.genesis.ChainSpec;
import io.zklayer.genesis.ChainSpecJson;
import io.zklayer.genesis.ChainSpecs;
import io.zklayer.genesis.GenesisBuilder;
import io.zklayer.genesis.GenesisConfig;
import io.zklayer.node.network.NodeKeys;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.crypto.Ed25519KeyPair;
import io.zklayer.primitives.types.AccountId32;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a testnet launcher needs from the CLI: a spec with N validators and node keys with known peer ids. */
class TestnetCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void buildSpecWithValidatorsListsTheFirstNTestnetKeysInOrder() {
        CliHarness cli = new CliHarness(tmp);
        assertThat(cli.run("build-spec", "--chain", "local", "--validators", "7")).isZero();
        ChainSpec spec = ChainSpecJson.read(cli.out());
        List<AccountId32> expected = new java.util.ArrayList<>(Arrays.stream(DevAccounts.values())
                .map(a -> AccountId32.of(a.publicKey().bytes())).toList());
        expected.add(AccountId32.of(Ed25519KeyPair.fromSecretUri("//Validator7").publicKey().bytes()));
        assertThat(((GenesisConfig) spec.genesis()).validators()).containsExactlyElementsOf(expected);
        assertThat(spec.id()).isEqualTo("local_testnet");
        assertThat(((GenesisConfig) spec.genesis()).models())
                .as("the local preset's digits model (model 0, no pool nodes) is kept")
                .isEqualTo(((GenesisConfig) ChainSpecs.local().genesis()).models());
        assertThat(((GenesisConfig) spec.genesis()).poolNodes()).isEmpty();
        assertThat(TestnetValidators.uri(0)).isEqualTo("//Alice");
        assertThat(TestnetValidators.uri(6)).isEqualTo("//Validator7");

        CliHarness raw = new CliHarness(tmp);
        assertThat(raw.run("build-spec", "--chain", "local", "--validators", "7", "--raw")).isZero();
        GenesisBuilder b = GenesisBuilder.zklayer();
        assertThat(b.build(ChainSpecJson.read(raw.out())).hash()).isEqualTo(b.build(spec).hash())
                .isNotEqualTo(b.build(ChainSpecs.local()).hash());
    }

    @Test
    void buildSpecWithFourValidatorsIsTheLocalPreset() {
        CliHarness cli = new CliHarness(tmp);
        assertThat(cli.run("build-spec", "--chain", "local", "--validators", "4")).isZero();
        assertThat(ChainSpecJson.read(cli.out())).isEqualTo(ChainSpecs.local());
    }

    @Test
    void badValidatorCountsAndRawInputsAreRefused() throws Exception {
        CliHarness zero = new CliHarness(tmp);
        assertThat(zero.run("build-spec", "--validators", "0")).isEqualTo(2);
        assertThat(zero.err()).contains("--validators must be 1…100, got 0");
        Path rawFile = tmp.resolve("raw.json");
        Files.writeString(rawFile, ChainSpecJson.write(ChainSpecs.local(), true));
        CliHarness raw = new CliHarness(tmp);
        assertThat(raw.run("build-spec", "--chain", rawFile.toString(), "--validators", "2")).isEqualTo(2);
        assertThat(raw.err()).contains("--validators needs a human-form spec");
    }

    @Test
    void generateNodeKeyWritesAKeyWhosePeerIdInspectPrints() throws Exception {
        Path file = tmp.resolve("net/secret_ed25519");
        CliHarness gen = new CliHarness(tmp);
        assertThat(gen.run("key", "generate-node-key", "--file", file.toString())).isZero();
        String peerId = gen.err().trim();
        assertThat(peerId).startsWith("12D3KooW");
        assertThat(gen.out()).isEmpty();
        assertThat(Files.readAllBytes(file)).hasSize(32);
        assertThat(NodeKeys.loadOrCreate(file, new SecureRandom()).peerId().toBase58()).isEqualTo(peerId);

        CliHarness inspect = new CliHarness(tmp);
        assertThat(inspect.run("key", "inspect-node-key", "--file", file.toString())).isZero();
        assertThat(inspect.out().trim()).isEqualTo(peerId);

        CliHarness again = new CliHarness(tmp);
        assertThat(again.run("key", "generate-node-key", "--file", file.toString())).isEqualTo(2);
        assertThat(again.err()).contains("already exists; it is never overwritten");
        assertThat(NodeKeys.loadOrCreate(file, new SecureRandom()).peerId().toBase58()).isEqualTo(peerId);
    }

    @Test
    void generateNodeKeyWithoutAFilePrintsTheSecretAsHex() {
        CliHarness gen = new CliHarness(tmp);
        assertThat(gen.run("key", "generate-node-key")).isZero();
        String hex = gen.out().trim();
        assertThat(hex).matches("[0-9a-f]{64}");
        assertThat(NodeKeys.fromHex(hex).peerId().toBase58()).isEqualTo(gen.err().trim());
        CliHarness missing = new CliHarness(tmp);
        assertThat(missing.run("key", "inspect-node-key", "--file", tmp.resolve("none").toString())).isEqualTo(2);
        assertThat(missing.err()).contains("is not a file");
    }
}
