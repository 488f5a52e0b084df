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
 * <p>A model directory is either one artifact ({@code manifest.json} inside) or a directory of
 * artifact directories ({@code models/digits/manifest.json}, {@code models/iris/manifest.json}). An
 * artifact that fails its checks is logged and left out; the others are served.
 */
public final class ModelShelf {
    private static final Logger LOG = LoggerFactory.getLogger(ModelShelf.class);

    private final Map<String, Shelved> byCommitment;
    private final ProvingKeyCache cache;

    private ModelShelf(Map<String, Shelved> byCommitment, ProvingKeyCache cache) {
        this.byCommitment = byCommitment;
        this.cache = cache;
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

        synchronized ModelProver prover(ProvingKeyCache cache, Progress progress) {
            if (prover == null) {
                prover = artifact.prover(cache, progress);
            }
            return prover;
        }
    }

    /** Returns a shelf of the given artifacts (in memory, for the dev preset and tests). */
    public static ModelShelf of(List<ModelArtifact> artifacts, ProvingKeyCache cache) {
        Map<String, Shelved> map = new TreeMap<>();
        for (ModelArtifact a : artifacts) {
            map.put(key(a.weightCommitment()), new Shelved(a));
        }
        return new ModelShelf(Collections.unmodifiableMap(map), cache);
    }

    /** Returns the artifacts found in {@code dir} (see the class comment). */
    public static ModelShelf load(Path dir, ProvingKeyCache cache) {
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
        return of(loaded, cache);
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

    /** Returns the prover of {@code s}, making it on first use (slow when a key must be regenerated). */
    public ModelProver prover(Shelved s, Progress progress) {
        return s.prover(cache, progress);
    }

    private static String key(Fr commitment) {
        return Hex.encode(commitment.toBytesBE());
    }
}
