package io.zklayer.node.worker;

import io.zklayer.primitives.Hex;
import io.zklayer.sdk.Progress;
import io.zklayer.sdk.keys.ProvingKeyCache;
import io.zklayer.sdk.pack.ArtifactManifest;
import io.zklayer.sdk.pack.ModelArtifact;
import io.zklayer.sdk.pack.ModelProver;
import io.zklayer.zk.field.Fr;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model artifacts a pool worker serves, indexed by their Poseidon weight commitment (the value the
 * registry holds), with a prover per artifact made on first use: its proving key comes from the
 * artifact, the {@link ProvingKeyCache}, or a dev-setup regeneration (see
 * {@link ModelArtifact#prover}).
 *
 * <p>A worker proves many runs with one key, so the shelf prepares each key when it makes the prover
 * ({@link ModelProver#prepared()}: a fixed-base table of the key's H points, 1,620 bytes per domain
 * point — 53 MB for digits' 2^15 — built once in 1.7 s, for proofs about 6 % faster for digits and
 * byte-for-byte the same), as long as all tables together stay within the shelf's budget of heap bytes (by default a
 * quarter of the JVM's maximum heap: 128 MB under {@code -Xmx512m}); a key that would pass it, every key
 * with a budget of 0 ({@code --pool-worker-prepare-keys=false}), and a key whose table finds no room in
 * the heap are proven from plainly.
 *
 * <p>A model directory is either one artifact ({@code manifest.json} inside) or a directory of
 * artifact directories ({@code models/digits/manifest.json}, {@code models/iris/manifest.json}). An
 * artifact that fails its checks is logged and left out; the others are served.
 */
public final class ModelShelf {
    private static final Logger LOG = LoggerFactory.getLogger(ModelShelf.class);
    private static final long MB = 1_000_000;

    private final Map<String, Shelved> byCommitment;
    private final ProvingKeyCache cache;
    private final long preparedKeyBudget;
    /** Heap bytes of the tables of the keys prepared so far; guarded by {@code this}. */
    private long preparedKeyBytes;

    private ModelShelf(Map<String, Shelved> byCommitment, ProvingKeyCache cache, long preparedKeyBudget) {
        if (preparedKeyBudget < 0) {
            throw new IllegalArgumentException("model shelf: the prepared-key budget must be 0 (off) or positive, got " + preparedKeyBudget);
        }
        this.byCommitment = byCommitment;
        this.cache = cache;
        this.preparedKeyBudget = preparedKeyBudget;
    }

    /** An artifact and its prover, made on first use. */
    public static final class Shelved {
        private final ModelArtifact artifact;
        private ModelProver prover;

        Shelved(ModelArtifact artifact) {
            this.artifact = artifact;
        }

        /** Returns the artifact. */
        public ModelArtifact artifact() {
            return artifact;
        }

        /** Returns whether the prover is made and proves from a prepared key. */
        public synchronized boolean isPrepared() {
            return prover != null && prover.isPrepared();
        }
    }

    /**
     * Returns the default prepared-key budget: a quarter of the JVM's maximum heap, so that the tables
     * leave room for the node and for proving (a digits proof from a prepared key runs in a 160 MB heap).
     */
    public static long defaultPreparedKeyBudget() {
        return Runtime.getRuntime().maxMemory() / 4;
    }

    /** Returns a shelf of the given artifacts (in memory, for the dev preset and tests) preparing keys within the default budget. */
    public static ModelShelf of(List<ModelArtifact> artifacts, ProvingKeyCache cache) {
        return of(artifacts, cache, defaultPreparedKeyBudget());
    }

    /**
     * Returns a shelf of the given artifacts that prepares proving keys while their tables fit in
     * {@code preparedKeyBudget} bytes in total (0: never).
     */
    public static ModelShelf of(List<ModelArtifact> artifacts, ProvingKeyCache cache, long preparedKeyBudget) {
        Map<String, Shelved> map = new TreeMap<>();
        for (ModelArtifact a : artifacts) {
            map.put(key(a.weightCommitment()), new Shelved(a));
        }
        return new ModelShelf(Collections.unmodifiableMap(map), cache, preparedKeyBudget);
    }

    /** Returns the artifacts found in {@code dir} (see the class comment), preparing keys within the default budget. */
    public static ModelShelf load(Path dir, ProvingKeyCache cache) {
        return load(dir, cache, defaultPreparedKeyBudget());
    }

    /** Returns the artifacts found in {@code dir} (see the class comment), preparing keys within {@code preparedKeyBudget} bytes. */
    public static ModelShelf load(Path dir, ProvingKeyCache cache, long preparedKeyBudget) {
        List<Path> candidates = new ArrayList<>();
        if (Files.isRegularFile(dir.resolve(ArtifactManifest.FILE_NAME))) {
            candidates.add(dir);
        } else {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> Files.isRegularFile(p.resolve(ArtifactManifest.FILE_NAME))).sorted().forEach(candidates::add);
            } catch (IOException e) {
                throw new UncheckedIOException("model directory " + dir + ": cannot list: " + e.getMessage(), e);
            }
        }
        List<ModelArtifact> loaded = new ArrayList<>();
        for (Path p : candidates) {
            try {
                ModelArtifact a = ModelArtifact.load(p);
                loaded.add(a);
                LOG.info("Model artifact {} from {}: weight commitment {}", a.name(), p, Hex.shortForm(a.weightCommitment().toBytesBE()));
            } catch (RuntimeException e) {
                LOG.error("Skipping model artifact {}: {}", p, e.getMessage());
            }
        }
        if (loaded.isEmpty()) {
            LOG.warn("No model artifacts in {}: the pool worker cannot serve any workload", dir);
        }
        return of(loaded, cache, preparedKeyBudget);
    }

    /** Returns the artifact whose weights have commitment {@code weightCommitment}. */
    public Optional<Shelved> byCommitment(Fr weightCommitment) {
        return Optional.ofNullable(byCommitment.get(key(weightCommitment)));
    }

    /** Returns every artifact, ordered by commitment. */
    public List<Shelved> all() {
        return List.copyOf(byCommitment.values());
    }

    /**
     * Makes every artifact's prover now (a dev artifact's first run regenerates its proving key), logging
     * progress; an artifact that cannot prove is logged and stays unusable.
     */
    public void prepareAll(Progress progress) {
        for (Shelved s : all()) {
            try {
                long t0 = System.nanoTime();
                prover(s, progress);
                LOG.info("Pool worker: model {} ready to prove ({})", s.artifact().name(), Progress.seconds(System.nanoTime() - t0));
            } catch (RuntimeException e) {
                LOG.error("Pool worker: model {} cannot prove: {}", s.artifact().name(), e.getMessage());
            }
        }
    }

    /**
     * Returns the prover of {@code s}, making it on first use (slow when a key must be regenerated) and
     * preparing its key if the budget allows, reported as e.g. {@code "digits: proving key prepared in
     * 0.8 s (53 MB of tables)"}.
     */
    public ModelProver prover(Shelved s, Progress progress) {
        synchronized (s) {
            if (s.prover == null) {
                s.prover = prepareIfRoom(s.artifact.name(), s.artifact.prover(cache, progress), progress);
            }
            return s.prover;
        }
    }

    private synchronized ModelProver prepareIfRoom(String name, ModelProver plain, Progress progress) {
        long bytes = plain.preparedKeyBytes();
        if (preparedKeyBudget == 0) {
            progress.report(name + ": proving from the plain key (key preparation is off)");
            return plain;
        }
        if (bytes > preparedKeyBudget - preparedKeyBytes) {
            progress.report(String.format(Locale.ROOT, "%s: proving from the plain key: its tables would take %d MB, more than the"
                    + " %d MB left of the %d MB budget for prepared keys", name, bytes / MB, (preparedKeyBudget - preparedKeyBytes) / MB,
                    preparedKeyBudget / MB));
            return plain;
        }
        long t0 = System.nanoTime();
        ModelProver prepared;
        try {
            prepared = plain.prepared();
        } catch (OutOfMemoryError e) {
            // the table is one large allocation: when it fails the heap is as before, and the plain key still proves
            progress.report(String.format(Locale.ROOT, "%s: proving from the plain key: the heap has no room for its %d MB of tables",
                    name, bytes / MB));
            return plain;
        }
        preparedKeyBytes += bytes;
        progress.report(String.format(Locale.ROOT, "%s: proving key prepared in %s (%d MB of tables)", name,
                Progress.seconds(System.nanoTime() - t0), bytes / MB));
        return prepared;
    }

    private static String key(Fr commitment) {
        return Hex.encode(commitment.toBytesBE());
    }
}
