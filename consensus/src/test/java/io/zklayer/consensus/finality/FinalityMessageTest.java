package io.zklayer.consensus.finality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.consensus.ChainHead;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.crypto.Ed25519KeyPair;
import io.zklayer.primitives.types.H256;
import java.util.List;
import org.junit.jupiter.api.Test;

class FinalityMessageTest {
    private static final Ed25519KeyPair ALICE = DevAccounts.ALICE.keyPair();
    private static final ChainHead TARGET = new ChainHead(H256.fromHex("11".repeat(32)), 5);

    @Test
    void votePayloadIsKindTargetRoundSetIdAsSubstrateLocalizesIt() {
        byte[] payload = SignedVote.payload(VoteKind.PRECOMMIT, TARGET, 2, 0);
        assertThat(Hex.encode(payload)).isEqualTo("0x01" + "11".repeat(32) + "05000000" + "0200000000000000" + "0000000000000000");
    }

    @Test
    void aSignedVoteVerifiesOnlyInItsOwnRoundAndSet() {
        SignedVote v = SignedVote.sign(ALICE, VoteKind.PREVOTE, TARGET, 3, 1);
        assertThat(v.verify(3, 1)).isTrue();
        assertThat(v.verify(4, 1)).isFalse();
        assertThat(v.verify(3, 2)).isFalse();
        SignedVote otherKind = new SignedVote(VoteKind.PRECOMMIT, TARGET, v.signature(), v.voter());
        assertThat(otherKind.verify(3, 1)).isFalse();
    }

    @Test
    void everyMessageRoundTripsThroughItsEncoding() {
        SignedVote pv = SignedVote.sign(ALICE, VoteKind.PREVOTE, TARGET, 1, 0);
        SignedVote pc = SignedVote.sign(ALICE, VoteKind.PRECOMMIT, TARGET, 1, 0);
        List<FinalityMessage> messages = List.of(
                new FinalityMessage.VoteMessage(1, 0, pv),
                new FinalityMessage.CommitMessage(1, 0, new Commit(TARGET, List.of(pc))),
                new FinalityMessage.CatchUpRequest(7, 2),
                new FinalityMessage.CatchUp(2, 6, List.of(pv), List.of(pc), new ChainHead(H256.ZERO, 0)));
        for (FinalityMessage m : messages) {
            assertThat(FinalityMessage.decode(FinalityMessage.encode(m))).isEqualTo(m);
        }
    }

    @Test
    void aVoteMessageHasSubstratesLayout() {
        SignedVote pv = SignedVote.sign(ALICE, VoteKind.PREVOTE, TARGET, 1, 0);
        byte[] bytes = FinalityMessage.encode(new FinalityMessage.VoteMessage(1, 0, pv));
        String expected = "0x00" + "0100000000000000" + "0000000000000000" + "00" + "11".repeat(32) + "05000000"
                + Hex.encode(pv.signature().bytes()).substring(2) + Hex.encode(pv.voter().bytes()).substring(2);
        assertThat(Hex.encode(bytes)).isEqualTo(expected);
    }

    @Test
    void decodingRefusesUnusedVariantsTruncationAndOversizedInput() {
        assertThatThrownBy(() -> FinalityMessage.decode(new byte[] {2})).isInstanceOf(ScaleDecodeException.class)
                .hasMessageContaining("unknown variant index 2");
        byte[] vote = FinalityMessage.encode(new FinalityMessage.CatchUpRequest(1, 0));
        assertThatThrownBy(() -> FinalityMessage.decode(java.util.Arrays.copyOf(vote, vote.length - 1)))
                .isInstanceOf(ScaleDecodeException.class);
        assertThatThrownBy(() -> FinalityMessage.decode(new byte[FinalityMessage.MAX_ENCODED_BYTES + 1]))
                .isInstanceOf(ScaleDecodeException.class).hasMessageContaining("exceed the limit");
        // a commit claiming 2^30 precommits with no bytes behind it fails before allocating
        assertThatThrownBy(() -> FinalityMessage.decode(Hex.decode("0x01" + "00".repeat(16) + "11".repeat(32) + "05000000" + "03000000" + "40")))
                .isInstanceOf(ScaleDecodeException.class);
    }

    @Test
    void aCommitRefusesPrevotes() {
        SignedVote pv = SignedVote.sign(ALICE, VoteKind.PREVOTE, TARGET, 1, 0);
        assertThatThrownBy(() -> new Commit(TARGET, List.of(pv))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only precommits");
    }
}
