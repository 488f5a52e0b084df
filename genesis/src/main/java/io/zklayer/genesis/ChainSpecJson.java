package io.zklayer.genesis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes chain specs as JSON in Substrate's layout ({@code build-spec} output).
 *
 * <p><b>Reading</b> is strict. The document may be at most {@value #MAX_BYTES} bytes (64 MiB),
 * checked before parsing; duplicate object keys, trailing content and nesting deeper than
 * {@value #MAX_DEPTH} are rejected. Every field is checked: unknown fields, wrong types, a bad
 * SS58 address (or one whose prefix differs from {@code properties.ss58Format}), a zero, negative
 * or over-u128 amount, an account endowed twice, an empty or repeating validator set, a raw key or
 * value that is not {@code 0x}-hex, non-empty {@code codeSubstitutes} or {@code childrenDefault}.
 * Each is a {@link ChainSpecException} whose message starts with the JSON path:
 * {@code genesis.runtimeGenesis.config.balances.balances[2][0]: bad SS58 checksum (…)}. Optional
 * fields as Substrate has them: {@code chainType} (default Live), {@code telemetryEndpoints},
 * {@code protocolId}, {@code forkId}, {@code codeSubstitutes}, {@code badBlocks}, and
 * {@code forkBlocks} / {@code consensusEngine} when {@code null}.
 *
 * <p><b>Writing</b> is stable: fields in a fixed order, raw keys in ascending order, two-space
 * indentation with {@code "key": value} like serde_json, a final newline; amounts as numbers up to
 * 2^53 − 1 and decimal strings above ({@link Amounts}); addresses in the spec's SS58 format.
 */
public final class ChainSpecJson {
    /** The largest chain spec accepted: 64 MiB. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;
    /** The deepest nesting accepted (a spec needs 7). */
    public static final int MAX_DEPTH = 32;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength(MAX_BYTES)
                            .maxNestingDepth(MAX_DEPTH)
                            .maxNumberLength(100)
                            .build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"));

    private ChainSpecJson() {}

    /**
     * Returns the spec in {@code json}.
     *
     * @throws ChainSpecException naming the JSON path of the first problem ({@code $} for the whole document)
     */
    public static ChainSpec read(byte[] json) {
        return read(json, MAX_BYTES);
    }

    /** Returns the spec in {@code json}, which may be at most {@code maxBytes} long (tests use small limits). */
    static ChainSpec read(byte[] json, int maxBytes) {
        if (json.length > maxBytes) {
            throw new ChainSpecException("$", "the document is " + json.length + " bytes, more than the limit of "
                    + maxBytes + " bytes");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ChainSpecException(pathOf(e), "not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new ChainSpecException("$", "the document is empty");
        }
        return new ChainSpecReader().read(JsonCursor.root(tree));
    }

    /** Returns the spec in the JSON text {@code json}; see {@link #read(byte[])}. */
    public static ChainSpec read(String json) {
        if (json.length() > MAX_BYTES) {
            throw new ChainSpecException("$", "the document is " + json.length()
                    + " characters, more than the limit of " + MAX_BYTES + " bytes");
        }
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns the spec in the file {@code path}, reading at most {@value #MAX_BYTES} + 1 bytes.
     *
     * @throws UncheckedIOException when the file cannot be read
     */
    public static ChainSpec read(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("chain spec " + path + ": " + e.getMessage(), e);
        }
    }

    /** Returns the spec read from {@code in} (not closed), reading at most {@value #MAX_BYTES} + 1 bytes. */
    public static ChainSpec read(InputStream in) throws IOException {
        return read(in, MAX_BYTES);
    }

    /** Reads at most {@code maxBytes} + 1 bytes from {@code in}; more is rejected without parsing. */
    static ChainSpec read(InputStream in, int maxBytes) throws IOException {
        byte[] bytes = in.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw new ChainSpecException("$", "the document is more than the limit of " + maxBytes + " bytes");
        }
        return read(bytes, maxBytes);
    }

    /**
     * Returns the spec as pretty-printed JSON, ending with a newline. With {@code raw} a human spec
     * is first turned into its raw form for the ZKLayer runtime ({@link ChainSpec#toRaw()}); without
     * it the spec is written in the form it has (a raw spec has no human form to go back to).
     */
    public static String write(ChainSpec spec, boolean raw) {
        ChainSpec toWrite = raw ? spec.toRaw() : spec;
        try {
            return MAPPER.writer(PRETTY).writeValueAsString(ChainSpecWriter.toTree(toWrite)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chain spec: a JSON tree failed to serialize", e);
        }
    }

    private static String pathOf(JsonProcessingException e) {
        if (e.getProcessor() instanceof JsonParser p && p.getParsingContext() != null) {
            String pointer = p.getParsingContext().pathAsPointer().toString();
            if (!pointer.isEmpty()) {
                return pointerToPath(pointer);
            }
        }
        return "$";
    }

    /** Turns a JSON pointer {@code /genesis/raw/top/0x01} into the dotted path {@code genesis.raw.top.0x01}. */
    static String pointerToPath(String pointer) {
        StringBuilder out = new StringBuilder();
        for (String part : pointer.substring(1).split("/", -1)) {
            String token = part.replace("~1", "/").replace("~0", "~");
            if (!token.isEmpty() && token.chars().allMatch(Character::isDigit)) {
                out.append('[').append(token).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(token);
            }
        }
        return out.length() == 0 ? "$" : out.toString();
    }
}
