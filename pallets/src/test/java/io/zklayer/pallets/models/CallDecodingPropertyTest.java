package io.zklayer.pallets.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.pallets.session.SessionCall;
import io.zklayer.pallets.verifier.VerifierCall;
import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.model.InputSpec;
import io.zklayer.primitives.model.OutputSpec;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.H256;
import io.zklayer.zk.field.Fr;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Bad input never crashes the decoders of the registry's, the verifier's and the session's calls and records. */
class CallDecodingPropertyTest {
    private static void decodesOrNamesTheProblem(ScaleCodec<?> codec, byte[] bytes) {
        try {
            Object value = codec.decode(bytes);
            assertThat(value).isNotNull();
        } catch (ScaleDecodeException e) {
            assertThat(e.getMessage()).contains(" at offset ");
        }
    }

    private static byte[] withIndex(int index, byte[] tail) {
        byte[] out = new byte[tail.length + 1];
        out[0] = (byte) index;
        System.arraycopy(tail, 0, out, 1, tail.length);
        return out;
    }

    @Property(tries = 500)
    void callsDecodeOrFailWithANamedDecodeError(@ForAll @IntRange(min = 0, max = 2) int index,
                                                 @ForAll @Size(max = 800) byte[] tail) {
        byte[] bytes = withIndex(index, tail);
        decodesOrNamesTheProblem(ModelsCall.CODEC, bytes);
        decodesOrNamesTheProblem(VerifierCall.CODEC, bytes);
        decodesOrNamesTheProblem(SessionCall.CODEC, bytes);
    }

    @Property(tries = 300)
    void storedRecordsDecodeOrFailWithANamedDecodeError(@ForAll @Size(max = 400) byte[] bytes) {
        decodesOrNamesTheProblem(ModelInfo.CODEC, bytes);
        decodesOrNamesTheProblem(ModelIo.CODEC, bytes);
        decodesOrNamesTheProblem(BacktestCase.CODEC, bytes);
        decodesOrNamesTheProblem(ModelsStorage.UsageStats.CODEC, bytes);
    }

    @Property(tries = 200)
    void aModelRecordRoundTrips(@ForAll @IntRange(min = 1, max = 4096) int values, @ForAll long units,
                                @ForAll @IntRange(min = -128, max = 127) int min, @ForAll boolean deprecated) {
        ModelIo io = new ModelIo(new InputSpec(List.of(3, 5), min, 127), values % 3 == 0 ? new OutputSpec.Logits()
                : values % 3 == 1 ? new OutputSpec.ArgMax() : new OutputSpec.Threshold(values - 1, -values), values);
        ModelInfo info = new ModelInfo(AccountId32.of(new byte[32]), "m-" + values, values, "d", io, Fr.of(values),
                H256.blake2b256Of(new byte[] {(byte) values}), deprecated ? Optional.empty() : Optional.of(H256.ZERO),
                BigInteger.valueOf(values).shiftLeft(70), units, values, deprecated ? Optional.of((long) values) : Optional.empty());
        assertThat(ModelInfo.CODEC.decode(ModelInfo.CODEC.encode(info))).isEqualTo(info);
    }
}
