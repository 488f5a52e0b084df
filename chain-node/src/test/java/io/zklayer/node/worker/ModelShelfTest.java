package io.zklayer.node.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.primitives.model.InputSpec;
import io.zklayer.primitives.model.ModelTestData;
import io.zklayer.primitives.model.OutputSpec;
import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.sdk.Progress;
import io.zklayer.sdk.keys.KeySetup;
import io.zklayer.sdk.keys.ProvingKeyCache;
import io.zklayer.sdk.pack.ModelArtifact;
import io.zklayer.sdk.pack.ModelPackager;
import io.zklayer.sdk.pack.ModelProver;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shelf prepares proving keys while their tables fit its budget; two small artifacts (two key setups) for the class. */
class ModelShelfTest {
    private static final byte[] INPUT = {3, 0, 16, 9};
    @TempDir
    static Path dir;
    private static ModelArtifact one;
    private static ModelArtifact two;
    /** The table bytes of one small key (both models have the same circuit shape, so the same domain). */
    private static long tableBytes;

    @BeforeAll
    static void packageModels() {
        one = ModelPackager.write(model(51), "one", dir.resolve("one"), KeySetup.dev(), Optional.empty(), Progress.none());
        two = ModelPackager.write(model(52), "two", dir.resolve("two"), KeySetup.dev(), Optional.empty(), Progress.none());
        tableBytes = one.prover(cache(), Progress.none()).preparedKeyBytes();
        assertThat(two.prover(cache(), Progress.none()).preparedKeyBytes()).isEqualTo(tableBytes);
    }

    private static QuantizedModel model(long seed) {
        return new QuantizedModel(new InputSpec(List.of(4), 0, 16), List.of(new ModelTestData(seed).dense(4, 3, true)), new OutputSpec.ArgMax());
    }

    private static ProvingKeyCache cache() {
        return new ProvingKeyCache(dir.resolve("unused-cache"));
    }

    @Test
    void withinTheBudgetTheProverProvesFromAPreparedKeyAndReportsIt() {
        ModelShelf shelf = ModelShelf.of(List.of(one), cache(), tableBytes);
        ModelShelf.Shelved s = shelf.all().get(0);
        assertThat(s.isPrepared()).as("nothing is made before first use").isFalse();
        List<String> lines = new CopyOnWriteArrayList<>();
        ModelProver prover = shelf.prover(s, lines::add);
        assertThat(prover.isPrepared()).isTrue();
        assertThat(s.isPrepared()).isTrue();
        assertThat(lines).anyMatch(l -> l.matches("one: proving key prepared in \\d+\\.\\d s \\(\\d+ MB of tables\\)"));
        assertThat(shelf.prover(s, Progress.none())).as("made once").isSameAs(prover);
        var run = prover.prove(INPUT, new SecureRandom());
        assertThat(prover.verify(INPUT, run.output(), run.proof()).isValid()).isTrue();
    }

    @Test
    void aKeyWhoseTablesPassTheBudgetLeftIsProvenFromPlainly() {
        ModelShelf shelf = ModelShelf.of(List.of(one, two), cache(), tableBytes + tableBytes / 2);
        List<String> lines = new CopyOnWriteArrayList<>();
        ModelShelf.Shelved first = shelf.all().get(0);
        ModelShelf.Shelved second = shelf.all().get(1);
        assertThat(shelf.prover(first, lines::add).isPrepared()).isTrue();
        assertThat(shelf.prover(second, lines::add).isPrepared()).isFalse();
        assertThat(second.isPrepared()).isFalse();
        assertThat(lines).anyMatch(l -> l.startsWith(second.artifact().name() + ": proving from the plain key: its tables would take ")
                && l.contains("MB left of the"));
    }

    @Test
    void aBudgetOfZeroTurnsPreparationOff() {
        ModelShelf shelf = ModelShelf.of(List.of(one, two), cache(), 0);
        List<String> lines = new CopyOnWriteArrayList<>();
        shelf.prepareAll(lines::add);
        assertThat(shelf.all()).noneMatch(ModelShelf.Shelved::isPrepared);
        assertThat(lines).contains("one: proving from the plain key (key preparation is off)",
                "two: proving from the plain key (key preparation is off)");
    }

    @Test
    void theDefaultBudgetIsAQuarterOfTheMaximumHeapAndPreparesSmallKeys() {
        assertThat(ModelShelf.defaultPreparedKeyBudget()).isEqualTo(Runtime.getRuntime().maxMemory() / 4);
        ModelShelf shelf = ModelShelf.of(List.of(one), cache());
        shelf.prepareAll(Progress.none());
        assertThat(shelf.all().get(0).isPrepared()).isTrue();
    }

    @Test
    void aNegativeBudgetIsRefusedNamingTheRule() {
        assertThatThrownBy(() -> ModelShelf.of(List.of(one), cache(), -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prepared-key budget must be 0 (off) or positive");
    }
}
