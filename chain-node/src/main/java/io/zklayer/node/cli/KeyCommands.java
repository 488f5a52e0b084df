package io.zklayer.node.cli;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.crypto.Bip39;
import io.zklayer.primitives.crypto.Ed25519KeyPair;
import io.zklayer.primitives.crypto.Ed25519PublicKey;
import io.zklayer.primitives.crypto.InvalidSecretException;
import io.zklayer.primitives.crypto.SecretUri;
import io.zklayer.primitives.crypto.Ss58;
import io.zklayer.primitives.crypto.Ss58Address;
import io.zklayer.primitives.crypto.Ss58Exception;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code zklayer key generate|inspect}: account keys as Substrate's {@code key} subcommand handles
 * them, for ed25519 (the only scheme of this chain's accounts).
 *
 * <p>{@code zklayer key inspect //Alice} prints the seed, public key {@code 0x88dc3417…b0ee} and
 * address {@code 5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu}; {@code key inspect
 * 5FA9nQDV…TTpu} prints the public key and network of an address.
 */
@Command(name = "key", mixinStandardHelpOptions = true,
        description = "Generate and inspect account keys (ed25519, SS58 addresses).")
final class KeyCommands implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private KeyCommands() {}

    /** Returns {@code key} with its subcommands. */
    static CommandLine create(CliEnvironment env) {
        CommandLine key = new CommandLine(new KeyCommands());
        key.addSubcommand("generate", new Generate(env));
        key.addSubcommand("inspect", new Inspect());
        key.addSubcommand("generate-node-key", new NodeKeyCommands.Generate(env));
        key.addSubcommand("inspect-node-key", new NodeKeyCommands.Inspect());
        return key;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(),
                "key: missing subcommand (generate, inspect, generate-node-key or inspect-node-key)");
    }

    /** Options shared by both subcommands. */
    static final class OutputOptions {
        @Option(names = "--scheme", paramLabel = "<scheme>", defaultValue = "ed25519",
                description = "Key scheme; this chain's accounts are ed25519. Default: ${DEFAULT-VALUE}.")
        String scheme;

        @Option(names = "--network", paramLabel = "<name|prefix>",
                description = "SS58 network of the printed address: substrate (42, default), polkadot, kusama, or a prefix.")
        String network;

        @Option(names = "--output-type", paramLabel = "<text|json>", defaultValue = "text",
                description = "Output format. Default: ${DEFAULT-VALUE}.")
        String outputType;

        void checkScheme(CommandSpec spec) {
            if (!"ed25519".equals(scheme.toLowerCase(Locale.ROOT))) {
                throw new ParameterException(spec.commandLine(), "--scheme " + scheme
                        + " is not supported: this chain's accounts are ed25519 (--scheme ed25519)");
            }
        }

        Optional<Ss58Network> network(CommandSpec spec) {
            try {
                return Optional.ofNullable(network).map(Ss58Network::parse);
            } catch (InvalidConfigException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }

        boolean json(CommandSpec spec) {
            return switch (outputType.toLowerCase(Locale.ROOT)) {
                case "json" -> true;
                case "text" -> false;
                default -> throw new ParameterException(spec.commandLine(),
                        "--output-type must be text or json, got '" + outputType + "'");
            };
        }

        void print(CommandSpec spec, KeyReport report, boolean json) {
            spec.commandLine().getOut().println(json ? report.json() : report.text());
            spec.commandLine().getOut().flush();
        }
    }

    /** {@code key generate}: a new BIP-39 phrase from the environment's secure randomness. */
    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Generate a new secret phrase and show its key and address.")
    static final class Generate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = {"-w", "--words"}, paramLabel = "<n>", defaultValue = "12",
                description = "Number of words: 12, 15, 18, 21 or 24. Default: ${DEFAULT-VALUE}.")
        int words;

        @CommandLine.Mixin
        OutputOptions output = new OutputOptions();

        private final CliEnvironment env;

        Generate(CliEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            output.checkScheme(spec);
            if (words < 12 || words > 24 || words % 3 != 0) {
                throw new ParameterException(spec.commandLine(), "--words must be 12, 15, 18, 21 or 24, got " + words);
            }
            boolean json = output.json(spec);
            Ss58Network network = output.network(spec).orElseGet(Ss58Network::generic);
            byte[] entropy = new byte[words * 4 / 3];
            env.random().nextBytes(entropy);
            String phrase = Bip39.phrase(entropy);
            Arrays.fill(entropy, (byte) 0);
            Ed25519KeyPair pair = Ed25519KeyPair.fromPhrase(phrase, "");
            output.print(spec, new KeyReport(KeyReport.Kind.PHRASE, phrase, network, Optional.of(pair.seed()),
                    pair.publicKey()), json);
            return 0;
        }
    }

    /** {@code key inspect}: what a phrase, secret URI, SS58 address or (with --public) hex key is. */
    @Command(name = "inspect", mixinStandardHelpOptions = true,
            description = {"Show the key and address of a secret phrase or secret URI, or what an address is.",
                    "Accepts a phrase, a secret URI (//Alice, <phrase>//path///password, 0x<seed>//path),",
                    "an SS58 address, or with --public a hex public key."})
    static final class Inspect implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "<uri|phrase|0xseed|ss58-address>",
                description = "What to inspect. Quote phrases: \"bottom drive obey …\".")
        String input;

        @Option(names = "--public", description = "The input is a hex public key (0x + 64 digits).")
        boolean isPublic;

        @CommandLine.Mixin
        OutputOptions output = new OutputOptions();

        @Override
        public Integer call() {
            output.checkScheme(spec);
            boolean json = output.json(spec);
            Optional<Ss58Network> network = output.network(spec);
            output.print(spec, isPublic ? fromPublicHex(network) : fromUri(network), json);
            return 0;
        }

        private KeyReport fromPublicHex(Optional<Ss58Network> network) {
            byte[] bytes;
            try {
                bytes = Hex.decode(input);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--public: '" + input + "' is not hex: " + e.getMessage());
            }
            if (bytes.length != Ed25519PublicKey.LENGTH) {
                throw new ParameterException(spec.commandLine(), "--public: an ed25519 public key is 32 bytes (64 hex digits),"
                        + " got " + bytes.length + " bytes");
            }
            return new KeyReport(KeyReport.Kind.PUBLIC_HEX, input, network.orElseGet(Ss58Network::generic),
                    Optional.empty(), Ed25519PublicKey.of(bytes));
        }

        // Substrate's order: a bare phrase, then a secret URI, then an SS58 address.
        private KeyReport fromUri(Optional<Ss58Network> network) {
            InvalidSecretException secretError;
            try {
                SecretUri uri = SecretUri.parse(input);
                Ed25519KeyPair pair = uri.ed25519();
                boolean barePhrase = uri.hasExplicitPhrase() && !uri.isRawSeed() && uri.junctions().isEmpty()
                        && uri.password().isEmpty();
                return new KeyReport(barePhrase ? KeyReport.Kind.PHRASE : KeyReport.Kind.SECRET_URI, input,
                        network.orElseGet(Ss58Network::generic), Optional.of(pair.seed()), pair.publicKey());
            } catch (InvalidSecretException e) {
                secretError = e;
            }
            try {
                Ss58Address address = Ss58.decode(input);
                return new KeyReport(KeyReport.Kind.PUBLIC_URI, input,
                        network.orElseGet(() -> new Ss58Network(address.prefix())), Optional.empty(), address.ed25519());
            } catch (Ss58Exception e) {
                boolean looksLikeAddress = input.indexOf(' ') < 0 && input.indexOf('/') < 0 && !input.startsWith("0x");
                throw new ParameterException(spec.commandLine(), "key inspect: not a secret phrase, secret URI or SS58"
                        + " address: " + (looksLikeAddress ? e.getMessage() : secretError.getMessage()));
            }
        }
    }
}
