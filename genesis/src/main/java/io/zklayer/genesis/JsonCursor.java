package io.zklayer.genesis;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON value with the path that leads to it from the document root, for strict reading with
 * errors that name the place: {@code properties.ss58Format}, {@code bootNodes[1]},
 * {@code genesis.raw.top["0x3a636f6465"]}. The root's path is {@code $}.
 */
final class JsonCursor {
    private static final int MAX_KEY_IN_PATH = 80;

    private final JsonNode node;
    private final String path;

    JsonCursor(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    static JsonCursor root(JsonNode node) {
        return new JsonCursor(node, "$");
    }

    String path() {
        return path;
    }

    JsonNode node() {
        return node;
    }

    boolean isNull() {
        return node == null || node.isNull();
    }

    ChainSpecException error(String reason) {
        return new ChainSpecException(path, reason);
    }

    /** Checks that this is an object with only {@code allowed} fields and every {@code required} one. */
    JsonCursor object(Set<String> allowed, Set<String> required) {
        if (!node.isObject()) {
            throw error("expected an object, got " + kind(node));
        }
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            String name = member.getKey();
            if (!allowed.contains(name)) {
                throw child(name).error("unknown field '" + name + "' (allowed here: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
        for (String name : required.stream().sorted().toList()) {
            if (!node.has(name)) {
                throw child(name).error("missing required field '" + name + "'");
            }
        }
        return this;
    }

    /** Returns the field {@code name}, which must be present (checked by {@link #object}). */
    JsonCursor field(String name) {
        return child(name);
    }

    /** Returns the field {@code name}, or empty when it is absent or {@code null}. */
    Optional<JsonCursor> optionalField(String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(child(name));
    }

    /** Returns the elements of this array, each with its indexed path. */
    List<JsonCursor> array() {
        if (!node.isArray()) {
            throw error("expected an array, got " + kind(node));
        }
        List<JsonCursor> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(new JsonCursor(node.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    /** Returns the elements of this array, which must have exactly {@code n}. */
    List<JsonCursor> tuple(int n, String what) {
        List<JsonCursor> out = array();
        if (out.size() != n) {
            throw error("expected " + what + " (an array of " + n + " elements), got " + out.size() + " elements");
        }
        return out;
    }

    /** Returns the members of this object in document order, each with its path. */
    List<Map.Entry<String, JsonCursor>> members() {
        if (!node.isObject()) {
            throw error("expected an object, got " + kind(node));
        }
        List<Map.Entry<String, JsonCursor>> out = new ArrayList<>(node.size());
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String shown = e.getKey().length() > MAX_KEY_IN_PATH ? e.getKey().substring(0, MAX_KEY_IN_PATH) + "…" : e.getKey();
            out.add(Map.entry(e.getKey(), new JsonCursor(e.getValue(), path + "[\"" + shown + "\"]")));
        }
        return out;
    }

    String text() {
        if (!node.isTextual()) {
            throw error("expected a string, got " + kind(node));
        }
        return node.textValue();
    }

    long longIn(long min, long max) {
        if (!node.isIntegralNumber()) {
            throw error("expected an integer, got " + kind(node));
        }
        if (!node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
            throw error(node.asText() + " is outside " + min + "…" + max);
        }
        return node.longValue();
    }

    int intIn(int min, int max) {
        return (int) longIn(min, max);
    }

    private JsonCursor child(String name) {
        return new JsonCursor(node.get(name), "$".equals(path) ? name : path + "." + name);
    }

    static String kind(JsonNode n) {
        if (n == null || n.isNull()) {
            return "null";
        }
        if (n.isIntegralNumber()) {
            return "integer " + n.asText();
        }
        if (n.isNumber()) {
            return "non-integer number " + n.asText();
        }
        return switch (n.getNodeType()) {
            case STRING -> "a string";
            case BOOLEAN -> "boolean " + n.asText();
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
