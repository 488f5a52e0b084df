package io.zklayer.sdk.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.sdk.DigitsModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DatasetTest {
    static Dataset csv(String text, boolean header) throws IOException {
        return Dataset.readCsv(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), header);
    }

    @Test
    void readsTheGzippedDigitsFile() {
        Dataset d = DigitsModel.dataset();
        assertThat(d.size()).isEqualTo(1797);
        assertThat(d.width()).isEqualTo(64);
        assertThat(d.classes()).isEqualTo(10);
        assertThat(d.features()[0]).startsWith(0, 0, 5, 13, 9, 1, 0, 0);
        assertThat(d.labels()[0]).isZero();
    }

    @Test
    void readsHeaderCsvAndNamesMalformedCells() throws IOException {
        Dataset d = csv("3,2,a,b\n1,2,0\n3,4,1\n", true);
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.classes()).isEqualTo(2);
        assertThatThrownBy(() -> csv("1,2,0\n1,x,1\n", false)).hasMessage("csv line 2 column 2: 'x' is not a number");
        assertThatThrownBy(() -> csv("1,2,0\n1,2.5,1\n", false)).hasMessage("csv line 2 column 2: 2.5 is not an integer");
        assertThatThrownBy(() -> csv("1,2,0\n1,1\n", false)).hasMessage("csv line 2: 2 columns, expected 3");
        assertThatThrownBy(() -> csv("1,2,-1\n", false)).hasMessage("csv line 1: label -1 is negative");
    }

    @Test
    void scaledDecimalFeaturesRoundToTheNearestIntegerTiesToEven() throws IOException {
        Dataset d = Dataset.readCsv(new ByteArrayInputStream("150,4,setosa\n5.1,0.25,0.35,-0.05,2\n".getBytes(StandardCharsets.UTF_8)),
                true, 10);
        assertThat(d.features()[0]).containsExactly(51, 2, 4, 0);
        assertThat(d.labels()).containsExactly(2);
        assertThat(d.minFeature()).isZero();
        assertThat(d.maxFeature()).isEqualTo(51);
        assertThatThrownBy(() -> Dataset.readCsv(new ByteArrayInputStream("1e999999999,0\n".getBytes(StandardCharsets.UTF_8)), false, 10))
                .hasMessage("csv line 1 column 1: 1e999999999 × 10 does not fit an int");
        assertThatThrownBy(() -> Dataset.readCsv(new ByteArrayInputStream("1,0\n".getBytes(StandardCharsets.UTF_8)), false, 0))
                .hasMessageContaining("feature scale must be in 1..1000000");
    }

    @Test
    void splitIsSeededDisjointAndComplete() {
        Dataset d = DigitsModel.dataset();
        Dataset.Split a = d.split(5, 0.2);
        Dataset.Split b = d.split(5, 0.2);
        assertThat(a.test().size()).isEqualTo(359);
        assertThat(a.train().size()).isEqualTo(1797 - 359);
        assertThat(a.test().labels()).isEqualTo(b.test().labels());
        assertThat(d.split(6, 0.2).test().labels()).isNotEqualTo(a.test().labels());
        java.util.Set<int[]> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        seen.addAll(java.util.List.of(a.train().features()));
        for (int[] row : a.test().features()) {
            assertThat(seen.add(row)).isTrue();
        }
        assertThat(seen).hasSize(1797);
    }
}
