package io.zklayer.node.cli;

import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code zklayer run [options]}: validates the options into a {@link NodeConfig}, applies
 * {@code --log}, and hands the configuration to the {@link NodeLauncher}. Running {@code zklayer}
 * with options and no subcommand does the same.
 */
@Command(name = "run", sortOptions = false, mixinStandardHelpOptions = true,
        customSynopsis = "zklayer run [OPTIONS]",
        description = "Run a node (the default when no subcommand is given: `zklayer --dev` = `zklayer run --dev`).")
public final class RunCommand implements Callable<Integer> {
    @Mixin
    RunOptions options = new RunOptions();

    @Spec
    CommandSpec spec;

    private final NodeLauncher launcher;
    private final CliEnvironment env;

    /** Returns the command that starts nodes through {@code launcher}. */
    public RunCommand(NodeLauncher launcher, CliEnvironment env) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.env = Objects.requireNonNull(env, "env");
    }

    @Override
    public Integer call() throws Exception {
        return launch(options, launcher, env, spec);
    }

    /**
     * Builds the configuration (a bad value is a usage error naming the flag), applies the log
     * levels, then runs the node and returns its exit code.
     */
    static int launch(RunOptions options, NodeLauncher launcher, CliEnvironment env, CommandSpec spec) throws Exception {
        NodeConfig config;
        try {
            config = options.toConfig(env);
        } catch (InvalidConfigException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        env.logConfigurator().accept(config.log());
        return launcher.run(config);
    }
}
