package io.zklayer.pallets.offences;

import static io.zklayer.pallets.offences.TestEvidence.account;
import static io.zklayer.pallets.offences.TestEvidence.twoBlocks;
import static io.zklayer.pallets.offences.TestEvidence.twoVotes;
import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.codec.ScaleWriter;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.types.Call;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import io.zklayer.runtime.Runtime;
import io.zklayer.runtime.RuntimeCall;
import io.zklayer.runtime.RuntimeParameters;
import io.zklayer.runtime.ZklayerRuntime;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The evidence encodings are Substrate's, the call carries them unchanged, and junk bytes never crash a decoder. */
class EvidenceCodecTest {
    @Test
    void aVoteEquivocationEncodesAsSubstratesGrandpaEquivocationProof() {
        GrandpaEquivocationProof proof = twoVotes(DevAccounts.DAVE, GrandpaVoteKind.PRECOMMIT, 6, 3, 1);
        GrandpaEquivocationProof.RoundEquivocation v = proof.equivocation().votes();
        ScaleWriter w = new ScaleWriter().u64(1).u8(1).u64(3).raw(account(DevAccounts.DAVE).bytes());
        for (GrandpaEquivocationProof.SignedTarget t : new GrandpaEquivocationProof.SignedTarget[] {v.first(), v.second()}) {
            w.raw(t.hash().bytes()).u32(6).raw(t.signature().bytes());
        }

        byte[] bytes = proof.encode();

        assertThat(bytes).hasSize(8 + 1 + 8 + 32 + 2 * (32 + 4 + 64)).isEqualTo(w.toByteArray());
        assertThat(GrandpaEquivocationProof.CODEC.decode(bytes)).isEqualTo(proof);
    }

    @Test
    void aSlotEquivocationEncodesAsSubstratesSlotsEquivocationProof() {
        SlotEquivocationProof proof = twoBlocks(DevAccounts.DAVE, 6, 1234);
        byte[] expected = new ScaleWriter().raw(account(DevAccounts.DAVE).bytes()).u64(1234)
                .raw(Header.CODEC.encode(proof.first())).raw(Header.CODEC.encode(proof.second())).toByteArray();

        assertThat(proof.encode()).isEqualTo(expected);
        assertThat(SlotEquivocationProof.CODEC.decode(expected)).isEqualTo(proof);
    }

    @Test
    void theReportCallCarriesTheProofBytesAfterTheEvidenceVariant() {
        Runtime runtime = ZklayerRuntime.create(RuntimeParameters.defaults());
        SlotEquivocationProof blocks = twoBlocks(DevAccounts.DAVE, 6, 1234);
        GrandpaEquivocationProof votes = twoVotes(DevAccounts.DAVE, GrandpaVoteKind.PREVOTE, 6, 3, 1);

        for (EquivocationEvidence e : new EquivocationEvidence[] {
                new EquivocationEvidence.Authorship(blocks), new EquivocationEvidence.Vote(votes)}) {
            byte[] proof = e instanceof EquivocationEvidence.Authorship ? blocks.encode() : votes.encode();
            byte[] callBytes = OffencesCall.CODEC.encode(new OffencesCall.ReportEquivocation(e));
            assertThat(callBytes[0]).isZero(); // call index
            assertThat(callBytes[1]).isEqualTo((byte) e.kind().index());
            assertThat(Arrays.copyOfRange(callBytes, 2, callBytes.length)).isEqualTo(proof);

            RuntimeCall decoded = runtime.decodeCall(new Call(OffencesPallet.INDEX, 0,
                    Arrays.copyOfRange(callBytes, 1, callBytes.length)));
            assertThat(decoded.pallet().index()).isEqualTo(10);
            assertThat(decoded.call()).isEqualTo(new OffencesCall.ReportEquivocation(e));
        }
    }

    @Test
    void reportIdsNameTheOffenceNotTheEvidence() {
        SlotEquivocationProof one = twoBlocks(DevAccounts.DAVE, 6, 1234);
        SlotEquivocationProof other = new SlotEquivocationProof(one.offender(), 1234, one.second(),
                TestEvidence.sealedHeader(DevAccounts.DAVE, 7, 1234, "c"));

        assertThat(new EquivocationEvidence.Authorship(one).reportId())
                .isEqualTo(new EquivocationEvidence.Authorship(other).reportId())
                .isEqualTo(H256.blake2b256Of(new ScaleWriter().u8(0).raw(account(DevAccounts.DAVE).bytes()).u64(1234)
                        .toByteArray()))
                .isNotEqualTo(new EquivocationEvidence.Authorship(twoBlocks(DevAccounts.DAVE, 6, 1235)).reportId());
        assertThat(new EquivocationEvidence.Vote(twoVotes(DevAccounts.DAVE, GrandpaVoteKind.PREVOTE, 6, 3, 1)).reportId())
                .isEqualTo(H256.blake2b256Of(new ScaleWriter().u8(1).raw(account(DevAccounts.DAVE).bytes()).u64(1).u64(3)
                        .toByteArray()));
    }

    private static void decodesOrNamesTheProblem(ScaleCodec<?> codec, byte[] bytes) {
        try {
            assertThat((Object) codec.decode(bytes)).isNotNull();
        } catch (ScaleDecodeException e) {
            assertThat(e.getMessage()).contains(" at offset ");
        }
    }

    @Property(tries = 300)
    void junkEvidenceDecodesOrFailsWithANamedDecodeError(@ForAll @IntRange(min = 0, max = 2) int variant,
                                                          @ForAll @Size(max = 400) byte[] tail) {
        byte[] bytes = new byte[tail.length + 1];
        bytes[0] = (byte) variant;
        System.arraycopy(tail, 0, bytes, 1, tail.length);
        decodesOrNamesTheProblem(EquivocationEvidence.CODEC, bytes);
        decodesOrNamesTheProblem(OffencesCall.CODEC, bytes);
        decodesOrNamesTheProblem(GrandpaEquivocationProof.CODEC, tail);
        decodesOrNamesTheProblem(SlotEquivocationProof.CODEC, tail);
    }

    @Property(tries = 100)
    void aVoteProofWithItsBytesFlippedAnywhereIsNoLongerValidEvidence(@ForAll @IntRange(min = 0, max = 248) int at) {
        GrandpaEquivocationProof proof = twoVotes(DevAccounts.DAVE, GrandpaVoteKind.PRECOMMIT, 6, 3, 1);
        byte[] bytes = proof.encode();
        bytes[at] ^= 0x01;
        GrandpaEquivocationProof tampered = GrandpaEquivocationProof.CODEC.decode(bytes); // every flip decodes

        assertThat(tampered.checkSignatures()).isPresent();
    }
}
