package io.zklayer.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.crypto.Bip39;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.crypto.Ed25519KeyPair;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyCommandsTest {
    // @polkadot/keyring 14.0.3 (shared/vectors/polkadot): //Alice as ed25519.
    private static final String ALICE_PUBLIC = "0x88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee";
    private static final String ALICE_SS58 = "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu";
    private static final String ALICE_POLKADOT = "146SvjUZXoMaemdeiecyxgALeYMm8ZWh1yrGo8RtpoPfe7WL";
    private static final String DEV_PHRASE_PUBLIC = "0x345071da55e5dccefaaa440339415ef9f2663338a38f7da0df21be5ab4e055ef";
    private static final String NL = System.lineSeparator();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private CliHarness cli() {
        return new CliHarness(tmp);
    }

    private String run(String... args) {
        CliHarness cli = cli();
        int code = cli.run(args);
        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.err()).isEmpty();
        return cli.out();
    }

    @Test
    void inspectsAliceAsSubkeyPrintsIt() {
        String seed = Hex.encode(DevAccounts.ALICE.keyPair().seed());

        assertThat(run("key", "inspect", "//Alice")).isEqualTo(
                "Secret Key URI `//Alice` is account:\n"
                        + "  Network ID:        substrate\n"
                        + "  Secret seed:       " + seed + "\n"
                        + "  Public key (hex):  " + ALICE_PUBLIC + "\n"
                        + "  Account ID:        " + ALICE_PUBLIC + "\n"
                        + "  Public key (SS58): " + ALICE_SS58 + "\n"
                        + "  SS58 Address:      " + ALICE_SS58 + NL);
    }

    @Test
    void inspectsAliceAsJsonWithSubkeyFieldNames() throws Exception {
        JsonNode json = JSON.readTree(run("key", "inspect", "//Alice", "--output-type", "json"));

        assertThat(json.get("secretKeyUri").asText()).isEqualTo("//Alice");
        assertThat(json.get("networkId").asText()).isEqualTo("substrate");
        assertThat(json.get("secretSeed").asText()).isEqualTo(Hex.encode(DevAccounts.ALICE.keyPair().seed()));
        assertThat(json.get("publicKey").asText()).isEqualTo(ALICE_PUBLIC);
        assertThat(json.get("accountId").asText()).isEqualTo(ALICE_PUBLIC);
        assertThat(json.get("ss58PublicKey").asText()).isEqualTo(ALICE_SS58);
        assertThat(json.get("ss58Address").asText()).isEqualTo(ALICE_SS58);
    }

    @Test
    void networkSelectsTheAddressFormatByNameOrPrefix() {
        assertThat(run("key", "inspect", "//Alice", "--network", "polkadot"))
                .contains("  Network ID:        polkadot\n")
                .contains("  SS58 Address:      " + ALICE_POLKADOT);
        assertThat(run("key", "inspect", "//Alice", "--network", "0")).contains("  SS58 Address:      " + ALICE_POLKADOT);
        assertThat(run("key", "inspect", "//Alice", "--network", "7")).contains("  Network ID:        7\n");
    }

    @Test
    void inspectsABarePhraseInTheSecretPhraseForm() {
        String out = run("key", "inspect", DevAccounts.DEV_PHRASE);

        assertThat(out).startsWith("Secret phrase:       " + DevAccounts.DEV_PHRASE + "\n  Network ID:        substrate\n")
                .contains("  Public key (hex):  " + DEV_PHRASE_PUBLIC + "\n");
        // The seed of a bare phrase is its substrate-bip39 mini-secret.
        assertThat(seedOf(out)).isEqualTo(Hex.encode(Bip39.miniSecret(DevAccounts.DEV_PHRASE, ""))).startsWith("0xfac7959d");
    }

    @Test
    void thePrintedSeedInspectsToTheSameAccount() {
        String seed = seedOf(run("key", "inspect", "//Alice"));

        String out = run("key", "inspect", seed);

        assertThat(out).startsWith("Secret Key URI `" + seed + "` is account:\n")
                .contains("  Secret seed:       " + seed + "\n")
                .contains("  SS58 Address:      " + ALICE_SS58);
    }

    @Test
    void inspectsAPhraseWithPathAndPasswordAsASecretUri() {
        String uri = DevAccounts.DEV_PHRASE + "//Alice///pw";
        String expected = Ed25519KeyPair.fromSecretUri(uri).publicKey().toString();

        assertThat(run("key", "inspect", uri)).startsWith("Secret Key URI `" + uri + "` is account:\n")
                .contains("  Public key (hex):  " + expected + "\n");
    }

    @Test
    void inspectsAnAddressAsItsPublicKeyAndNetwork() {
        assertThat(run("key", "inspect", ALICE_POLKADOT)).isEqualTo(
                "Public Key URI `" + ALICE_POLKADOT + "` is account:\n"
                        + "  Network ID/Version: polkadot\n"
                        + "  Public key (hex):   " + ALICE_PUBLIC + "\n"
                        + "  Account ID:         " + ALICE_PUBLIC + "\n"
                        + "  Public key (SS58):  " + ALICE_POLKADOT + "\n"
                        + "  SS58 Address:       " + ALICE_POLKADOT + NL);
        assertThat(run("key", "inspect", ALICE_POLKADOT, "--network", "substrate"))
                .contains("  SS58 Address:       " + ALICE_SS58);
    }

    @Test
    void inspectsAnAddressAsJsonWithoutASeed() throws Exception {
        JsonNode json = JSON.readTree(run("key", "inspect", ALICE_SS58, "--output-type", "json"));

        assertThat(json.get("publicKeyUri").asText()).isEqualTo(ALICE_SS58);
        assertThat(json.get("networkId").asText()).isEqualTo("substrate");
        assertThat(json.get("publicKey").asText()).isEqualTo(ALICE_PUBLIC);
        assertThat(json.has("secretSeed")).isFalse();
    }

    @Test
    void inspectsAHexPublicKeyWithPublic() {
        assertThat(run("key", "inspect", "--public", ALICE_PUBLIC)).isEqualTo(
                "Network ID/Version: substrate\n"
                        + "  Public key (hex):   " + ALICE_PUBLIC + "\n"
                        + "  Account ID:         " + ALICE_PUBLIC + "\n"
                        + "  Public key (SS58):  " + ALICE_SS58 + "\n"
                        + "  SS58 Address:       " + ALICE_SS58 + NL);
    }

    @Test
    void generatesAValidPhraseFromTheEnvironmentsRandomness() {
        String out = run("key", "generate");
        String phrase = phraseOf(out);

        assertThat(phrase.split(" ")).hasSize(12);
        assertThat(Bip39.entropy(phrase)).hasSize(16);
        Ed25519KeyPair pair = Ed25519KeyPair.fromPhrase(phrase, "");
        assertThat(out).contains("  Public key (hex):  " + pair.publicKey() + "\n")
                .contains("  SS58 Address:      " + pair.publicKey().toSs58());
        assertThat(run("key", "generate")).as("same seed, same phrase").isEqualTo(out);
    }

    @Test
    void generatesTwentyFourWordsAsJson() throws Exception {
        JsonNode json = JSON.readTree(run("key", "generate", "--words", "24", "--output-type", "json", "--network", "kusama"));
        String phrase = json.get("secretPhrase").asText();

        assertThat(phrase.split(" ")).hasSize(24);
        assertThat(Bip39.entropy(phrase)).hasSize(32);
        assertThat(json.get("networkId").asText()).isEqualTo("kusama");
        assertThat(json.get("ss58Address").asText()).isEqualTo(Ed25519KeyPair.fromPhrase(phrase, "").publicKey().toSs58(2));
    }

    @Test
    void rejectsBadInputWithTheRuleItBreaks() {
        assertThat(usageError("key", "inspect", "bottom drive obey lake curtain smoke basket hold race lonely fit wall"))
                .contains("checksum");
        assertThat(usageError("key", "inspect", "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpv"))
                .contains("ss58: checksum");
        assertThat(usageError("key", "inspect", "0x1234")).contains("a 0x seed has 64 hex digits (32 bytes), this one has 4");
        assertThat(usageError("key", "inspect", "--public", "0x1234"))
                .contains("--public: an ed25519 public key is 32 bytes (64 hex digits), got 2 bytes");
        assertThat(usageError("key", "inspect", "--public", "0xzz")).contains("--public: '0xzz' is not hex");
        assertThat(usageError("key", "inspect", "//Alice", "--scheme", "sr25519"))
                .contains("--scheme sr25519 is not supported: this chain's accounts are ed25519");
        assertThat(usageError("key", "inspect", "//Alice", "--network", "mars"))
                .contains("--network: unknown network 'mars'");
        assertThat(usageError("key", "inspect", "//Alice", "--network", "16384"))
                .contains("--network must be a name (polkadot, kusama, substrate) or a prefix 0…16383, got 16384");
        assertThat(usageError("key", "inspect", "//Alice", "--output-type", "yaml"))
                .contains("--output-type must be text or json, got 'yaml'");
        assertThat(usageError("key", "generate", "--words", "13")).contains("--words must be 12, 15, 18, 21 or 24, got 13");
        assertThat(usageError("key", "inspect")).contains("Missing required parameter");
        assertThat(usageError("key")).contains("key: missing subcommand (generate, inspect, generate-node-key or inspect-node-key)");
    }

    @Test
    void secretsNeverAppearInErrors() {
        String secret = "bottom drive obey lake curtain smoke basket hold race lonely fit zzzz";

        assertThat(usageError("key", "inspect", secret)).doesNotContain("bottom drive obey");
    }

    private String usageError(String... args) {
        CliHarness cli = cli();
        assertThat(cli.run(args)).as(cli.err()).isEqualTo(2);
        assertThat(cli.err()).startsWith("error: ");
        return cli.err();
    }

    private static String seedOf(String out) {
        Matcher m = Pattern.compile("Secret seed: +(0x[0-9a-f]{64})").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }

    private static String phraseOf(String out) {
        Matcher m = Pattern.compile("Secret phrase: +([a-z ]+)\n").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }
}
