package io.zklayer.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.primitives.crypto.DevAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RunOptionsTest {
    @TempDir
    Path tmp;

    private CliHarness cli() {
        return new CliHarness(tmp.resolve("default-base"));
    }

    @Test
    void runsWithSubstrateDefaultsWhenNoOptionsAreGiven() {
        NodeConfig cfg = cli().config();

        assertThat(cfg.dev()).isFalse();
        assertThat(cfg.chain().preset()).contains("local");
        assertThat(cfg.chain().id()).isEqualTo("local_testnet");
        assertThat(cfg.basePath()).contains(tmp.resolve("default-base").toAbsolutePath());
        assertThat(cfg.isTemporary()).isFalse();
        assertThat(cfg.name()).matches("[a-z]+-[a-z]+-[0-9]{4}");
        assertThat(cfg.validator()).isFalse();
        assertThat(cfg.authoringKey()).isEmpty();
        RpcSettings rpc = cfg.rpc();
        assertThat(rpc.port()).isEqualTo(9944);
        assertThat(rpc.external()).isFalse();
        assertThat(rpc.host()).isEqualTo("127.0.0.1");
        assertThat(rpc.methods()).isEqualTo(RpcMethodsPolicy.AUTO);
        assertThat(rpc.allowUnsafe()).as("auto on loopback means unsafe").isTrue();
        assertThat(rpc.maxConnections()).isEqualTo(100);
        assertThat(rpc.maxRequestBytes()).isEqualTo(15 * 1024 * 1024);
        assertThat(rpc.maxResponseBytes()).isEqualTo(15 * 1024 * 1024);
        assertThat(rpc.maxSubscriptionsPerConnection()).isEqualTo(1024);
        assertThat(cfg.p2pPort()).isEqualTo(30333);
        assertThat(cfg.bootnodes()).isEmpty();
        assertThat(cfg.statePruning()).isEqualTo(StatePruning.keep(256));
        assertThat(cfg.log().directives()).isEmpty();
        assertThat(cfg.prometheusPort()).hasValue(9615);
        assertThat(cfg.prometheusEnabled()).isTrue();
        assertThat(cfg.poolWorker()).isFalse();
        assertThat(cfg.modelDir()).isEmpty();
        assertThat(cfg.prepareProvingKeys()).isTrue();
    }

    @Test
    void runSubcommandTakesTheSameOptionsAsTheTopLevel() {
        NodeConfig top = cli().config("--rpc-port", "9955", "--name", "n1");
        NodeConfig sub = cli().config("run", "--rpc-port", "9955", "--name", "n1");

        assertThat(sub).isEqualTo(top);
        assertThat(sub.rpc().port()).isEqualTo(9955);
    }

    @Test
    void devImpliesDevChainTemporaryBasePathValidatorAliceAndUnsafeRpc() {
        NodeConfig cfg = cli().config("--dev");

        assertThat(cfg.dev()).isTrue();
        assertThat(cfg.chain().preset()).contains("dev");
        assertThat(cfg.chain().id()).isEqualTo("dev");
        assertThat(cfg.isTemporary()).isTrue();
        assertThat(cfg.basePath()).isEmpty();
        assertThat(cfg.validator()).isTrue();
        assertThat(cfg.authoringKey()).hasValueSatisfying(k ->
                assertThat(k.publicKey()).isEqualTo(DevAccounts.ALICE.publicKey()));
        assertThat(cfg.rpc().external()).isFalse();
        assertThat(cfg.rpc().allowUnsafe()).isTrue();
        assertThat(cfg.poolWorker()).as("the dev node proves its assigned workloads").isTrue();
    }

    @Test
    void noPoolWorkerTurnsTheDevWorkerOffAndExcludesPoolWorker() {
        assertThat(cli().config("--dev", "--no-pool-worker").poolWorker()).isFalse();
        CliHarness cli = cli();
        assertThat(cli.run("--pool-worker", "--no-pool-worker")).isEqualTo(2);
        assertThat(cli.err()).contains("--pool-worker and --no-pool-worker exclude each other");
    }

    @Test
    void poolWorkerPrepareKeysIsOnByDefaultAndFalseTurnsItOff() {
        assertThat(cli().config("--dev").prepareProvingKeys()).isTrue();
        assertThat(cli().config("--dev", "--pool-worker-prepare-keys=false").prepareProvingKeys()).isFalse();
        assertThat(cli().config("--pool-worker", "--pool-worker-prepare-keys", "false").prepareProvingKeys()).isFalse();
        assertThat(cli().config("--pool-worker", "--pool-worker-prepare-keys=true").prepareProvingKeys()).isTrue();
    }

    @Test
    void devKeepsAnExplicitBasePathInsteadOfTmp() {
        NodeConfig cfg = cli().config("--dev", "--base-path", tmp.resolve("mine").toString());

        assertThat(cfg.isTemporary()).isFalse();
        assertThat(cfg.basePath()).contains(tmp.resolve("mine").toAbsolutePath());
    }

    @Test
    void devKeepsAnExplicitChainAndKey() {
        NodeConfig cfg = cli().config("--dev", "--chain", "local", "--key", "//Bob");

        assertThat(cfg.chain().id()).isEqualTo("local_testnet");
        assertThat(cfg.authoringKey().orElseThrow().publicKey()).isEqualTo(DevAccounts.BOB.publicKey());
    }

    @Test
    void tmpWithoutDevMakesATemporaryBasePath() {
        assertThat(cli().config("--tmp").isTemporary()).isTrue();
    }

    @Test
    void autoMethodsAreSafeOnAnExternalInterface() {
        RpcSettings rpc = cli().config("--rpc-external").rpc();

        assertThat(rpc.external()).isTrue();
        assertThat(rpc.host()).isEqualTo("0.0.0.0");
        assertThat(rpc.allowUnsafe()).isFalse();
    }

    @Test
    void safeMethodsOnLoopbackRefuseUnsafeOnes() {
        assertThat(cli().config("--rpc-methods", "safe").rpc().allowUnsafe()).isFalse();
        assertThat(cli().config("--rpc-methods", "UNSAFE").rpc().allowUnsafe()).isTrue();
    }

    @Test
    void validatorMayExposeRpcOnlyWithAnExplicitOptIn() {
        RpcSettings viaFlag = cli().config("--dev", "--unsafe-rpc-external").rpc();
        assertThat(viaFlag.external()).isTrue();
        assertThat(viaFlag.allowUnsafe()).as("auto on an external interface stays safe").isFalse();

        RpcSettings viaMethods = cli().config("--dev", "--rpc-external", "--rpc-methods", "unsafe").rpc();
        assertThat(viaMethods.external()).isTrue();
        assertThat(viaMethods.allowUnsafe()).isTrue();
    }

    @Test
    void generatedNamesComeFromTheEnvironmentsRandomness() {
        assertThat(cli().config().name()).isEqualTo(cli().config().name());
    }

    @Test
    void takesEveryExplicitValue() throws Exception {
        Path models = Files.createDirectory(tmp.resolve("models"));
        String peerA = "/ip4/127.0.0.1/tcp/30333/p2p/12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp";
        String peerB = "/dns/boot.example/tcp/30334/p2p/QmSk5HQbn6LhUwDiNMseVUjuRYhEtYj4aUZ6WfWoGURpdV";
        String peerC = "/ip6/::1/tcp/1/p2p/12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEq";
        NodeConfig cfg = cli().config("--chain", "dev", "--base-path", tmp.resolve("b").toString(), "--name", "alice node",
                "--validator", "--key", "//Alice", "--rpc-port", "0", "--rpc-max-connections", "7",
                "--rpc-max-request-size", "1", "--rpc-max-response-size", "2047", "--rpc-max-subscriptions-per-connection", "3",
                "--port", "0", "--bootnodes", peerA + "," + peerB, "--bootnodes", peerC, "--state-pruning", "archive",
                "--log", "txpool=debug,rpc=warn", "-l", "info", "--no-prometheus", "--pool-worker", "--model-dir", models.toString());

        assertThat(cfg.name()).isEqualTo("alice node");
        assertThat(cfg.rpc()).isEqualTo(new RpcSettings(0, false, RpcMethodsPolicy.AUTO, true, 7, 1, 2047, 3));
        assertThat(cfg.rpc().maxResponseBytes()).isEqualTo(2047 * 1024 * 1024);
        assertThat(cfg.p2pPort()).isZero();
        assertThat(cfg.bootnodes()).containsExactly(peerA, peerB, peerC);
        assertThat(cfg.statePruning().isArchive()).isTrue();
        assertThat(cfg.log().directives()).extracting(LogDirectives.Directive::toString)
                .containsExactly("txpool=debug", "rpc=warn", "info");
        assertThat(cfg.prometheusPort()).isEqualTo(OptionalInt.empty());
        assertThat(cfg.poolWorker()).isTrue();
        assertThat(cfg.modelDir()).contains(models.toAbsolutePath());
    }

    @Test
    void appliesTheLogDirectivesBeforeLaunching() {
        CliHarness cli = cli();
        NodeConfig cfg = cli.config("-l", "sync=trace");

        assertThat(cli.appliedLogs).containsExactly(cfg.log());
    }

    @Test
    void configurationIsImmutable() {
        NodeConfig cfg = cli().config("--bootnodes", "/ip4/1.2.3.4/tcp/1/p2p/12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp");

        assertThatThrownBy(() -> cfg.bootnodes().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> cfg.log().directives().add(null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void readsTheChainIdOfASpecFileWithoutLoadingItsGenesis() throws Exception {
        Path spec = tmp.resolve("spec.json");
        Files.writeString(spec, "{\"name\":\"Test\",\"genesis\":{\"raw\":{\"top\":{\"0x00\":\"0x01\"}}},\"bootNodes\":[],"
                + "\"id\":\"my_chain-1\",\"properties\":{\"ss58Format\":42}}");

        NodeConfig cfg = cli().config("--chain", spec.toString());

        assertThat(cfg.chain().isPreset()).isFalse();
        assertThat(cfg.chain().specFile()).contains(spec.toAbsolutePath());
        assertThat(cfg.chain().id()).isEqualTo("my_chain-1");
    }

    @Test
    void launcherExitCodeBecomesTheProcessExitCode() {
        CliHarness cli = new CliHarness(tmp, "", cfg -> 3);

        assertThat(cli.run("--dev")).isEqualTo(3);
    }

    @Test
    void launcherFailureIsReportedWithItsCauseAndExitCodeOne() {
        CliHarness cli = new CliHarness(tmp, "", cfg -> {
            throw new IllegalStateException("cannot open database", new java.io.IOException("lock held by pid 4242"));
        });

        assertThat(cli.run("--dev")).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("error: cannot open database: lock held by pid 4242" + System.lineSeparator());
    }

    static Stream<Arguments> invalidOptions() {
        return Stream.of(
                Arguments.of(List.of("--rpc-port", "70000"), "--rpc-port must be 0…65535, got 70000"),
                Arguments.of(List.of("--rpc-port", "-1"), "--rpc-port must be 0…65535, got -1"),
                Arguments.of(List.of("--port", "65536"), "--port must be 0…65535, got 65536"),
                Arguments.of(List.of("--prometheus-port", "99999"), "--prometheus-port must be 0…65535, got 99999"),
                Arguments.of(List.of("--rpc-max-connections", "0"), "--rpc-max-connections must be 1…1000000, got 0"),
                Arguments.of(List.of("--rpc-max-request-size", "0"), "--rpc-max-request-size must be 1…2047 MiB, got 0"),
                Arguments.of(List.of("--rpc-max-request-size", "4096"), "--rpc-max-request-size must be 1…2047 MiB, got 4096"),
                Arguments.of(List.of("--rpc-max-response-size", "0"), "--rpc-max-response-size must be 1…2047 MiB, got 0"),
                Arguments.of(List.of("--rpc-max-subscriptions-per-connection", "0"),
                        "--rpc-max-subscriptions-per-connection must be 1…1000000, got 0"),
                Arguments.of(List.of("--rpc-methods", "sometimes"), "--rpc-methods must be auto, safe or unsafe, got 'sometimes'"),
                Arguments.of(List.of("--state-pruning", "0"), "--state-pruning must be 'archive' or a number of blocks ≥ 1, got 0"),
                Arguments.of(List.of("--state-pruning", "lots"), "--state-pruning must be 'archive' or a number of blocks ≥ 1, got 'lots'"),
                Arguments.of(List.of("--state-pruning", "99999999999"), "--state-pruning must be at most 2147483647 blocks"),
                Arguments.of(List.of("--chain", "nowhere"), "--chain: 'nowhere' is neither a preset (dev, local) nor an existing chain spec file"),
                Arguments.of(List.of("--chain", ""), "--chain must name a preset (dev, local) or a chain spec file"),
                Arguments.of(List.of("--tmp", "--base-path", "/x"), "--tmp and --base-path exclude each other"),
                Arguments.of(List.of("--key", "//Alice"), "--key is the block authoring key and needs --validator"),
                Arguments.of(List.of("--validator", "--key", "bottom drive obey"), "--key: bip39: a phrase has 12, 15, 18, 21 or 24 words"),
                Arguments.of(List.of("--validator", "--key", "//Alice/soft"), "--key: ed25519: soft junction '/soft'"),
                Arguments.of(List.of("--name", "a.b"), "--name must not contain '.'"),
                Arguments.of(List.of("--name", "x".repeat(65)), "--name must be at most 64 characters, got 65"),
                Arguments.of(List.of("--name", " "), "--name must not be empty"),
                Arguments.of(List.of("--bootnodes", "/ip4/1.2.3.4/tcp/30333"),
                        "--bootnodes: '/ip4/1.2.3.4/tcp/30333' is not a multiaddr ending in /p2p/<peer id>"),
                Arguments.of(List.of("--bootnodes", "1.2.3.4:30333/p2p/12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp"),
                        "is not a multiaddr ending in /p2p/<peer id>"),
                Arguments.of(List.of("--log", "txpool=loud"), "--log: unknown level 'loud' (trace, debug, info, warn, error, off)"),
                Arguments.of(List.of("--log", "=debug"), "--log: directive '=debug' has no target before '='"),
                Arguments.of(List.of("--log", "info,,rpc=warn"), "--log: empty directive in 'info,,rpc=warn'"),
                Arguments.of(List.of("--log", "rp c=warn"), "--log: target 'rp c' must be an area such as txpool"),
                Arguments.of(List.of("--port", "9944"), "--port and --rpc-port are both 9944; each needs its own port"),
                Arguments.of(List.of("--prometheus-port", "9944"), "--prometheus-port 9944 is already taken by --rpc-port"),
                Arguments.of(List.of("--prometheus-port", "30333"), "--prometheus-port 30333 is already taken by --port"),
                Arguments.of(List.of("--model-dir", "."), "--model-dir is read by the pool worker only; add --pool-worker"),
                Arguments.of(List.of("--pool-worker", "--model-dir", "/no/such/dir"), "--model-dir /no/such/dir is not a directory"),
                Arguments.of(List.of("--pool-worker-prepare-keys=false"),
                        "--pool-worker-prepare-keys is read by the pool worker only; add --pool-worker"),
                Arguments.of(List.of("--dev", "--no-pool-worker", "--pool-worker-prepare-keys=true"),
                        "--pool-worker-prepare-keys is read by the pool worker only; add --pool-worker"),
                Arguments.of(List.of("--pool-worker", "--pool-worker-prepare-keys=maybe"), "'maybe' is not a boolean"),
                Arguments.of(List.of("--validator", "--rpc-external"), "--rpc-external should not be used on a validator"),
                Arguments.of(List.of("--dev", "--rpc-external"), "use --unsafe-rpc-external or --rpc-methods unsafe"),
                Arguments.of(List.of("--rpc-port", "abc"), "Invalid value for option '--rpc-port': 'abc' is not an int"),
                Arguments.of(List.of("--frobnicate"), "Unknown option: '--frobnicate'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidOptions")
    void rejectsBadValuesNamingTheFlagWithoutLaunching(List<String> args, String message) {
        CliHarness cli = cli();

        int code = cli.run(args.toArray(String[]::new));

        assertThat(code).as(cli.err()).isEqualTo(2);
        assertThat(cli.launched).isEmpty();
        assertThat(cli.err()).startsWith("error: ").contains(message).contains("Run 'zklayer --help' for the options.");
    }

    @Test
    void runSubcommandErrorsPointToItsOwnHelp() {
        CliHarness cli = cli();

        assertThat(cli.run("run", "--rpc-port", "70000")).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("error: --rpc-port must be 0…65535, got 70000" + System.lineSeparator()
                + "Run 'zklayer run --help' for the options." + System.lineSeparator());
    }

    @Test
    void rejectsChainSpecsWithoutAUsableId() throws Exception {
        Path noId = Files.writeString(tmp.resolve("noid.json"), "{\"name\":\"x\",\"genesis\":{\"id\":\"nested\"}}");
        Path badId = Files.writeString(tmp.resolve("badid.json"), "{\"id\":\"../../etc\"}");
        Path numberId = Files.writeString(tmp.resolve("numid.json"), "{\"id\":7}");
        Path notJson = Files.writeString(tmp.resolve("broken.json"), "{\"name\": nope, \"id\": \"x\"}");
        Path array = Files.writeString(tmp.resolve("array.json"), "[1,2]");

        assertThat(errorOf("--chain", noId.toString())).contains("the chain spec has no top-level \"id\"");
        assertThat(errorOf("--chain", badId.toString())).contains("chain id '../../etc' must be 1…64 letters, digits");
        assertThat(errorOf("--chain", numberId.toString())).contains("\"id\" must be a string");
        assertThat(errorOf("--chain", notJson.toString())).contains("not valid JSON at line 1");
        assertThat(errorOf("--chain", array.toString())).contains("a chain spec is a JSON object");
    }

    private String errorOf(String... args) {
        CliHarness cli = cli();
        assertThat(cli.run(args)).isEqualTo(2);
        return cli.err();
    }

    @Test
    void chainSelectionRefusesUnknownPresetsAndMixedSources() {
        assertThatThrownBy(() -> ChainSelection.preset("mainnet"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("--chain: unknown preset 'mainnet' (presets: dev, local)");
        assertThatThrownBy(() -> new ChainSelection(Optional.of("dev"), Optional.of(Path.of("x")), "dev"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly one of a preset and a spec file");
    }
}
