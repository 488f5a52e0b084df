package io.zklayer.node.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;

/**
 * What the CLI takes from its surroundings, so that tests can supply each: the randomness for new
 * keys and node names, the console input for confirmations, the default base path, and the hook
 * that applies {@code --log} to the logging backend.
 *
 * @param random the entropy source: a {@link SecureRandom} in {@link #system()}, seeded in tests
 * @param stdin where {@code purge-chain} reads its confirmation
 * @param defaultBasePath the base path when {@code --base-path} is absent
 * @param logConfigurator applies {@code --log} before the node starts
 */
public record CliEnvironment(Random random, BufferedReader stdin, Path defaultBasePath,
                             Consumer<LogDirectives> logConfigurator) {
    /** Checks that every part is present. */
    public CliEnvironment {
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(defaultBasePath, "defaultBasePath");
        Objects.requireNonNull(logConfigurator, "logConfigurator");
    }

    /** Returns the real environment: SecureRandom, System.in, the XDG data directory, Logback. */
    public static CliEnvironment system() {
        return new CliEnvironment(new SecureRandom(),
                new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())),
                NodePaths.defaultBasePath(System.getenv(), System.getProperty("user.home")),
                LogLevels::apply);
    }

    /** Returns an environment for tests and tools: the given parts, and {@code --log} not applied. */
    public static CliEnvironment of(Random random, BufferedReader stdin, Path defaultBasePath) {
        return new CliEnvironment(random, stdin, defaultBasePath, directives -> { });
    }
}
