package io.zklayer.node.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code zklayer} command line, in the shape of Substrate's {@code polkadot}: the node options
 * at the top level ({@code zklayer --dev}) and subcommands {@code run}, {@code key},
 * {@code purge-chain}, {@code build-spec}, {@code rpc}, {@code tx}, {@code model}, {@code pool} and
 * {@code workload}.
 *
 * <p>Exit codes: 0 success, 1 failure while running (message on stderr, prefixed {@code error:}),
 * 2 bad usage (message naming the flag, then a pointer to {@code --help}).
 *
 * <p>The node itself is not part of the CLI: {@link #main(String[])} finds a {@link NodeLauncher}
 * through {@link ServiceLoader}, and tests construct the CLI with their own launcher and
 * {@link CliEnvironment}.
 */
@Command(name = "zklayer", mixinStandardHelpOptions = true, sortOptions = false, versionProvider = ZklayerCli.Version.class,
        customSynopsis = "zklayer [OPTIONS] [COMMAND]",
        description = {"ZKLayer node: a Substrate-style chain for verified AI inference.",
                "Run a node with the options below (`zklayer --dev` for a development chain), or use a subcommand."})
public final class ZklayerCli implements Callable<Integer> {
    @Mixin
    RunOptions options = new RunOptions();

    @Spec
    CommandSpec spec;

    private final NodeLauncher launcher;
    private final CliEnvironment env;
    private final CommandLine commandLine;

    /** Returns the CLI with the real environment (SecureRandom, System.in, default base path, Logback). */
    public ZklayerCli(NodeLauncher launcher) {
        this(launcher, CliEnvironment.system());
    }

    /** Returns the CLI that runs nodes through {@code launcher} in {@code env}. */
    public ZklayerCli(NodeLauncher launcher, CliEnvironment env) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.env = Objects.requireNonNull(env, "env");
        CommandLine cl = new CommandLine(this);
        cl.addSubcommand("run", new RunCommand(launcher, env));
        cl.addSubcommand("key", KeyCommands.create(env));
        cl.addSubcommand("purge-chain", new PurgeChainCommand(env));
        cl.addSubcommand("rpc", new RpcCommand());
        cl.addSubcommand("build-spec", new BuildSpecCommand());
        cl.addSubcommand("tx", TxCommands.create(env));
        cl.addSubcommand("model", ModelCommands.create(env));
        cl.addSubcommand("pool", PoolCommands.create(env));
        cl.addSubcommand("validator", ValidatorCommands.create(env));
        cl.addSubcommand("workload", WorkloadCommands.create(env));
        cl.setParameterExceptionHandler(ZklayerCli::usageError);
        cl.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof ParameterException usage) {
                // A value that parsed but breaks a rule, found while building the configuration.
                return usageError(usage, new String[0]);
            }
            command.getErr().println("error: " + describe(e));
            command.getErr().flush();
            return 1;
        });
        this.commandLine = cl;
    }

    /** Runs the command line and returns its exit code; output goes to {@link #commandLine()}'s writers. */
    public int execute(String... args) {
        return commandLine.execute(args);
    }

    /** Returns the picocli model, to redirect output ({@code setOut}, {@code setErr}) or read help. */
    public CommandLine commandLine() {
        return commandLine;
    }

    @Override
    public Integer call() throws Exception {
        return RunCommand.launch(options, launcher, env, spec);
    }

    /** Starts the CLI with the node service found on the class path and exits with its code. */
    public static void main(String[] args) {
        System.exit(new ZklayerCli(discoverLauncher()).execute(args));
    }

    /**
     * Returns the first {@link NodeLauncher} that {@link ServiceLoader} finds, or one that fails
     * with a message saying what is missing.
     */
    static NodeLauncher discoverLauncher() {
        return discoverLauncher(Thread.currentThread().getContextClassLoader());
    }

    /** Returns the first {@link NodeLauncher} visible to {@code loader}, or the failing stand-in. */
    static NodeLauncher discoverLauncher(ClassLoader loader) {
        List<NodeLauncher> found = ServiceLoader.load(NodeLauncher.class, loader).stream().map(ServiceLoader.Provider::get).toList();
        if (found.isEmpty()) {
            return config -> {
                throw new IllegalStateException("no node service on the class path: nothing implements "
                        + NodeLauncher.class.getName() + " (META-INF/services); the key, purge-chain, build-spec,"
                        + " rpc and tx subcommands still work");
            };
        }
        return found.get(0);
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("error: " + e.getMessage());
        err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    // The message and the chain of causes, for an operator: "cannot open database: lock held by …".
    private static String describe(Throwable e) {
        StringBuilder out = new StringBuilder(e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        if (e instanceof io.zklayer.node.client.RpcClientException) {
            return out.toString();
        }
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !out.toString().contains(cause.getMessage())) {
                out.append(": ").append(cause.getMessage());
            }
        }
        return out.toString();
    }

    /** Prints the version from the jar manifest (Implementation-Version, the Maven project version). */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"zklayer " + version(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }

    /** Returns the project version from the jar manifest, or a note when running from compiled classes. */
    public static String version() {
        String version = ZklayerCli.class.getPackage().getImplementationVersion();
        return version != null ? version : "(unpackaged build: no jar manifest)";
    }
}
