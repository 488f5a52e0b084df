package io.zklayer.node.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code --log} directives to Logback at startup, on top of {@code logback.xml}: each
 * directive sets its logger's level, in order, so a later directive for the same target wins.
 *
 * <p>{@code --log info} sets the root logger to INFO; {@code --log txpool=debug,rpc=warn} sets
 * {@code io.zklayer.node.txpool} to DEBUG and {@code io.zklayer.node.rpc} to WARN.
 */
public final class LogLevels {
    private LogLevels() {}

    /**
     * Sets the levels in the running Logback context.
     *
     * @throws IllegalStateException if SLF4J is bound to another backend than Logback
     */
    public static void apply(LogDirectives directives) {
        apply(directives, LoggerFactory.getILoggerFactory());
    }

    /** Sets the levels in {@code factory}, which must be a Logback {@link LoggerContext}. */
    static void apply(LogDirectives directives, ILoggerFactory factory) {
        if (directives.directives().isEmpty()) {
            return;
        }
        if (!(factory instanceof LoggerContext context)) {
            throw new IllegalStateException("--log needs Logback as the SLF4J backend, found "
                    + factory.getClass().getName());
        }
        for (LogDirectives.Directive directive : directives.directives()) {
            Logger logger = context.getLogger(directive.loggerName());
            logger.setLevel(Level.toLevel(directive.level().name()));
        }
    }
}
