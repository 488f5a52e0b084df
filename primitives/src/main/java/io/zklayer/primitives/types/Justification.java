package io.zklayer.primitives.types;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleRecord;
import java.util.Arrays;
import java.util.Objects;

/**
 * One finality proof of a block from one consensus engine: {@code (ConsensusEngineId, Vec<u8>)}.
 * A GRANDPA justification with bytes {@code 0xaa} → {@code 0x46524e4b 04 aa}.
 *
 * @param engine the engine that produced it (for example {@link ConsensusEngineId#GRANDPA})
 * @param data the engine's encoded proof
 */
public record Justification(ConsensusEngineId engine, byte[] data) {
    /** SCALE codec: engine id then {@code Vec<u8>}. */
    public static final ScaleCodec<Justification> CODEC = ScaleRecord.of("Justification",
            ScaleRecord.field("engine", ConsensusEngineId.CODEC, Justification::engine),
            ScaleRecord.field("data", ScaleCodecs.BYTES, Justification::data),
            Justification::new);

    /** Copies the data. */
    public Justification {
        Objects.requireNonNull(engine, "engine");
        data = data.clone();
    }

    /** Returns a copy of the proof bytes. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Justification j && engine.equals(j.engine) && Arrays.equals(data, j.data);
    }

    @Override
    public int hashCode() {
        return 31 * engine.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Justification(" + engine + ", " + Hex.encode(data) + ")";
    }
}
