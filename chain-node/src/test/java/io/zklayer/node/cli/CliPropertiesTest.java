package io.zklayer.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.primitives.crypto.Bip39;
import io.zklayer.primitives.crypto.Ed25519KeyPair;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class CliPropertiesTest {
    @Property(tries = 200, seed = "9944")
    void statePruningReadsBackWhatItPrints(@ForAll @IntRange(min = 1, max = Integer.MAX_VALUE) int blocks) {
        StatePruning pruning = StatePruning.parse(Integer.toString(blocks));

        assertThat(pruning.keepBlocks()).hasValue(blocks);
        assertThat(StatePruning.parse(pruning.toString())).isEqualTo(pruning);
    }

    @Property(tries = 200, seed = "30333")
    void logDirectivesReadBackWhatTheyPrint(@ForAll("directives") List<LogDirectives.Directive> list) {
        LogDirectives directives = new LogDirectives(list);
        String text = String.join(",", list.stream().map(LogDirectives.Directive::toString).toList());

        assertThat(LogDirectives.parse(List.of(text))).isEqualTo(directives);
    }

    @Provide
    Arbitrary<List<LogDirectives.Directive>> directives() {
        Arbitrary<Optional<String>> targets = Arbitraries.oneOf(
                Arbitraries.just(Optional.empty()),
                Arbitraries.of("txpool", "rpc", "sync", "import", "io.netty", "org.rocksdb.RocksDB").map(Optional::of));
        return net.jqwik.api.Combinators.combine(targets, Arbitraries.of(LogDirectives.Level.class))
                .as(LogDirectives.Directive::new)
                .list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 20, seed = "42")
    void inspectingAGeneratedPhraseGivesTheGeneratedAccount(@ForAll @IntRange(min = 0, max = 4) int size,
                                                            @ForAll long seed) {
        int words = 12 + 3 * size;
        CliHarness generate = new CliHarness(Path.of("/nonexistent"), "", cfg -> 0, seed);
        assertThat(generate.run("key", "generate", "--words", Integer.toString(words))).isZero();
        String phrase = generate.out().lines().findFirst().orElseThrow().substring("Secret phrase:".length()).strip();
        assertThat(phrase.split(" ")).hasSize(words);
        assertThat(Bip39.entropy(phrase)).hasSize(words * 4 / 3);

        String uri = phrase + "//" + Long.toUnsignedString(seed).toLowerCase(Locale.ROOT);
        CliHarness inspect = new CliHarness(Path.of("/nonexistent"), "", cfg -> 0);
        assertThat(inspect.run("key", "inspect", uri)).isZero();

        assertThat(inspect.out()).contains("  Public key (hex):  " + Ed25519KeyPair.fromSecretUri(uri).publicKey() + "\n");
    }
}
