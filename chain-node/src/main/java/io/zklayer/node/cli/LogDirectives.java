package io.zklayer.node.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Log levels from {@code --log} (Substrate's {@code -l}/{@code --log}): comma-separated directives,
 * each {@code level} (every logger) or {@code target=level}.
 *
 * <p>A short target names a node area and means the package {@code io.zklayer.node.<target>}
 * ({@code txpool=debug} → logger {@code io.zklayer.node.txpool} at DEBUG); a target with a dot is a
 * logger name as it is ({@code io.netty=warn}). Later directives win over earlier ones for the same
 * target. {@code --log txpool=debug,rpc=warn,info} gives root INFO, txpool DEBUG, rpc WARN.
 *
 * @param directives the directives in the order given
 */
public record LogDirectives(List<Directive> directives) {
    /** The package that short targets live in. */
    public static final String NODE_PACKAGE = "io.zklayer.node";

    private static final Pattern TARGET = Pattern.compile("[A-Za-z_][A-Za-z0-9_$-]*(\\.[A-Za-z_][A-Za-z0-9_$-]*)*");

    /** A logger level. */
    public enum Level {
        /** Everything. */
        TRACE,
        /** Diagnostics. */
        DEBUG,
        /** Operator information (the default). */
        INFO,
        /** Problems the node survives. */
        WARN,
        /** Failures. */
        ERROR,
        /** Nothing. */
        OFF
    }

    /**
     * One directive: a level for a target, or for every logger when the target is empty.
     *
     * @param target the short target or logger name; empty for the root logger
     * @param level the level
     */
    public record Directive(Optional<String> target, Level level) {
        /** Checks the target's shape. */
        public Directive {
            target.ifPresent(t -> {
                if (!TARGET.matcher(t).matches()) {
                    throw new InvalidConfigException("--log: target '" + t + "' must be an area such as txpool or a logger"
                            + " name such as io.netty");
                }
            });
            if (level == null) {
                throw new InvalidConfigException("--log: missing level");
            }
        }

        /** Returns the logback logger name: {@code ROOT}, {@code io.zklayer.node.<target>} or the dotted name. */
        public String loggerName() {
            return target.map(t -> t.contains(".") ? t : NODE_PACKAGE + "." + t).orElse("ROOT");
        }

        /** Returns the directive as written: {@code txpool=debug} or {@code info}. */
        @Override
        public String toString() {
            String level = this.level.name().toLowerCase(Locale.ROOT);
            return target.map(t -> t + "=" + level).orElse(level);
        }
    }

    /** Copies the list. */
    public LogDirectives {
        directives = List.copyOf(directives);
    }

    /** Returns no directives: the levels of {@code logback.xml} stay. */
    public static LogDirectives none() {
        return new LogDirectives(List.of());
    }

    /**
     * Returns the directives of one or more {@code --log} values, each a comma-separated list.
     *
     * @throws InvalidConfigException naming the first directive that is not {@code level} or
     *     {@code target=level}, or an unknown level
     */
    public static LogDirectives parse(List<String> values) {
        List<Directive> out = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",", -1)) {
                String text = part.strip();
                if (text.isEmpty()) {
                    throw new InvalidConfigException("--log: empty directive in '" + value + "' (use target=level,level)");
                }
                int eq = text.indexOf('=');
                if (eq < 0) {
                    out.add(new Directive(Optional.empty(), level(text)));
                } else {
                    String target = text.substring(0, eq).strip();
                    if (target.isEmpty()) {
                        throw new InvalidConfigException("--log: directive '" + text + "' has no target before '='");
                    }
                    out.add(new Directive(Optional.of(target), level(text.substring(eq + 1).strip())));
                }
            }
        }
        return new LogDirectives(out);
    }

    private static Level level(String text) {
        for (Level level : Level.values()) {
            if (level.name().equalsIgnoreCase(text)) {
                return level;
            }
        }
        throw new InvalidConfigException("--log: unknown level '" + text + "' (trace, debug, info, warn, error, off)");
    }
}
