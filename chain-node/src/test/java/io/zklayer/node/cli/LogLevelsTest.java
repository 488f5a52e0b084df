package io.zklayer.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLoggerFactory;

class LogLevelsTest {
    @Test
    void shortTargetsMapToNodePackagesAndTheLastDirectiveWins() {
        LoggerContext context = new LoggerContext();

        LogLevels.apply(LogDirectives.parse(List.of("txpool=debug,rpc=warn", "io.netty=error", "warn", "rpc=trace")), context);

        assertThat(context.getLogger("io.zklayer.node.txpool").getLevel()).isEqualTo(Level.DEBUG);
        assertThat(context.getLogger("io.zklayer.node.txpool.TransactionPool").getEffectiveLevel()).isEqualTo(Level.DEBUG);
        assertThat(context.getLogger("io.zklayer.node.rpc").getLevel()).isEqualTo(Level.TRACE);
        assertThat(context.getLogger("io.netty").getLevel()).isEqualTo(Level.ERROR);
        assertThat(context.getLogger("ROOT").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("io.zklayer.node.sync").getEffectiveLevel()).isEqualTo(Level.WARN);
    }

    @Test
    void aBareLevelSetsTheRootLogger() {
        LoggerContext context = new LoggerContext();

        LogLevels.apply(LogDirectives.parse(List.of("OFF")), context);

        assertThat(context.getLogger("anything").getEffectiveLevel()).isEqualTo(Level.OFF);
    }

    @Test
    void refusesAnotherBackendOnlyWhenThereIsSomethingToApply() {
        LogLevels.apply(LogDirectives.none(), new NOPLoggerFactory());

        assertThatThrownBy(() -> LogLevels.apply(LogDirectives.parse(List.of("info")), new NOPLoggerFactory()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("--log needs Logback");
    }

    @Test
    void targetsAreTheNodeAreaOfTheLogger() {
        assertThat(LogTargetConverter.target("io.zklayer.node.txpool.TransactionPool")).isEqualTo("txpool");
        assertThat(LogTargetConverter.target("io.zklayer.node.import")).isEqualTo("import");
        assertThat(LogTargetConverter.target("io.zklayer.node.NodeService")).isEqualTo("node");
        assertThat(LogTargetConverter.target("io.zklayer.consensus.BlockImporter")).isEqualTo("consensus");
        assertThat(LogTargetConverter.target("io.netty.channel.DefaultChannelPipeline")).isEqualTo("netty");
        assertThat(LogTargetConverter.target("org.rocksdb.RocksDB")).isEqualTo("rocksdb");
        assertThat(LogTargetConverter.target("main")).isEqualTo("main");
    }

    @Test
    void bundledConfigurationPrintsTheOperatorFormat() throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try (InputStream xml = LogLevelsTest.class.getResourceAsStream("/logback.xml")) {
            configurator.doConfigure(xml);
        }
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern(((ch.qos.logback.core.pattern.PatternLayoutEncoderBase<?>)
                ((ch.qos.logback.core.OutputStreamAppender<?>) context.getLogger("ROOT").getAppender("CONSOLE"))
                        .getEncoder()).getPattern());
        layout.start();
        LoggingEvent event = new LoggingEvent("fqcn", context.getLogger("io.zklayer.node.import.BlockImportQueue"),
                Level.INFO, "Imported #12 (0x3fa2…b0ee) with 1 extrinsics in 4 ms", null, null);
        event.setTimeStamp(java.time.LocalDateTime.of(2026, 11, 21, 22, 41, 7, 123_000_000)
                .atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli());

        assertThat(layout.doLayout(event))
                .isEqualTo("2026-11-21 22:41:07.123  INFO import  Imported #12 (0x3fa2…b0ee) with 1 extrinsics in 4 ms"
                        + System.lineSeparator());
        assertThat(context.getLogger("io.netty").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("ROOT").getLevel()).isEqualTo(Level.INFO);
    }
}
