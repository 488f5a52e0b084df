package io.zklayer.node.cli;

import io.zklayer.sdk.data.Dataset;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The data-set options of {@code model train} and {@code model evaluate}: a CSV file (optionally
 * gzipped) of features then an integer label per line, how decimal features become the model's
 * integer inputs ({@code --feature-scale 10}: 5.1 → 51), and whether the first line is a header
 * ({@code auto}: it is when one of its fields is not a number, as in iris's {@code 150,4,setosa,…}).
 */
final class CsvDataOptions {
    /** Largest data file read, in bytes. */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    @Option(names = "--data", required = true, paramLabel = "<csv>",
            description = "CSV data set: features then an integer class label per line (.csv or .csv.gz).")
    Path data;

    @Option(names = "--feature-scale", paramLabel = "<n>", defaultValue = "1",
            description = "Multiply features by n and round to integers (inputs are int8: -128…127). Default: ${DEFAULT-VALUE}.")
    int featureScale;

    @Option(names = "--header", paramLabel = "<auto|yes|no>", defaultValue = "auto",
            description = "Whether the first line is a header. auto: when a field of it is not a number. Default: ${DEFAULT-VALUE}.")
    String header;

    /** Reads the data set; a bad option is a usage error, a bad file a failure naming line and column. */
    Dataset read(CommandSpec spec) {
        TxCommands.checked(spec, () -> InvalidConfigException.checkRange("--feature-scale", featureScale, 1, 1_000_000, ""));
        String mode = header.toLowerCase(Locale.ROOT);
        if (!mode.equals("auto") && !mode.equals("yes") && !mode.equals("no")) {
            throw new ParameterException(spec.commandLine(), "--header must be auto, yes or no, got '" + header + "'");
        }
        byte[] bytes;
        try {
            if (Files.size(data) > MAX_BYTES) {
                throw new ParameterException(spec.commandLine(), "--data " + data + " is larger than " + MAX_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(data);
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "--data " + data + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("--data " + data + ": cannot read: " + e.getMessage(), e);
        }
        boolean hasHeader = mode.equals("yes") || (mode.equals("auto") && firstLineIsHeader(bytes));
        try {
            return Dataset.readCsv(new ByteArrayInputStream(bytes), hasHeader, featureScale);
        } catch (IOException e) {
            throw new UncheckedIOException("--data " + data + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(data + ": " + e.getMessage()
                    + (featureScale == 1 && e.getMessage().contains("is not an integer") ? " (decimal features need --feature-scale)" : ""), e);
        }
    }

    /** Returns the integer input range of a data set, failing when it leaves int8. */
    static int[] inputRange(Dataset d, int featureScale) {
        int min = d.minFeature();
        int max = d.maxFeature();
        if (min < -128 || max > 127) {
            throw new InvalidConfigException("features span " + min + "…" + max + " after --feature-scale " + featureScale
                    + ", outside the int8 inputs -128…127: use a smaller --feature-scale");
        }
        return new int[] {min, max == min ? min + 1 : max};
    }

    static boolean firstLineIsHeader(byte[] bytes) {
        try (InputStream raw = new ByteArrayInputStream(bytes);
             InputStream in = bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b ? new GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = r.readLine();
            if (line == null) {
                return false;
            }
            for (String field : line.split(",")) {
                try {
                    new BigDecimal(field.trim());
                } catch (NumberFormatException e) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
