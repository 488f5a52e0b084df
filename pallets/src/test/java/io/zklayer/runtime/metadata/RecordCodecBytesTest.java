package io.zklayer.runtime.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.pallets.inference.Workload;
import io.zklayer.pallets.inference.WorkloadInput;
import io.zklayer.pallets.inference.WorkloadStatus;
import io.zklayer.pallets.models.ModelInfo;
import io.zklayer.pallets.models.ModelIo;
import io.zklayer.pallets.verifier.EncodedVerifyingKey;
import io.zklayer.pallets.verifier.PublicSignals;
import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.primitives.codec.ScaleWriter;
import io.zklayer.primitives.model.InputSpec;
import io.zklayer.primitives.model.OutputSpec;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.H256;
import io.zklayer.zk.curve.G1Point;
import io.zklayer.zk.curve.G2Point;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.groth16.VerifyingKey;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The struct codecs that used to be written by hand ({@code InputSpec}, {@code ModelInfo},
 * {@code Workload}, {@code VerifyingKey}) are {@link ScaleRecord}s now, so the metadata reads their
 * fields; their bytes are those of the old hand-written encoders, written out here field by field.
 */
class RecordCodecBytesTest {
    private static AccountId32 account(Random rng) {
        byte[] b = new byte[32];
        rng.nextBytes(b);
        return AccountId32.of(b);
    }

    private static H256 hash(Random rng) {
        byte[] b = new byte[32];
        rng.nextBytes(b);
        return H256.of(b);
    }

    @Property(tries = 50)
    void inputSpecAndModelInfoKeepTheirHandWrittenBytes(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int rank,
                                                        @ForAll boolean deprecated) {
        Random rng = new Random(seed);
        List<Integer> shape = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
            shape.add(1 + rng.nextInt(16));
        }
        InputSpec spec = new InputSpec(shape, -rng.nextInt(128), rng.nextInt(128));
        ScaleWriter specBytes = new ScaleWriter().compact(rank);
        shape.forEach(d -> specBytes.u32(d));
        specBytes.i32(spec.min()).i32(spec.max());
        assertThat(ModelIo.INPUT_SPEC.encode(spec)).isEqualTo(specBytes.toByteArray());
        assertThat(ModelIo.INPUT_SPEC.decode(specBytes.toByteArray())).isEqualTo(spec);

        ModelIo modelIo = new ModelIo(spec, new OutputSpec.ArgMax(), 10);
        ModelInfo info = new ModelInfo(account(rng), "model-" + seed, 1 + rng.nextInt(9), "d" + seed, modelIo,
                Fr.of(rng.nextInt(1 << 30)), hash(rng), deprecated ? Optional.of(hash(rng)) : Optional.empty(),
                BigInteger.valueOf(rng.nextLong() & Long.MAX_VALUE).shiftLeft(40), rng.nextLong(), rng.nextInt(1 << 30),
                deprecated ? Optional.of((long) rng.nextInt(1 << 30)) : Optional.empty());
        ScaleWriter w = new ScaleWriter();
        w.raw(info.owner().bytes()).string(info.name()).u32(info.version()).string(info.description())
                .raw(ModelIo.CODEC.encode(info.io())).raw(PublicSignals.FR.encode(info.weightCommitment()))
                .raw(info.keyId().bytes()).raw(ScaleCodecs.option(H256.CODEC).encode(info.codeHash()))
                .u128(info.pricePerInference()).u64(info.computeUnits()).u32(info.registeredAt())
                .raw(ScaleCodecs.option(ScaleCodecs.U32).encode(info.deprecatedAt()));

        assertThat(ModelInfo.CODEC).isInstanceOf(ScaleRecord.class);
        assertThat(ModelInfo.CODEC.encode(info)).isEqualTo(w.toByteArray());
        assertThat(ModelInfo.CODEC.decode(w.toByteArray())).isEqualTo(info);
    }

    @Property(tries = 50)
    void workloadsKeepTheirHandWrittenBytes(@ForAll long seed, @ForAll @IntRange(min = 0, max = 3) int statusKind) {
        Random rng = new Random(seed);
        byte[] commitment = new byte[32];
        rng.nextBytes(commitment);
        byte[] inline = new byte[1 + rng.nextInt(64)];
        rng.nextBytes(inline);
        WorkloadStatus status = switch (statusKind) {
            case 0 -> new WorkloadStatus.Queued();
            case 1 -> new WorkloadStatus.Assigned(account(rng), rng.nextInt(1 << 20), rng.nextInt(1 << 20));
            case 2 -> new WorkloadStatus.Completed(Optional.of(account(rng)), inline, rng.nextInt(1 << 20));
            default -> new WorkloadStatus.Refunded(WorkloadStatus.RefundReason.values()[0], rng.nextInt(1 << 20));
        };
        Workload x = new Workload(account(rng), rng.nextInt(1 << 30), new WorkloadInput.Inline(inline), commitment,
                BigInteger.valueOf(rng.nextLong() & Long.MAX_VALUE), BigInteger.valueOf(rng.nextInt(1 << 30)),
                1 + rng.nextInt(100), rng.nextLong(), rng.nextInt(4), status);
        byte[] expected = new ScaleWriter().raw(x.owner().bytes()).u32(x.model())
                .raw(WorkloadInput.CODEC.encode(x.input())).raw(commitment).u128(x.maxPrice()).u128(x.price())
                .u32(x.deadlineBlocks()).u64(x.submittedAt()).u8(x.attempts())
                .raw(WorkloadStatus.CODEC.encode(x.status())).toByteArray();

        assertThat(Workload.CODEC).isInstanceOf(ScaleRecord.class);
        assertThat(Workload.CODEC.encode(x)).isEqualTo(expected);
        assertThat(Workload.CODEC.decode(expected)).isEqualTo(x);
    }

    @Property(tries = 10)
    void verifyingKeysKeepTheirBytes(@ForAll long seed, @ForAll @IntRange(min = 0, max = 6) int publicCount) {
        Random rng = new Random(seed);
        List<G1Point> ic = new ArrayList<>();
        for (int i = 0; i <= publicCount; i++) {
            ic.add(G1Point.GENERATOR.mul(Fr.random(rng)));
        }
        VerifyingKey key = new VerifyingKey(G1Point.GENERATOR.mul(Fr.random(rng)), G2Point.GENERATOR.mul(Fr.random(rng)),
                G2Point.GENERATOR.mul(Fr.random(rng)), G2Point.GENERATOR.mul(Fr.random(rng)), ic);
        ScaleWriter w = new ScaleWriter().raw(key.alpha().toEthereumBytes()).raw(key.beta().toEthereumBytes())
                .raw(key.gamma().toEthereumBytes()).raw(key.delta().toEthereumBytes()).compact(ic.size());
        ic.forEach(p -> w.raw(p.toEthereumBytes()));
        EncodedVerifyingKey encoded = EncodedVerifyingKey.of(key);
        ScaleCodec<EncodedVerifyingKey> codec = EncodedVerifyingKey.CODEC;

        assertThat(codec).isInstanceOf(ScaleRecord.class);
        assertThat(codec.encode(encoded)).isEqualTo(w.toByteArray()).isEqualTo(encoded.bytes());
        assertThat(codec.decode(w.toByteArray())).isEqualTo(encoded);
        assertThat(codec.decode(w.toByteArray()).toVerifyingKey()).isEqualTo(key);
    }
}
