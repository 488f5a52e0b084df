package io.zklayer.node.worker;

import io.zklayer.node.service.Node;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.crypto.Ed25519KeyPair;
import io.zklayer.sdk.DigitsModel;
import io.zklayer.sdk.Progress;
import io.zklayer.sdk.keys.ProvingKeyCache;
import io.zklayer.sdk.pack.ArtifactManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the pool worker of a running node ({@code --pool-worker}; on by default with {@code --dev}):
 * the model directory ({@code --model-dir}, else {@code <base>/chains/<id>/models}), with the shipped
 * digits artifact added on dev chains, a proving-key cache, the node's key, and the in-process chain
 * view.
 *
 * <p>Proving keys regenerated from a dev setup are cached in {@code <base>/proving-keys}; a node with a
 * temporary base path ({@code --tmp}, {@code --dev}) caches them in {@code $XDG_CACHE_HOME/zklayer/proving-keys}
 * (else {@code ~/.cache/zklayer/proving-keys}) instead, so that restarting a dev chain does not redo the
 * 20-second digits setup.
 */
public final class PoolWorkerLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(PoolWorkerLauncher.class);

    private PoolWorkerLauncher() {}

    /**
     * Returns the model shelf with every prover made: call it before the node starts, so that the node
     * joins block production only when it can prove its assignments in time (the first run of a dev
     * artifact regenerates its proving key, about 20 s for digits).
     *
     * @param modelDir the model directory (created if missing)
     * @param keyCache the proving-key cache directory
     * @param addDigits whether to add the shipped digits artifact when the directory lacks it (dev chains)
     */
    public static ModelShelf prepare(Path modelDir, Path keyCache, boolean addDigits) {
        return prepare(modelDir, keyCache, addDigits, true);
    }

    /**
     * Returns the model shelf with every prover made, as {@link #prepare(Path, Path, boolean)}, and with
     * their proving keys prepared for repeated proofs ({@link ModelShelf}: within a quarter of the heap)
     * unless {@code prepareKeys} is false ({@code --pool-worker-prepare-keys=false}).
     */
    public static ModelShelf prepare(Path modelDir, Path keyCache, boolean addDigits, boolean prepareKeys) {
        try {
            Files.createDirectories(modelDir);
        } catch (IOException e) {
            throw new UncheckedIOException("pool worker: cannot create the model directory " + modelDir + ": " + e.getMessage(), e);
        }
        if (addDigits) {
            addDigits(modelDir);
        }
        long budget = prepareKeys ? ModelShelf.defaultPreparedKeyBudget() : 0;
        ModelShelf shelf = ModelShelf.load(modelDir, new ProvingKeyCache(keyCache), budget);
        LOG.info("Pool worker: models from {}, proving keys cached in {}, {}", modelDir, keyCache,
                prepareKeys ? "keys prepared for repeated proofs within " + budget / 1_000_000 + " MB" : "keys not prepared");
        shelf.prepareAll(line -> LOG.info("Pool worker: {}", line));
        return shelf;
    }

    /** Returns the started worker of {@code node} over a prepared {@code shelf}, proving as {@code key}. */
    public static PoolWorker start(Node node, Ed25519KeyPair key, ModelShelf shelf) {
        WorkerChain chain = new NodeWorkerChain(node);
        PoolWorker worker = new PoolWorker(chain, node.runtime().eventLayout(), new StorageModelRegistry(chain), shelf, key,
                new SecureRandom());
        worker.start();
        return worker;
    }

    /** Returns the started worker: {@link #prepare} then {@link #start(Node, Ed25519KeyPair, ModelShelf)}. */
    public static PoolWorker start(Node node, Ed25519KeyPair key, Path modelDir, Path keyCache, boolean addDigits) {
        return start(node, key, prepare(modelDir, keyCache, addDigits));
    }

    /** Returns the proving-key cache for a base path: inside it, or in the user's cache directory for a temporary one. */
    public static Path keyCache(Path base, boolean temporaryBase, Map<String, String> env, String userHome) {
        if (!temporaryBase) {
            return base.resolve("proving-keys");
        }
        String xdg = env.get("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(userHome, ".cache");
        return cache.resolve("zklayer").resolve("proving-keys");
    }

    private static void addDigits(Path modelDir) {
        String want = Hex.shortForm(DigitsModel.weightCommitment().toBytesBE());
        Path dir = modelDir.resolve("digits");
        if (Files.isRegularFile(dir.resolve(ArtifactManifest.FILE_NAME))) {
            return;
        }
        DigitsModel.writeArtifact(dir, Progress.none());
        LOG.info("Pool worker: wrote the shipped digits artifact to {} (weight commitment {})", dir, want);
    }
}
