package io.zklayer.node.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Runs {@link ZklayerCli} in-process with a launcher that records the {@link NodeConfig} instead of
 * starting a node, seeded randomness, scripted console input and captured stdout/stderr.
 */
final class CliHarness {
    final List<NodeConfig> launched = new ArrayList<>();
    final List<LogDirectives> appliedLogs = new ArrayList<>();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final Path defaultBase;
    private final ZklayerCli cli;

    CliHarness(Path defaultBase) {
        this(defaultBase, "", cfg -> 0);
    }

    CliHarness(Path defaultBase, String stdin, NodeLauncher behaviour) {
        this(defaultBase, stdin, behaviour, 42);
    }

    CliHarness(Path defaultBase, String stdin, NodeLauncher behaviour, long randomSeed) {
        this.defaultBase = defaultBase;
        CliEnvironment env = new CliEnvironment(new Random(randomSeed), new BufferedReader(new StringReader(stdin)), defaultBase,
                appliedLogs::add);
        this.cli = new ZklayerCli(cfg -> {
            launched.add(cfg);
            return behaviour.run(cfg);
        }, env);
        cli.commandLine().setOut(new PrintWriter(out, true));
        cli.commandLine().setErr(new PrintWriter(err, true));
    }

    int run(String... args) {
        return cli.execute(args);
    }

    /** Runs args, expects exactly one launch, and returns its configuration. */
    NodeConfig config(String... args) {
        int code = run(args);
        if (code != 0 || launched.size() != 1) {
            throw new AssertionError("expected one launch with exit 0, got exit " + code + ", launches " + launched.size()
                    + ", stderr: " + err);
        }
        return launched.get(0);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }
}
