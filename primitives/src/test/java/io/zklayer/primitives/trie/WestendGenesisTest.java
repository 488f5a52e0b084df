package io.zklayer.primitives.trie;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.codec.ScaleWriter;
import io.zklayer.primitives.hashing.Hashing;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real raw chain spec of Westend, layout V0: its {@code genesis.raw.top} gives the state root
 * whose genesis header hashes to Westend's known genesis hash.
 */
class WestendGenesisTest {
    private static final String GENESIS_HASH = "0xe143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e";

    @Test
    void westendRawSpecGivesTheKnownGenesisHash() {
        JsonNode expected = TrieVectors.json("westend-genesis-expected.json");
        JsonNode top = TrieVectors.json("westend-raw.json").get("genesis").get("raw").get("top");
        Trie trie = Trie.empty(TrieLayout.V0, new MemoryNodeStore());
        int count = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = top.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            trie.put(Hex.decode(e.getKey()), Hex.decode(e.getValue().asText()));
            count++;
        }
        assertThat(count).isEqualTo(93);
        byte[] stateRoot = trie.rootHash();
        assertThat(Hex.encode(stateRoot)).isEqualTo(expected.get("stateRoot").asText());

        byte[] header = new ScaleWriter()
                .raw(new byte[32])
                .compact(0)
                .raw(stateRoot)
                .raw(Trie.EMPTY_ROOT)
                .compact(0)
                .toByteArray();
        assertThat(header).hasSize(98);
        assertThat(Hex.encode(header)).isEqualTo(expected.get("headerScale").asText());
        assertThat(Hex.encode(Hashing.blake2b256(header))).isEqualTo(GENESIS_HASH);
    }

    @Test
    void westendStateUnderV1GivesADifferentRoot() {
        JsonNode expected = TrieVectors.json("westend-genesis-expected.json");
        JsonNode top = TrieVectors.json("westend-raw.json").get("genesis").get("raw").get("top");
        Trie trie = Trie.empty(TrieLayout.V1, new MemoryNodeStore());
        top.fields().forEachRemaining(e -> trie.put(Hex.decode(e.getKey()), Hex.decode(e.getValue().asText())));
        assertThat(Hex.encode(trie.rootHash())).isEqualTo(expected.get("stateRootV1_wrongForThisGenesis").asText());
    }
}
