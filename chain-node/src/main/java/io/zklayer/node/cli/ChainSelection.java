package io.zklayer.node.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The chain a node runs, as {@code --chain} names it: a built-in preset ({@code dev}, {@code local})
 * or a chain spec JSON file, together with the chain's id, which names its data directory
 * ({@code <base>/chains/<id>}).
 *
 * <p>Preset ids follow Substrate's templates: {@code --chain dev} has id {@code dev},
 * {@code --chain local} has id {@code local_testnet}. For a file, the id is the top-level
 * {@code "id"} field of the spec, read with a streaming parser so that a large raw genesis is not
 * loaded: {@code {"name":"Local Testnet","id":"local_testnet",...}} → {@code local_testnet}.
 *
 * @param preset the preset name when {@code --chain} named one
 * @param specFile the chain spec file otherwise
 * @param id the chain id: letters, digits, {@code _} and {@code -}, at most 64 characters
 */
public record ChainSelection(Optional<String> preset, Optional<Path> specFile, String id) {
    /** The development chain preset: one validator (Alice), instant blocks, prefunded dev accounts. */
    public static final String DEV = "dev";
    /** The local testnet preset: Alice and Bob as validators on loopback. */
    public static final String LOCAL = "local";
    /** The preset names {@code --chain} accepts. */
    public static final List<String> PRESETS = List.of(DEV, LOCAL);

    private static final Pattern CHAIN_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final JsonFactory JSON = new JsonFactory();

    /** Checks that exactly one of preset and file is given and that the id can name a directory. */
    public ChainSelection {
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(specFile, "specFile");
        Objects.requireNonNull(id, "id");
        if (preset.isPresent() == specFile.isPresent()) {
            throw new IllegalArgumentException("chain: exactly one of a preset and a spec file, got " + preset + " and " + specFile);
        }
        preset.ifPresent(p -> {
            if (!PRESETS.contains(p)) {
                throw new InvalidConfigException("--chain: unknown preset '" + p + "' (presets: " + String.join(", ", PRESETS) + ")");
            }
        });
        checkId(id, specFile.map(Path::toString).orElse(preset.orElse("")));
    }

    /** Returns the built-in preset {@code name}, with its Substrate-style id. */
    public static ChainSelection preset(String name) {
        return new ChainSelection(Optional.of(name), Optional.empty(), presetId(name));
    }

    /**
     * Returns the selection {@code --chain argument} means: a preset name, or else the path of an
     * existing chain spec file whose top-level {@code "id"} is read.
     *
     * @throws InvalidConfigException naming the argument when it is neither a preset nor a readable
     *     chain spec with an id
     */
    public static ChainSelection resolve(String argument) {
        if (argument == null || argument.isBlank()) {
            throw new InvalidConfigException("--chain must name a preset (" + String.join(", ", PRESETS)
                    + ") or a chain spec file, got an empty value");
        }
        if (PRESETS.contains(argument)) {
            return preset(argument);
        }
        Path file = Path.of(argument);
        if (!Files.isRegularFile(file)) {
            throw new InvalidConfigException("--chain: '" + argument + "' is neither a preset ("
                    + String.join(", ", PRESETS) + ") nor an existing chain spec file");
        }
        return new ChainSelection(Optional.empty(), Optional.of(file.toAbsolutePath().normalize()), readId(file));
    }

    /** Returns whether this is a built-in preset. */
    public boolean isPreset() {
        return preset.isPresent();
    }

    /** Returns the preset name or the spec file path, as the operator gave it. */
    public String describe() {
        return preset.orElseGet(() -> specFile.orElseThrow().toString());
    }

    private static String presetId(String name) {
        return LOCAL.equals(name) ? "local_testnet" : name;
    }

    private static void checkId(String id, String source) {
        if (!CHAIN_ID.matcher(id).matches()) {
            throw new InvalidConfigException("--chain " + source + ": chain id '" + id + "' must be 1…64 letters, digits, '_'"
                    + " or '-' (it names the directory <base-path>/chains/<id>)");
        }
    }

    // Reads the top-level "id" string without building the whole tree (raw genesis can be megabytes).
    private static String readId(Path file) {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = JSON.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidConfigException("--chain " + file + ": a chain spec is a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("id".equals(field)) {
                    if (value != JsonToken.VALUE_STRING) {
                        throw new InvalidConfigException("--chain " + file + ": \"id\" must be a string");
                    }
                    return parser.getText();
                }
                parser.skipChildren();
            }
            throw new InvalidConfigException("--chain " + file + ": the chain spec has no top-level \"id\"");
        } catch (JsonProcessingException e) {
            throw new InvalidConfigException("--chain " + file + ": not valid JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidConfigException("--chain " + file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
