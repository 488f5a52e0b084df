package io.zklayer.node.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.storage.KeyValueBatch;
import io.zklayer.primitives.storage.KeyValueStore;
import io.zklayer.primitives.storage.MemoryKeyValueStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** RocksDB and the in-memory twin behave the same: batches, last write wins, unsigned prefix scans. */
class KeyValueStoreContractTest {
    @TempDir
    static Path dir;

    static Stream<Function<String, KeyValueStore>> stores() {
        return Stream.of(
                name -> new MemoryKeyValueStore(),
                name -> RocksKeyValueStore.open(dir.resolve(name), List.of(Column.values()), false));
    }

    private static int counter;

    private static KeyValueStore fresh(Function<String, KeyValueStore> f) {
        return f.apply("db" + (counter++));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void batchAppliesInOrderAndLastWriteWins(Function<String, KeyValueStore> factory) {
        try (KeyValueStore kv = fresh(factory)) {
            kv.write(new KeyValueBatch()
                    .put(Column.HEADERS, Hex.decode("0x01"), Hex.decode("0xaa"))
                    .put(Column.HEADERS, Hex.decode("0x01"), Hex.decode("0xbb"))
                    .put(Column.BODIES, Hex.decode("0x01"), Hex.decode("0xcc"))
                    .put(Column.HEADERS, Hex.decode("0x02"), Hex.decode("0xdd"))
                    .delete(Column.HEADERS, Hex.decode("0x02")));
            assertThat(kv.get(Column.HEADERS, Hex.decode("0x01"))).isEqualTo(Hex.decode("0xbb"));
            assertThat(kv.get(Column.BODIES, Hex.decode("0x01"))).isEqualTo(Hex.decode("0xcc"));
            assertThat(kv.get(Column.HEADERS, Hex.decode("0x02"))).isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void scanVisitsPrefixInUnsignedOrderAndStopsOnRequest(Function<String, KeyValueStore> factory) {
        try (KeyValueStore kv = fresh(factory)) {
            KeyValueBatch b = new KeyValueBatch();
            for (String k : new String[] {"0x10ff", "0x1001", "0x1080", "0x10", "0x11", "0x0f", "0x107f"}) {
                b.put(Column.META, Hex.decode(k), new byte[] {1});
            }
            kv.write(b);
            List<String> seen = new ArrayList<>();
            kv.scan(Column.META, Hex.decode("0x10"), (k, v) -> seen.add(Hex.encode(k)));
            assertThat(seen).containsExactly("0x10", "0x1001", "0x107f", "0x1080", "0x10ff");
            List<String> firstTwo = new ArrayList<>();
            kv.scan(Column.META, Hex.decode("0x10"), (k, v) -> {
                firstTwo.add(Hex.encode(k));
                return firstTwo.size() < 2;
            });
            assertThat(firstTwo).containsExactly("0x10", "0x1001");
        }
    }
}
