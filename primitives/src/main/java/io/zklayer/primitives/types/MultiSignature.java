package io.zklayer.primitives.types;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleDecodeException;
import java.util.Arrays;

/**
 * A signature tagged with its scheme, as Substrate's {@code sp_runtime::MultiSignature}:
 * {@code Ed25519 = 0} and {@code Sr25519 = 1} with 64 bytes, {@code Ecdsa = 2} with 65 bytes
 * (r ‖ s ‖ recovery id). An ed25519 signature encodes to {@code 0x00} then its 64 bytes.
 *
 * @param scheme which signature scheme
 * @param bytes the signature, 64 or 65 bytes as the scheme requires
 */
public record MultiSignature(Scheme scheme, byte[] bytes) {

    /** SCALE codec of a signature. */
    public static final ScaleCodec<MultiSignature> CODEC = ScaleCodecs.of("MultiSignature", 65,
            (w, s) -> {
                w.rawByte(s.scheme.index);
                w.raw(s.bytes);
            },
            r -> {
                int start = r.position();
                int index = r.rawByte("MultiSignature");
                Scheme scheme = Scheme.byIndex(index);
                if (scheme == null) {
                    throw new ScaleDecodeException("MultiSignature", start,
                            "unknown variant index " + index);
                }
                return new MultiSignature(scheme, r.raw(scheme.length, "MultiSignature::" + scheme.rustName));
            });

    /** A signature scheme with its variant index and signature length. */
    public enum Scheme {
        /** Ed25519, index 0, 64 bytes. */
        ED25519(0, 64, "Ed25519"),
        /** Schnorrkel/Ristretto sr25519, index 1, 64 bytes. */
        SR25519(1, 64, "Sr25519"),
        /** ECDSA over secp256k1, index 2, 65 bytes. */
        ECDSA(2, 65, "Ecdsa");

        private final int index;
        private final int length;
        private final String rustName;

        Scheme(int index, int length, String rustName) {
            this.index = index;
            this.length = length;
            this.rustName = rustName;
        }

        /** Returns the variant index. */
        public int index() {
            return index;
        }

        /** Returns the signature length in bytes. */
        public int length() {
            return length;
        }

        static Scheme byIndex(int index) {
            for (Scheme s : values()) {
                if (s.index == index) {
                    return s;
                }
            }
            return null;
        }
    }

    /** Checks the length for the scheme and copies the bytes. */
    public MultiSignature {
        if (bytes.length != scheme.length) {
            throw new IllegalArgumentException(scheme.rustName + " signature takes " + scheme.length
                    + " bytes, got " + bytes.length);
        }
        bytes = bytes.clone();
    }

    /** Returns an ed25519 signature of 64 bytes. */
    public static MultiSignature ed25519(byte[] signature) {
        return new MultiSignature(Scheme.ED25519, signature);
    }

    /** Returns a copy of the signature bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultiSignature s && scheme == s.scheme && Arrays.equals(bytes, s.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * scheme.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return scheme.rustName + "(" + Hex.encode(bytes) + ")";
    }
}
