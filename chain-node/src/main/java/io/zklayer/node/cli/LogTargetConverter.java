package io.zklayer.node.cli;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback converter {@code %target}: the short area of a logger, as Substrate prints log targets,
 * and the name {@code --log target=level} takes.
 *
 * <p>{@code io.zklayer.node.txpool.TransactionPool} → {@code txpool}; {@code io.zklayer.node.import}
 * → {@code import}; {@code io.zklayer.node.NodeService} → {@code node};
 * {@code io.zklayer.consensus.BlockImporter} → {@code consensus};
 * {@code io.netty.channel.DefaultChannelPipeline} → {@code netty}; a name without dots stays as it is.
 */
public final class LogTargetConverter extends ClassicConverter {
    private static final String NODE = LogDirectives.NODE_PACKAGE + ".";
    private static final String PROJECT = "io.zklayer.";

    /** Returns the short target of the event's logger. */
    @Override
    public String convert(ILoggingEvent event) {
        return target(event.getLoggerName());
    }

    /** Returns the short target of a logger name. */
    static String target(String loggerName) {
        if (loggerName.startsWith(NODE)) {
            return segment(loggerName, NODE.length(), "node");
        }
        if (loggerName.startsWith(PROJECT)) {
            return segment(loggerName, PROJECT.length(), "zklayer");
        }
        String[] parts = loggerName.split("\\.");
        if (parts.length >= 2 && parts[0].length() <= 3) {
            return parts[1];
        }
        return parts[0];
    }

    // The package segment after the prefix; a class right in the prefix package gets the fallback.
    private static String segment(String name, int start, String fallback) {
        int end = name.indexOf('.', start);
        String segment = end < 0 ? name.substring(start) : name.substring(start, end);
        return segment.isEmpty() || Character.isUpperCase(segment.charAt(0)) ? fallback : segment;
    }
}
