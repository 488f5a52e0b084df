package io.zklayer.primitives.types;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The four-byte tag naming a consensus engine in digests and justifications, usually ASCII:
 * {@code "aura"} → {@code 0x61757261}, {@code "FRNK"} (GRANDPA) → {@code 0x46524e4b}.
 */
public final class ConsensusEngineId {
    /** Byte length of an engine id. */
    public static final int LENGTH = 4;
    /** SCALE codec: the four bytes, no prefix. */
    public static final ScaleCodec<ConsensusEngineId> CODEC = ScaleCodecs.map("ConsensusEngineId",
            ScaleCodecs.fixedBytes(LENGTH), ConsensusEngineId::new, id -> id.bytes);

    /** Aura's id {@code "aura"}. */
    public static final ConsensusEngineId AURA = ofAscii("aura");
    /** BABE's id {@code "BABE"}. */
    public static final ConsensusEngineId BABE = ofAscii("BABE");
    /** GRANDPA's id {@code "FRNK"}. */
    public static final ConsensusEngineId GRANDPA = ofAscii("FRNK");

    private final byte[] bytes;

    private ConsensusEngineId(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("ConsensusEngineId takes 4 bytes, got " + bytes.length);
        }
        this.bytes = bytes;
    }

    /** Returns the id with these four bytes (copied). */
    public static ConsensusEngineId of(byte[] bytes) {
        return new ConsensusEngineId(bytes.clone());
    }

    /** Returns the id spelled by four ASCII characters, for example {@code "aura"}. */
    public static ConsensusEngineId ofAscii(String text) {
        return new ConsensusEngineId(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Returns a copy of the four bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConsensusEngineId id && Arrays.equals(bytes, id.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Returns the four characters when they are printable ASCII ({@code aura}), else hex. */
    @Override
    public String toString() {
        for (byte b : bytes) {
            if (b < 0x20 || b > 0x7e) {
                return Hex.encode(bytes);
            }
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
