package io.zklayer.primitives.crypto;

import io.zklayer.primitives.codec.ScaleWriter;
import io.zklayer.primitives.hashing.Hashing;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One step of a derivation path: hard ({@code //name}) or soft ({@code /name}), with the 32-byte
 * chain code Substrate's {@code DeriveJunction} computes for it.
 *
 * <p>The chain code is the SCALE encoding of the junction's id, zero-padded to 32 bytes, or its
 * blake2b-256 hash when the encoding is longer than 32 bytes. In a path, an id that parses as a u64
 * (Rust's {@code str::parse::<u64>}: decimal digits, an optional leading {@code +}) is a number
 * encoded as 8 little-endian bytes; any other id is text encoded as compact length ‖ UTF-8.
 * {@code parse("//5")} → chain code {@code 0x0500000000000000 00…00};
 * {@code parse("//Alice")} → {@code 0x14 416c696365 00…00}.
 */
public final class DeriveJunction {
    /** Length of a chain code. */
    public static final int CHAIN_CODE_LENGTH = 32;

    private static final Pattern U64_TEXT = Pattern.compile("\\+?[0-9]+");

    private final boolean hard;
    private final byte[] chainCode;
    private final String label;

    private DeriveJunction(boolean hard, byte[] encodedId, String label) {
        this.hard = hard;
        this.chainCode = encodedId.length > CHAIN_CODE_LENGTH
                ? Hashing.blake2b256(encodedId)
                : Arrays.copyOf(encodedId, CHAIN_CODE_LENGTH);
        this.label = label;
    }

    /**
     * Returns the junction written in a path, {@code "//name"} (hard) or {@code "/name"} (soft);
     * a name that is a u64 is a number, any other name is text.
     *
     * @throws InvalidSecretException {@code BAD_FORMAT} if the text does not start with one or two
     *     slashes followed by a non-empty name without slashes
     */
    public static DeriveJunction parse(String element) {
        boolean hard = element != null && element.startsWith("//");
        int start = hard ? 2 : 1;
        if (element == null || !element.startsWith("/") || element.length() == start
                || element.indexOf('/', start) >= 0) {
            throw new InvalidSecretException(InvalidSecretException.Reason.BAD_FORMAT,
                    "derivation: junction must be /name or //name with a non-empty name without '/', got '"
                            + element + "'");
        }
        String name = element.substring(start);
        byte[] id = parseU64(name)
                .map(n -> new ScaleWriter(8).u64(n).toByteArray())
                .orElseGet(() -> new ScaleWriter(name.length() + 4).string(name).toByteArray());
        return new DeriveJunction(hard, id, element);
    }

    /** Returns the hard junction of text {@code name}, encoded as a SCALE string even if it is digits. */
    public static DeriveJunction hard(String name) {
        return new DeriveJunction(true, new ScaleWriter(name.length() + 4).string(name).toByteArray(), "//" + name);
    }

    /** Returns the hard junction of a u64 index (given as the 64 bits of a {@code long}). */
    public static DeriveJunction hard(long index) {
        return new DeriveJunction(true, new ScaleWriter(8).u64(index).toByteArray(), "//" + Long.toUnsignedString(index));
    }

    /** Returns the soft junction of text {@code name}, encoded as a SCALE string even if it is digits. */
    public static DeriveJunction soft(String name) {
        return new DeriveJunction(false, new ScaleWriter(name.length() + 4).string(name).toByteArray(), "/" + name);
    }

    /** Returns whether this is a hard junction ({@code //}). */
    public boolean isHard() {
        return hard;
    }

    /** Returns a copy of the 32-byte chain code. */
    public byte[] chainCode() {
        return chainCode.clone();
    }

    byte[] rawChainCode() {
        return chainCode;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeriveJunction other && hard == other.hard && Arrays.equals(chainCode, other.chainCode);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(chainCode) * 2 + (hard ? 1 : 0);
    }

    /** Returns the junction as written in a path: {@code //Alice}, {@code /foo}, {@code //5}. */
    @Override
    public String toString() {
        return label;
    }

    // Rust's u64 parsing: ASCII digits only (Java would also take other scripts' digits), an
    // optional '+', and no overflow past 2^64 - 1.
    private static Optional<Long> parseU64(String name) {
        if (!U64_TEXT.matcher(name).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseUnsignedLong(name));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
