package io.zklayer.primitives.crypto;

import io.zklayer.primitives.codec.ScaleWriter;
import io.zklayer.primitives.hashing.Hashing;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An ed25519 key pair made from a 32-byte seed (the RFC 8032 private key), with Substrate's hard
 * derivation.
 *
 * <p>{@code fromSecretUri("//Alice")} gives public key {@code 0x88dc3417…b0ee}; its signature of
 * {@code "hello"} is {@code 0x0a29d0da…ba26f3b08}. Hard derivation follows
 * {@code sp_core::ed25519::Pair::derive}: for each junction, new seed =
 * blake2b-256(SCALE("Ed25519HDKD", seed, chainCode)) = blake2b-256({@code 0x2c}‖"Ed25519HDKD"‖seed‖chainCode).
 * Soft junctions have no meaning for ed25519 and are refused.
 *
 * <p>{@link #toString()} shows only the public key; the seed leaves the object only through
 * {@link #seed()}, for keystores.
 */
public final class Ed25519KeyPair {
    /** Length of a seed. */
    public static final int SEED_LENGTH = 32;

    private static final String HDKD_CONTEXT = "Ed25519HDKD";

    private final byte[] seed;
    private final Ed25519PublicKey publicKey;
    private final byte[] publicBytes;

    private Ed25519KeyPair(byte[] seed) {
        this.seed = seed;
        byte[] pk = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(seed, 0, pk, 0);
        this.publicBytes = pk;
        this.publicKey = Ed25519PublicKey.of(pk);
    }

    /**
     * Returns the pair of a 32-byte seed.
     *
     * @throws IllegalArgumentException if the seed is not 32 bytes
     */
    public static Ed25519KeyPair fromSeed(byte[] seed) {
        if (seed == null || seed.length != SEED_LENGTH) {
            throw new IllegalArgumentException("ed25519 seed must be " + SEED_LENGTH + " bytes, got "
                    + (seed == null ? "null" : seed.length));
        }
        return new Ed25519KeyPair(seed.clone());
    }

    /**
     * Returns the root pair of a BIP-39 phrase and password ({@code ""} for none): its seed is the
     * Substrate mini-secret of the phrase.
     *
     * @throws InvalidSecretException if the phrase is not a valid English mnemonic
     */
    public static Ed25519KeyPair fromPhrase(String phrase, String password) {
        return new Ed25519KeyPair(Bip39.miniSecret(phrase, password));
    }

    /**
     * Returns the pair a secret URI names, as {@code sp_core::Pair::from_string} does:
     * {@code "//Alice"}, {@code "<phrase>//stash///password"}, {@code "0x<64 hex digits>//1"}.
     *
     * @throws InvalidSecretException if the URI is malformed, the phrase or seed invalid, or the path
     *     has a soft junction
     */
    public static Ed25519KeyPair fromSecretUri(String uri) {
        return SecretUri.parse(uri).ed25519();
    }

    /**
     * Returns the pair reached from this one through {@code junctions}, in order.
     *
     * @throws InvalidSecretException {@code SOFT_JUNCTION} naming the first soft junction
     */
    public Ed25519KeyPair derive(List<DeriveJunction> junctions) {
        byte[] current = seed.clone();
        for (DeriveJunction junction : junctions) {
            if (!junction.isHard()) {
                Arrays.fill(current, (byte) 0);
                throw new InvalidSecretException(InvalidSecretException.Reason.SOFT_JUNCTION,
                        "ed25519: soft junction '" + junction + "' in the path; ed25519 derives hard junctions"
                                + " (//name) only");
            }
            byte[] next = deriveHardSeed(current, junction.rawChainCode());
            Arrays.fill(current, (byte) 0);
            current = next;
        }
        return new Ed25519KeyPair(current);
    }

    /** Returns the pair reached through {@code junctions}, in order. */
    public Ed25519KeyPair derive(DeriveJunction... junctions) {
        return derive(List.of(junctions));
    }

    /** Returns the public key. */
    public Ed25519PublicKey publicKey() {
        return publicKey;
    }

    /** Returns a copy of the 32-byte seed: secret material, for keystores only. */
    public byte[] seed() {
        return seed.clone();
    }

    /** Returns the deterministic RFC 8032 signature of {@code message}. */
    public Ed25519Signature sign(byte[] message) {
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, publicBytes, 0, message, 0, message.length, signature, 0);
        return Ed25519Signature.wrap(signature);
    }

    /** Returns whether {@code signature} is this pair's valid signature of {@code message}. */
    public boolean verify(byte[] message, Ed25519Signature signature) {
        return publicKey.verify(message, signature);
    }

    /** Returns {@code Ed25519KeyPair[public=0x…]}; never the seed. */
    @Override
    public String toString() {
        return "Ed25519KeyPair[public=" + publicKey + "]";
    }

    /** Returns blake2b-256(SCALE(("Ed25519HDKD", seed, chainCode))): the seed one hard junction down. */
    static byte[] deriveHardSeed(byte[] seed, byte[] chainCode) {
        byte[] input = new ScaleWriter(1 + HDKD_CONTEXT.length() + SEED_LENGTH + DeriveJunction.CHAIN_CODE_LENGTH)
                .string(HDKD_CONTEXT)
                .raw(seed)
                .raw(chainCode)
                .toByteArray();
        byte[] out = Hashing.blake2b256(input);
        Arrays.fill(input, (byte) 0);
        return out;
    }
}
