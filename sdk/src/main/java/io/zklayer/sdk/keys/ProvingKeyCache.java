package io.zklayer.sdk.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A directory of proving keys ({@code .zkey}) that can be regenerated but are too large and too slow to
 * make on every start: the digits model's is 20 MB and takes about 20 s. Keys are filed under
 * {@code <circuit hash>-<setup id>.zkey}, e.g. {@code 7d0c…e41a-dev-5a4b4c5f44455631.zkey}, so a
 * changed circuit or setup never picks up a stale key; callers still check a loaded key against the
 * verifying key they trust. Files are written to a temporary name and moved into place, so a crash
 * never leaves a truncated key under the final name.
 */
public final class ProvingKeyCache {
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}-[a-z0-9-]{1,64}");
    private final Path dir;

    /** Returns the cache in {@code dir} (created when the first key is stored). */
    public ProvingKeyCache(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    /** Returns the cache directory. */
    public Path dir() {
        return dir;
    }

    /** Returns the path of the key for {@code circuitHashHex} (64 hex digits) and {@code setupId}. */
    public Path path(String circuitHashHex, String setupId) {
        String key = circuitHashHex + "-" + setupId;
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("key cache: bad key name \"" + key + "\"");
        }
        return dir.resolve(key + ".zkey");
    }

    /** Returns the cached bytes, if present. */
    public Optional<byte[]> load(String circuitHashHex, String setupId) {
        Path p = path(circuitHashHex, setupId);
        try {
            return Files.isRegularFile(p) ? Optional.of(Files.readAllBytes(p)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("key cache: cannot read " + p, e);
        }
    }

    /** Stores {@code zkey} and returns its path. */
    public Path store(String circuitHashHex, String setupId, byte[] zkey) {
        Path p = path(circuitHashHex, setupId);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".partial-", ".zkey");
            Files.write(tmp, zkey);
            try {
                Files.move(tmp, p, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING);
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("key cache: cannot write " + p, e);
        }
    }

    /** Removes the key, if present (used when a cached key turns out not to match). */
    public void evict(String circuitHashHex, String setupId) {
        try {
            Files.deleteIfExists(path(circuitHashHex, setupId));
        } catch (IOException e) {
            throw new UncheckedIOException("key cache: cannot delete " + path(circuitHashHex, setupId), e);
        }
    }
}
