package io.zklayer.node.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * Pretty JSON for the terminal, laid out as {@code jq} and {@code subkey} print it: two-space
 * indent, one array element per line, {@code "key": value}.
 *
 * <pre>
 * [
 *   "0x3fa2",
 *   {
 *     "a": 1
 *   }
 * ]
 * </pre>
 */
final class JsonOutput {
    private static final ObjectWriter WRITER = new ObjectMapper().writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
            .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n")));

    private JsonOutput() {}

    /** Returns {@code node} as pretty JSON without a trailing line break. */
    static String pretty(JsonNode node) {
        try {
            return WRITER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("json: cannot write a tree that was just built", e);
        }
    }
}
