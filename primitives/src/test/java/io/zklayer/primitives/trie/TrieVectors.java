package io.zklayer.primitives.trie;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zklayer.primitives.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Loads the copied trie vectors from the test resources. */
final class TrieVectors {
    private TrieVectors() {}

    /** One vector of {@code trie_roots.json}. */
    record Case(String name, TrieLayout layout, byte[] root, byte[] rootNode, List<TrieEntry> entries) {
        @Override
        public String toString() {
            return name + " " + layout;
        }
    }

    static JsonNode json(String file) {
        try (InputStream in = TrieVectors.class.getResourceAsStream("/vectors/trie/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource vectors/trie/" + file);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Case> rootCases() {
        List<Case> out = new ArrayList<>();
        for (JsonNode v : json("trie_roots.json")) {
            List<TrieEntry> entries = new ArrayList<>();
            for (JsonNode e : v.get("entries")) {
                entries.add(new TrieEntry(Hex.decode(e.get(0).asText()), Hex.decode(e.get(1).asText())));
            }
            byte[] rootNode = v.has("rootNode") ? Hex.decode(v.get("rootNode").asText()) : null;
            out.add(new Case(v.get("name").asText(), TrieLayout.valueOf(v.get("layout").asText()),
                    Hex.decode(v.get("root").asText()), rootNode, entries));
        }
        return out;
    }
}
