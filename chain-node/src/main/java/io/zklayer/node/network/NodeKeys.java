package io.zklayer.node.network;

import io.zklayer.p2p.peer.HostKey;
import io.zklayer.primitives.Hex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;

/**
 * The node's libp2p identity key: given on the command line ({@code --node-key <64 hex digits>})
 * or kept in a file so that the peer id survives restarts, Substrate's
 * {@code <base>/chains/<id>/network/secret_ed25519} holding the 32-byte Ed25519 secret.
 *
 * <p>A missing file is created with a fresh random secret (owner read/write only). Reading accepts
 * the raw 32 bytes (what this node writes) or 64 hex digits, with or without {@code 0x}, as written
 * by older Substrate versions. The secret 31 zero bytes then {@code 01} gives peer id
 * {@code 12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp}.
 */
public final class NodeKeys {
    /** The key file's name inside the chain's {@code network} directory. */
    public static final String FILE_NAME = "secret_ed25519";
    private static final int SECRET_BYTES = 32;

    private NodeKeys() {}

    /**
     * Returns the key of a hex secret as {@code --node-key} takes it.
     *
     * @throws IllegalArgumentException unless it is 64 hex digits (an optional {@code 0x} allowed)
     */
    public static HostKey fromHex(String hex) {
        String h = hex.trim();
        String digits = h.startsWith("0x") || h.startsWith("0X") ? h.substring(2) : h;
        if (digits.length() != 2 * SECRET_BYTES || !digits.matches("[0-9a-fA-F]+")) {
            throw new IllegalArgumentException("node key must be 64 hex digits (a 32-byte Ed25519 secret), got "
                    + digits.length() + " characters");
        }
        return HostKey.fromSecret(Hex.decode("0x" + digits));
    }

    /**
     * Reads the key in {@code file}, creating the file (and its directories) with a fresh secret
     * from {@code random} when it does not exist.
     *
     * @throws IllegalArgumentException naming the file when its content is not a key
     * @throws UncheckedIOException when the file cannot be read or written
     */
    public static HostKey loadOrCreate(Path file, Random random) {
        try {
            if (!Files.exists(file)) {
                write(file, random, false);
            }
            byte[] content = Files.readAllBytes(file);
            if (content.length == SECRET_BYTES) {
                return HostKey.fromSecret(content);
            }
            String text = new String(content, StandardCharsets.US_ASCII).trim();
            try {
                return fromHex(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("node key file " + file + " holds " + content.length
                        + " bytes: expected a 32-byte Ed25519 secret or 64 hex digits", e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("node key file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a fresh key from {@code random} (a {@link java.security.SecureRandom} outside tests) to
     * {@code file} and returns it; {@code key generate-node-key --file} uses it.
     *
     * @throws IllegalStateException naming the file when it already exists (a key is never overwritten)
     * @throws UncheckedIOException when the file cannot be written
     */
    public static HostKey create(Path file, Random random) {
        if (Files.exists(file)) {
            throw new IllegalStateException("node key file " + file + " already exists; it is never overwritten");
        }
        try {
            write(file, random, true);
            return HostKey.fromSecret(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("node key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, Random random, boolean failIfRaced) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        Path tmp = Files.createTempFile(dir, "." + FILE_NAME, ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions: the directory's protection applies
            }
            Files.write(tmp, secret);
            try {
                Files.move(tmp, file); // a rename that refuses an existing target
            } catch (FileAlreadyExistsException raced) {
                if (failIfRaced) {
                    throw new IllegalStateException("node key file " + file + " was created meanwhile; not overwritten");
                }
                // another process created it first; its key wins
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
