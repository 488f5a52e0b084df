package io.zklayer.node.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code zklayer purge-chain}: deletes a chain's database ({@code <base>/chains/<id>/db}) after a
 * confirmation, keeping its keystore and network key, as Substrate's {@code purge-chain} does.
 *
 * <pre>
 * $ zklayer purge-chain --chain local
 * Are you sure to remove "/home/op/.local/share/zklayer/chains/local_testnet/db"? [y/N]: y
 * "/home/op/.local/share/zklayer/chains/local_testnet/db" removed.
 * </pre>
 */
@Command(name = "purge-chain", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Remove a chain's database (blocks and state); the keystore and node key stay.")
public final class PurgeChainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--chain", paramLabel = "<preset|file>",
            description = "Chain preset (dev, local) or chain spec file. Default: local, or dev with --dev.")
    String chain;

    @Option(names = "--dev", description = "Purge the dev chain (same as --chain dev).")
    boolean dev;

    @Option(names = {"-d", "--base-path"}, paramLabel = "<dir>",
            description = "Base path of the node. Default: $XDG_DATA_HOME/zklayer or ~/.local/share/zklayer.")
    Path basePath;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    private final CliEnvironment env;

    /** Returns the command, reading confirmations from the environment's console input. */
    public PurgeChainCommand(CliEnvironment env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    @Override
    public Integer call() throws IOException {
        ChainSelection selection;
        try {
            selection = ChainSelection.resolve(chain != null ? chain : dev ? ChainSelection.DEV : ChainSelection.LOCAL);
        } catch (InvalidConfigException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        NodePaths paths = NodePaths.of(basePath != null ? basePath : env.defaultBasePath(), selection);
        Path db = paths.database();
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.exists(db, LinkOption.NOFOLLOW_LINKS)) {
            out.println("\"" + db + "\" did not exist: nothing to purge for chain " + selection.id() + ".");
            out.flush();
            return 0;
        }
        if (!yes) {
            out.print("Are you sure to remove \"" + db + "\"? [y/N]: ");
            out.flush();
            String answer = env.stdin().readLine();
            if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).matches("y|yes")) {
                out.println("Aborted: nothing removed.");
                out.flush();
                return 1;
            }
        }
        NodePaths.deleteTree(db);
        out.println("\"" + db + "\" removed.");
        out.flush();
        return 0;
    }
}
