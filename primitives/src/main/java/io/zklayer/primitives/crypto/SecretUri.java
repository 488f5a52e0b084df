package io.zklayer.primitives.crypto;

import io.zklayer.primitives.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A secret URI as Substrate's {@code SecretUri} reads it: {@code [phrase][path][///password]}.
 *
 * <ul>
 *   <li>{@code phrase}: a BIP-39 mnemonic, or {@code 0x} and 64 hex digits (a raw 32-byte seed); it
 *       ends at the first {@code /}. When absent, the dev phrase
 *       {@value DevAccounts#DEV_PHRASE} is meant, so {@code "//Alice"} is the dev account Alice.
 *   <li>{@code path}: junctions {@code //hard} or {@code /soft}, each a non-empty name without
 *       {@code /}.
 *   <li>{@code password}: everything after the first {@code ///}; it salts the mnemonic's
 *       mini-secret and, as in Substrate, is ignored for a raw seed.
 * </ul>
 *
 * <p>The grammar is that of {@code sp_core::crypto::AddressUri}: the phrase holds ASCII letters,
 * digits and spaces only, and the password anything but a line break.
 *
 * <p>{@code parse("bottom drive … walk//Alice//stash///pw")} has two hard junctions and password
 * {@code pw}. {@link #toString()} hides the phrase and the password.
 */
public final class SecretUri {
    private static final int MAX_URI_CHARS = 4096;

    private final String phrase;
    private final boolean phraseGiven;
    private final List<DeriveJunction> junctions;
    private final String password;

    private SecretUri(String phrase, boolean phraseGiven, List<DeriveJunction> junctions, String password) {
        this.phrase = phrase;
        this.phraseGiven = phraseGiven;
        this.junctions = List.copyOf(junctions);
        this.password = password;
    }

    /**
     * Returns the parts of a secret URI. Only the shape is checked here; the words, checksum and
     * seed length are checked when a key is made.
     *
     * @throws InvalidSecretException {@code BAD_FORMAT} naming the position of the first character
     *     that does not fit the shape
     */
    public static SecretUri parse(String uri) {
        if (uri == null || uri.length() > MAX_URI_CHARS) {
            throw new InvalidSecretException(InvalidSecretException.Reason.BAD_FORMAT,
                    "secret uri: " + (uri == null ? "null" : "longer than " + MAX_URI_CHARS + " characters"));
        }
        int pathStart = uri.indexOf('/');
        String phrasePart = pathStart < 0 ? uri : uri.substring(0, pathStart);
        for (int i = 0; i < phrasePart.length(); i++) {
            if (!isPhraseChar(phrasePart.charAt(i))) {
                throw new InvalidSecretException(InvalidSecretException.Reason.BAD_FORMAT,
                        "secret uri: character at position " + i
                                + " is not an ASCII letter, digit or space, which is all a phrase may hold");
            }
        }
        String rest = pathStart < 0 ? "" : uri.substring(pathStart);
        // A path element is '/' or '//' and a non-empty name without '/', so '///' can only begin the password.
        int passwordStart = rest.indexOf("///");
        String path = passwordStart < 0 ? rest : rest.substring(0, passwordStart);
        String password = passwordStart < 0 ? null : rest.substring(passwordStart + 3);
        if (password != null && password.indexOf('\n') >= 0) {
            throw new InvalidSecretException(InvalidSecretException.Reason.BAD_FORMAT,
                    "secret uri: the password may not contain a line break");
        }
        List<DeriveJunction> junctions = new ArrayList<>();
        int i = 0;
        while (i < path.length()) {
            int nameStart = path.startsWith("//", i) ? i + 2 : i + 1;
            int end = path.indexOf('/', nameStart);
            end = end < 0 ? path.length() : end;
            if (end == nameStart) {
                throw new InvalidSecretException(InvalidSecretException.Reason.BAD_FORMAT,
                        "secret uri: empty junction name at position " + (pathStart + nameStart));
            }
            junctions.add(DeriveJunction.parse(path.substring(i, end)));
            i = end;
        }
        boolean given = !phrasePart.isEmpty();
        return new SecretUri(given ? phrasePart : DevAccounts.DEV_PHRASE, given, junctions, password);
    }

    /** Returns the phrase or {@code 0x} seed text; the dev phrase when the URI had none. */
    public String phrase() {
        return phrase;
    }

    /** Returns whether the URI spelled out a phrase or seed (false means the dev phrase). */
    public boolean hasExplicitPhrase() {
        return phraseGiven;
    }

    /** Returns whether the phrase is a raw {@code 0x} seed rather than a mnemonic. */
    public boolean isRawSeed() {
        return phrase.startsWith("0x");
    }

    /** Returns the derivation path, in order. */
    public List<DeriveJunction> junctions() {
        return junctions;
    }

    /** Returns the password after {@code ///}, if any. */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /**
     * Returns the 32-byte root seed: the raw seed, or the mnemonic's mini-secret under the password.
     *
     * @throws InvalidSecretException {@code BAD_SEED} for a {@code 0x} seed that is not 64 hex digits,
     *     or the mnemonic's error
     */
    public byte[] rootSeed() {
        if (isRawSeed()) {
            String digits = phrase.substring(2);
            if (digits.length() != 2 * Ed25519KeyPair.SEED_LENGTH) {
                throw new InvalidSecretException(InvalidSecretException.Reason.BAD_SEED,
                        "secret uri: a 0x seed has 64 hex digits (32 bytes), this one has " + digits.length());
            }
            try {
                return Hex.decode(digits);
            } catch (IllegalArgumentException e) {
                throw new InvalidSecretException(InvalidSecretException.Reason.BAD_SEED,
                        "secret uri: seed " + e.getMessage().replace("hex: ", "") + " (of the digits after 0x)");
            }
        }
        return Bip39.miniSecret(phrase, password == null ? "" : password);
    }

    /**
     * Returns the ed25519 pair this URI names: the root pair of {@link #rootSeed()} derived through
     * {@link #junctions()}.
     *
     * @throws InvalidSecretException for a bad phrase or seed, or a soft junction in the path
     */
    public Ed25519KeyPair ed25519() {
        byte[] seed = rootSeed();
        try {
            return Ed25519KeyPair.fromSeed(seed).derive(junctions);
        } finally {
            java.util.Arrays.fill(seed, (byte) 0);
        }
    }

    /** Returns a description with the phrase and password hidden. */
    @Override
    public String toString() {
        return "SecretUri[phrase=" + (phraseGiven ? "<hidden>" : "<dev phrase>") + ", junctions=" + junctions.size()
                + ", password=" + (password == null ? "none" : "<hidden>") + "]";
    }

    // sp_core's AddressUri: a phrase is ASCII letters, digits and spaces.
    private static boolean isPhraseChar(char c) {
        return c == ' ' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
