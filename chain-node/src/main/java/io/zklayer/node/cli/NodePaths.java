package io.zklayer.node.cli;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The on-disk layout of a node, one directory per chain under the base path:
 *
 * <pre>
 * &lt;base&gt;/chains/&lt;chain id&gt;/db        RocksDB: blocks, state, metadata ({@code purge-chain} deletes it)
 * &lt;base&gt;/chains/&lt;chain id&gt;/keystore  authoring keys, one file per key
 * &lt;base&gt;/chains/&lt;chain id&gt;/network   the libp2p node key (the peer id survives restarts)
 * </pre>
 *
 * <p>This is Substrate's layout, so {@code --base-path /srv/node --chain local} keeps its database
 * in {@code /srv/node/chains/local_testnet/db}. The default base path is
 * {@code $XDG_DATA_HOME/zklayer}, else {@code ~/.local/share/zklayer}.
 */
public final class NodePaths {
    private static final Pattern CHAIN_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Path base;
    private final String chainId;

    private NodePaths(Path base, String chainId) {
        this.base = base;
        this.chainId = chainId;
    }

    /**
     * Returns the layout of chain {@code chainId} under {@code base}; nothing is created.
     *
     * @throws IllegalArgumentException if the chain id is not 1…64 letters, digits, {@code _} or
     *     {@code -} (it becomes a directory name, so {@code ../x} must never get through)
     */
    public static NodePaths of(Path base, String chainId) {
        Objects.requireNonNull(base, "base");
        if (chainId == null || !CHAIN_ID.matcher(chainId).matches()) {
            throw new IllegalArgumentException("node paths: chain id '" + chainId
                    + "' must be 1…64 letters, digits, '_' or '-'");
        }
        return new NodePaths(base.toAbsolutePath().normalize(), chainId);
    }

    /** Returns the layout for a configuration's chain under {@code base} (its base path, or a temporary one). */
    public static NodePaths of(Path base, ChainSelection chain) {
        return of(base, chain.id());
    }

    /**
     * Returns a fresh, empty temporary base path for {@code --tmp}; the node deletes it on exit with
     * {@link #deleteTree(Path)}.
     */
    public static Path createTemporary() throws IOException {
        return Files.createTempDirectory("zklayer-");
    }

    /** Returns the default base path: {@code $XDG_DATA_HOME/zklayer}, else {@code <home>/.local/share/zklayer}. */
    public static Path defaultBasePath(Map<String, String> env, String userHome) {
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "zklayer");
        }
        return Path.of(userHome, ".local", "share", "zklayer");
    }

    /** Returns the base path. */
    public Path base() {
        return base;
    }

    /** Returns the chain id. */
    public String chainId() {
        return chainId;
    }

    /** Returns {@code <base>/chains/<chain id>}. */
    public Path chainDir() {
        return base.resolve("chains").resolve(chainId);
    }

    /** Returns {@code <base>/chains/<chain id>/db}, the database directory. */
    public Path database() {
        return chainDir().resolve("db");
    }

    /** Returns {@code <base>/chains/<chain id>/keystore}. */
    public Path keystore() {
        return chainDir().resolve("keystore");
    }

    /** Returns {@code <base>/chains/<chain id>/network}, where the node key lives. */
    public Path network() {
        return chainDir().resolve("network");
    }

    /**
     * Deletes {@code root} and everything under it, without following symbolic links (a link is
     * removed, not its target). Does nothing when {@code root} does not exist.
     */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public String toString() {
        return chainDir().toString();
    }
}
