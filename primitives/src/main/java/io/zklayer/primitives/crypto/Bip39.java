package io.zklayer.primitives.crypto;

import io.zklayer.primitives.hashing.Hashing;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * BIP-39 mnemonics (English wordlist) and the mini-secret Substrate derives from them.
 *
 * <p>A phrase of 12, 15, 18, 21 or 24 words carries 11 bits per word: the entropy (16…32 bytes)
 * followed by a checksum of entropy-bits / 32 bits, the first bits of sha256(entropy).
 * {@code "abandon abandon … abandon about"} (11 × abandon) is entropy {@code 0x00…00} (16 bytes).
 *
 * <p>Substrate does <em>not</em> use the BIP-39 seed (PBKDF2 over the phrase text). Like
 * {@code substrate-bip39} it runs PBKDF2-HMAC-SHA512 over the <em>entropy bytes</em>, salt
 * {@code "mnemonic" + password} (UTF-8, not normalized), 2048 rounds, 64 bytes out, and keeps the
 * first 32 bytes as the mini-secret, which is the ed25519 seed of the phrase's root key. The dev
 * phrase {@code "bottom drive obey lake curtain smoke basket hold race lonely fit walk"} gives
 * mini-secret {@code 0xfac7959d…7797479e}.
 */
public final class Bip39 {
    /** PBKDF2 rounds of the mini-secret, as in BIP-39 and substrate-bip39. */
    public static final int PBKDF2_ROUNDS = 2048;
    /** Length of the mini-secret (an ed25519 seed). */
    public static final int MINI_SECRET_LENGTH = 32;

    private static final String WORDLIST_RESOURCE = "bip39-english.txt";
    private static final int WORDLIST_SIZE = 2048;
    // 24 words of at most 8 letters and their spaces, with generous room for extra whitespace.
    private static final int MAX_PHRASE_CHARS = 1024;

    private Bip39() {}

    /** Returns the 2048 words of the BIP-39 English wordlist, in order (index = 11-bit value). */
    public static List<String> englishWords() {
        return Wordlist.WORDS;
    }

    /**
     * Returns the entropy a phrase carries, after checking its word count, words and checksum.
     * Words are separated by any whitespace; the phrase is NFKD-normalized first, as the Rust
     * {@code bip39} crate does.
     *
     * @throws InvalidSecretException {@code BAD_WORD_COUNT}, {@code UNKNOWN_WORD} (naming the word and
     *     its 1-based position) or {@code BAD_CHECKSUM}
     */
    public static byte[] entropy(String phrase) {
        if (phrase == null || phrase.length() > MAX_PHRASE_CHARS) {
            throw new InvalidSecretException(InvalidSecretException.Reason.BAD_WORD_COUNT,
                    "bip39: phrase is " + (phrase == null ? "null" : "longer than " + MAX_PHRASE_CHARS + " characters"));
        }
        String normalized = Normalizer.normalize(phrase, Normalizer.Form.NFKD).strip();
        String[] words = normalized.isEmpty() ? new String[0] : normalized.split("\\s+");
        int count = words.length;
        if (count < 12 || count > 24 || count % 3 != 0) {
            throw new InvalidSecretException(InvalidSecretException.Reason.BAD_WORD_COUNT,
                    "bip39: a phrase has 12, 15, 18, 21 or 24 words, this one has " + count);
        }
        int totalBits = count * 11;
        int checksumBits = count / 3;
        byte[] bits = new byte[(totalBits + 7) / 8];
        for (int w = 0; w < count; w++) {
            int index = Collections.binarySearch(Wordlist.WORDS, words[w]);
            if (index < 0) {
                throw new InvalidSecretException(InvalidSecretException.Reason.UNKNOWN_WORD, "bip39: word "
                        + (w + 1) + " '" + words[w] + "' is not in the BIP-39 English wordlist (lower-case words only)");
            }
            for (int b = 0; b < 11; b++) {
                if ((index & (1 << (10 - b))) != 0) {
                    int bit = w * 11 + b;
                    bits[bit / 8] |= (byte) (0x80 >>> (bit % 8));
                }
            }
        }
        int entropyLength = (totalBits - checksumBits) / 8;
        byte[] entropy = Arrays.copyOf(bits, entropyLength);
        int expected = (Hashing.sha256(entropy)[0] & 0xff) >>> (8 - checksumBits);
        int actual = 0;
        for (int b = 0; b < checksumBits; b++) {
            int bit = entropyLength * 8 + b;
            actual = (actual << 1) | ((bits[bit / 8] >>> (7 - bit % 8)) & 1);
        }
        if (actual != expected) {
            throw new InvalidSecretException(InvalidSecretException.Reason.BAD_CHECKSUM,
                    "bip39: checksum of the " + count + "-word phrase does not match its entropy"
                            + " (a word is wrong or out of order)");
        }
        return entropy;
    }

    /**
     * Returns the phrase that carries {@code entropy} (16, 20, 24, 28 or 32 bytes give 12…24 words).
     * The caller supplies the randomness, for example from {@link java.security.SecureRandom}.
     *
     * @throws InvalidSecretException {@code BAD_ENTROPY_LENGTH} for any other length
     */
    public static String phrase(byte[] entropy) {
        checkEntropy(entropy);
        int entropyBits = entropy.length * 8;
        int checksumBits = entropyBits / 32;
        int count = (entropyBits + checksumBits) / 11;
        byte[] bits = Arrays.copyOf(entropy, entropy.length + 1);
        bits[entropy.length] = Hashing.sha256(entropy)[0];
        StringBuilder out = new StringBuilder(count * 9);
        for (int w = 0; w < count; w++) {
            int index = 0;
            for (int b = 0; b < 11; b++) {
                int bit = w * 11 + b;
                index = (index << 1) | ((bits[bit / 8] >>> (7 - bit % 8)) & 1);
            }
            if (w > 0) {
                out.append(' ');
            }
            out.append(Wordlist.WORDS.get(index));
        }
        return out.toString();
    }

    /**
     * Returns the 32-byte mini-secret of a phrase and password ({@code ""} for none), as
     * Substrate's {@code Pair::from_phrase} computes it.
     *
     * @throws InvalidSecretException if the phrase is not a valid English BIP-39 mnemonic
     */
    public static byte[] miniSecret(String phrase, String password) {
        return miniSecretFromEntropy(entropy(phrase), password);
    }

    /**
     * Returns the 32-byte mini-secret of BIP-39 entropy and a password: the first 32 bytes of
     * PBKDF2-HMAC-SHA512(entropy, "mnemonic" + password, 2048 rounds).
     *
     * @throws InvalidSecretException {@code BAD_ENTROPY_LENGTH} unless the entropy is 16…32 bytes in steps of 4
     */
    public static byte[] miniSecretFromEntropy(byte[] entropy, String password) {
        checkEntropy(entropy);
        byte[] salt = ("mnemonic" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8);
        PKCS5S2ParametersGenerator pbkdf2 = new PKCS5S2ParametersGenerator(new SHA512Digest());
        pbkdf2.init(entropy, salt, PBKDF2_ROUNDS);
        byte[] seed = ((KeyParameter) pbkdf2.generateDerivedParameters(64 * 8)).getKey();
        byte[] mini = Arrays.copyOf(seed, MINI_SECRET_LENGTH);
        Arrays.fill(seed, (byte) 0);
        return mini;
    }

    private static void checkEntropy(byte[] entropy) {
        if (entropy == null || entropy.length < 16 || entropy.length > 32 || entropy.length % 4 != 0) {
            throw new InvalidSecretException(InvalidSecretException.Reason.BAD_ENTROPY_LENGTH,
                    "bip39: entropy must be 16, 20, 24, 28 or 32 bytes, got "
                            + (entropy == null ? "null" : entropy.length));
        }
    }

    /** Loads the wordlist once, on first use, and checks it is the sorted 2048-word list. */
    private static final class Wordlist {
        static final List<String> WORDS = load();

        private static List<String> load() {
            List<String> words = new ArrayList<>(WORDLIST_SIZE);
            try (InputStream in = Bip39.class.getResourceAsStream(WORDLIST_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("bip39: resource " + WORDLIST_RESOURCE + " missing from the class path");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isEmpty()) {
                        words.add(line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("bip39: cannot read " + WORDLIST_RESOURCE, e);
            }
            if (words.size() != WORDLIST_SIZE) {
                throw new IllegalStateException("bip39: wordlist has " + words.size() + " words, expected 2048");
            }
            for (int i = 1; i < words.size(); i++) {
                if (words.get(i - 1).compareTo(words.get(i)) >= 0) {
                    throw new IllegalStateException("bip39: wordlist not sorted at line " + (i + 1));
                }
            }
            return List.copyOf(words);
        }
    }
}
