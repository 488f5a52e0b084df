package io.zklayer.primitives.types;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleEnum;
import io.zklayer.primitives.codec.ScaleRecord;
import java.util.Arrays;
import java.util.Objects;

/**
 * One entry of a header's digest, as Substrate's {@code sp_runtime::generic::DigestItem}.
 *
 * <p>Variant indexes: {@code Other = 0}, {@code Consensus = 4}, {@code Seal = 5},
 * {@code PreRuntime = 6}, {@code RuntimeEnvironmentUpdated = 8}. {@code PreRuntime("aura", 0x0102)}
 * → {@code 0x06 61757261 08 0102} (index, engine id, {@code Vec<u8>}).
 */
public sealed interface DigestItem {

    /** SCALE codec of a digest item. */
    ScaleCodec<DigestItem> CODEC = ScaleEnum.<DigestItem>builder("DigestItem")
            .variant(0, "Other", Other.class, ScaleRecord.of("Other",
                    ScaleRecord.field("data", ScaleCodecs.BYTES, Other::data), Other::new))
            .variant(4, "Consensus", Consensus.class, ScaleRecord.of("Consensus",
                    ScaleRecord.field("engine", ConsensusEngineId.CODEC, Consensus::engine),
                    ScaleRecord.field("data", ScaleCodecs.BYTES, Consensus::data), Consensus::new))
            .variant(5, "Seal", Seal.class, ScaleRecord.of("Seal",
                    ScaleRecord.field("engine", ConsensusEngineId.CODEC, Seal::engine),
                    ScaleRecord.field("data", ScaleCodecs.BYTES, Seal::data), Seal::new))
            .variant(6, "PreRuntime", PreRuntime.class, ScaleRecord.of("PreRuntime",
                    ScaleRecord.field("engine", ConsensusEngineId.CODEC, PreRuntime::engine),
                    ScaleRecord.field("data", ScaleCodecs.BYTES, PreRuntime::data), PreRuntime::new))
            .variant(8, "RuntimeEnvironmentUpdated", RuntimeEnvironmentUpdated.class,
                    ScaleCodecs.unit("RuntimeEnvironmentUpdated", RuntimeEnvironmentUpdated.INSTANCE))
            .build();

    /**
     * Data the block author puts in before running the block (slot number, VRF output), index 6.
     *
     * @param engine the consensus engine it is for
     * @param data the engine's bytes
     */
    record PreRuntime(ConsensusEngineId engine, byte[] data) implements DigestItem {
        /** Copies the data. */
        public PreRuntime {
            Objects.requireNonNull(engine, "engine");
            data = data.clone();
        }

        /** Returns a copy of the engine's bytes. */
        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PreRuntime p && engine.equals(p.engine) && Arrays.equals(data, p.data);
        }

        @Override
        public int hashCode() {
            return 31 * engine.hashCode() + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "PreRuntime(" + engine + ", " + Hex.encode(data) + ")";
        }
    }

    /**
     * A message from the runtime to the consensus engine (authority set changes), index 4.
     *
     * @param engine the consensus engine it is for
     * @param data the engine's bytes
     */
    record Consensus(ConsensusEngineId engine, byte[] data) implements DigestItem {
        /** Copies the data. */
        public Consensus {
            Objects.requireNonNull(engine, "engine");
            data = data.clone();
        }

        /** Returns a copy of the engine's bytes. */
        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Consensus c && engine.equals(c.engine) && Arrays.equals(data, c.data);
        }

        @Override
        public int hashCode() {
            return 37 * engine.hashCode() + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Consensus(" + engine + ", " + Hex.encode(data) + ")";
        }
    }

    /**
     * The author's seal (a signature over the pre-seal header hash), always last, index 5.
     *
     * @param engine the consensus engine it is for
     * @param data the signature bytes
     */
    record Seal(ConsensusEngineId engine, byte[] data) implements DigestItem {
        /** Copies the data. */
        public Seal {
            Objects.requireNonNull(engine, "engine");
            data = data.clone();
        }

        /** Returns a copy of the seal bytes. */
        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Seal s && engine.equals(s.engine) && Arrays.equals(data, s.data);
        }

        @Override
        public int hashCode() {
            return 41 * engine.hashCode() + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Seal(" + engine + ", " + Hex.encode(data) + ")";
        }
    }

    /**
     * Any other data, index 0.
     *
     * @param data the bytes
     */
    record Other(byte[] data) implements DigestItem {
        /** Copies the data. */
        public Other {
            data = data.clone();
        }

        /** Returns a copy of the bytes. */
        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Other other && Arrays.equals(data, other.data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Other(" + Hex.encode(data) + ")";
        }
    }

    /** Marks a block in which the runtime code or heap pages changed, index 8; no fields. */
    final class RuntimeEnvironmentUpdated implements DigestItem {
        /** The one value. */
        public static final RuntimeEnvironmentUpdated INSTANCE = new RuntimeEnvironmentUpdated();

        private RuntimeEnvironmentUpdated() {}

        @Override
        public String toString() {
            return "RuntimeEnvironmentUpdated";
        }
    }
}
