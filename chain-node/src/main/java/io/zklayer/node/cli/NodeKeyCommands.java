package io.zklayer.node.cli;

import io.zklayer.node.network.NodeKeys;
import io.zklayer.p2p.peer.HostKey;
import io.zklayer.primitives.Hex;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code zklayer key generate-node-key} and {@code key inspect-node-key}: libp2p node keys as
 * Substrate's commands of the same names handle them, so that a launcher knows each node's peer id
 * before starting it (and can list it in the others' {@code --bootnodes}).
 *
 * <p>{@code generate-node-key --file <f>} writes a fresh 32-byte Ed25519 secret to {@code f} (never
 * overwriting) and prints the peer id on stderr; without {@code --file} the secret is printed as 64
 * hex digits on stdout instead. {@code inspect-node-key --file <f>} prints the peer id of the key
 * in {@code f} (raw 32 bytes or hex) on stdout.
 */
final class NodeKeyCommands {
    private NodeKeyCommands() {}

    /** {@code key generate-node-key}. */
    @Command(name = "generate-node-key", mixinStandardHelpOptions = true,
            description = {"Generate a libp2p node key (ed25519); print its peer id on stderr.",
                    "With --file the secret goes to the file, else to stdout as hex.",
                    "Example: zklayer key generate-node-key --file base/chains/local_testnet/network/secret_ed25519"})
    static final class Generate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--file", paramLabel = "<file>", description = "Write the 32-byte secret here (not overwritten if it exists).")
        Path file;

        private final CliEnvironment env;

        Generate(CliEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            HostKey key;
            if (file != null) {
                try {
                    key = NodeKeys.create(file, env.random());
                } catch (IllegalStateException | UncheckedIOException e) {
                    throw new ParameterException(spec.commandLine(), "--file: " + e.getMessage(), e);
                }
            } else {
                byte[] secret = new byte[32];
                env.random().nextBytes(secret);
                key = HostKey.fromSecret(secret);
                spec.commandLine().getOut().println(Hex.encode(secret).substring(2));
                spec.commandLine().getOut().flush();
            }
            spec.commandLine().getErr().println(key.peerId().toBase58());
            spec.commandLine().getErr().flush();
            return 0;
        }
    }

    /** {@code key inspect-node-key}. */
    @Command(name = "inspect-node-key", mixinStandardHelpOptions = true,
            description = "Print the peer id of the libp2p node key in a file.")
    static final class Inspect implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--file", required = true, paramLabel = "<file>",
                description = "The key file (32 raw bytes or 64 hex digits).")
        Path file;

        @Override
        public Integer call() {
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new ParameterException(spec.commandLine(), "--file: " + file + " is not a file");
            }
            HostKey key;
            try {
                key = NodeKeys.loadOrCreate(file, new java.util.Random(0));
            } catch (IllegalArgumentException | UncheckedIOException e) {
                throw new ParameterException(spec.commandLine(), "--file: " + e.getMessage(), e);
            }
            spec.commandLine().getOut().println(key.peerId().toBase58());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
