package io.zklayer.primitives.types;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import java.util.List;
import java.util.Optional;

/**
 * The finality proofs stored with a block, as Substrate's {@code Justifications}:
 * {@code Vec<(ConsensusEngineId, Vec<u8>)>}, at most one per engine in practice.
 *
 * @param entries the proofs in order
 */
public record Justifications(List<Justification> entries) {
    /** SCALE codec: {@code Vec<Justification>}. */
    public static final ScaleCodec<Justifications> CODEC = ScaleCodecs.map("Justifications",
            ScaleCodecs.vec(Justification.CODEC), Justifications::new, Justifications::entries);

    /** Copies the list. */
    public Justifications {
        entries = List.copyOf(entries);
    }

    /** Returns the container of these proofs. */
    public static Justifications of(Justification... entries) {
        return new Justifications(List.of(entries));
    }

    /** Returns the proof of {@code engine}, if there is one. */
    public Optional<byte[]> get(ConsensusEngineId engine) {
        return entries.stream().filter(j -> j.engine().equals(engine)).findFirst().map(Justification::data);
    }
}
