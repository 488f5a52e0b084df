package io.zklayer.consensus.finality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.consensus.ChainHead;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.crypto.Ed25519KeyPair;
import io.zklayer.primitives.crypto.Ed25519Signature;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Header;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class JustificationVerifierTest {
    private final BlockTree tree = new BlockTree();
    private final List<Ed25519KeyPair> keys = IntStream.range(0, 5).mapToObj(i -> Ed25519KeyPair.fromSecretUri("//Voter" + i)).toList();
    private final AuthoritySet set0 = new AuthoritySet(0, keys.subList(0, 4).stream().map(k -> AccountId32.of(k.publicKey().bytes())).toList());
    private final Header b1 = tree.child(tree.genesis());
    private final Header b2 = tree.child(b1);
    private final Header b3 = tree.child(b2);
    private final Header fork2 = tree.child(b1);
    private final ChainHead target = BlockTree.head(b2);

    private SignedVote precommit(int voter, Header block, long round, long setId) {
        return SignedVote.sign(keys.get(voter), VoteKind.PRECOMMIT, BlockTree.head(block), round, setId);
    }

    private GrandpaJustification justification(List<SignedVote> precommits, Header... ancestry) {
        return new GrandpaJustification(7, new Commit(target, precommits), List.of(ancestry));
    }

    private JustificationVerifier.Result verify(GrandpaJustification j) {
        return JustificationVerifier.verify(j, set0, Optional.of(target));
    }

    private JustificationVerifier.Reason reason(GrandpaJustification j) {
        JustificationVerifier.Result r = verify(j);
        assertThat(r).isInstanceOf(JustificationVerifier.Result.Invalid.class);
        return ((JustificationVerifier.Result.Invalid) r).reason();
    }

    @Test
    void threeOfFourPrecommitsIncludingOneForADescendantWithItsAncestryVerify() {
        GrandpaJustification j = justification(List.of(precommit(0, b2, 7, 0), precommit(1, b2, 7, 0), precommit(2, b3, 7, 0)), b3);
        assertThat(verify(j)).isEqualTo(new JustificationVerifier.Result.Valid(target, 3));
        assertThat(GrandpaJustification.CODEC.decode(j.encode())).isEqualTo(j);
    }

    @Test
    void twoOfFourAreInsufficientAndAnEquivocatorCountsOnce() {
        assertThat(reason(justification(List.of(precommit(0, b2, 7, 0), precommit(1, b2, 7, 0)))))
                .isEqualTo(JustificationVerifier.Reason.INSUFFICIENT_PRECOMMITS);
        assertThat(reason(justification(List.of(precommit(0, b2, 7, 0), precommit(1, b2, 7, 0), precommit(1, b3, 7, 0)), b3)))
                .isEqualTo(JustificationVerifier.Reason.INSUFFICIENT_PRECOMMITS);
    }

    @Test
    void aForgedSignatureIsRefused() {
        SignedVote good = precommit(2, b2, 7, 0);
        byte[] sig = good.signature().bytes();
        sig[0] ^= 1;
        SignedVote forged = new SignedVote(VoteKind.PRECOMMIT, good.target(), Ed25519Signature.of(sig), good.voter());
        assertThat(reason(justification(List.of(precommit(0, b2, 7, 0), precommit(1, b2, 7, 0), forged))))
                .isEqualTo(JustificationVerifier.Reason.BAD_SIGNATURE);
        SignedVote otherSigner = new SignedVote(VoteKind.PRECOMMIT, good.target(), precommit(3, b2, 7, 0).signature(), good.voter());
        assertThat(reason(justification(List.of(precommit(0, b2, 7, 0), precommit(1, b2, 7, 0), otherSigner))))
                .isEqualTo(JustificationVerifier.Reason.BAD_SIGNATURE);
    }

    @Test
    void signaturesOfAnotherRoundOrSetAndSignersOutsideTheSetAreRefused() {
        List<SignedVote> round7 = List.of(precommit(0, b2, 7, 0), precommit(1, b2, 7, 0), precommit(2, b2, 7, 0));
        assertThat(reason(new GrandpaJustification(8, new Commit(target, round7), List.of())))
                .isEqualTo(JustificationVerifier.Reason.BAD_SIGNATURE);
        AuthoritySet sameVotersNextSet = new AuthoritySet(1, set0.voters());
        assertThat(JustificationVerifier.verify(justification(round7), sameVotersNextSet, Optional.of(target)))
                .isInstanceOf(JustificationVerifier.Result.Invalid.class)
                .extracting(r -> ((JustificationVerifier.Result.Invalid) r).reason()).isEqualTo(JustificationVerifier.Reason.BAD_SIGNATURE);
        List<SignedVote> withOutsider = List.of(precommit(0, b2, 7, 0), precommit(1, b2, 7, 0), precommit(4, b2, 7, 0));
        assertThat(reason(justification(withOutsider))).isEqualTo(JustificationVerifier.Reason.UNKNOWN_VOTER);
    }

    @Test
    void precommitsMustBeLinkedToTheTargetByExactlyTheAncestryGiven() {
        List<SignedVote> votes = List.of(precommit(0, b2, 7, 0), precommit(1, b2, 7, 0), precommit(2, b3, 7, 0));
        assertThat(reason(justification(votes))).as("missing ancestry").isEqualTo(JustificationVerifier.Reason.BAD_ANCESTRY);
        List<SignedVote> onFork = List.of(precommit(0, b2, 7, 0), precommit(1, b2, 7, 0), precommit(2, fork2, 7, 0));
        assertThat(reason(justification(onFork, fork2))).as("another fork").isEqualTo(JustificationVerifier.Reason.BAD_ANCESTRY);
        List<SignedVote> below = List.of(precommit(0, b2, 7, 0), precommit(1, b2, 7, 0), precommit(2, b1, 7, 0));
        assertThat(reason(justification(below))).as("an ancestor").isEqualTo(JustificationVerifier.Reason.BAD_ANCESTRY);
        List<SignedVote> direct = List.of(precommit(0, b2, 7, 0), precommit(1, b2, 7, 0), precommit(2, b2, 7, 0));
        assertThat(reason(justification(direct, b3))).as("an unused header").isEqualTo(JustificationVerifier.Reason.UNUSED_ANCESTRY);
    }

    @Test
    void aJustificationOnlyProvesItsOwnTargetAndItsSizeIsBounded() {
        GrandpaJustification j = justification(List.of(precommit(0, b2, 7, 0), precommit(1, b2, 7, 0), precommit(2, b2, 7, 0)));
        assertThat(JustificationVerifier.verify(j, set0, Optional.of(BlockTree.head(b3))))
                .extracting(r -> ((JustificationVerifier.Result.Invalid) r).reason()).isEqualTo(JustificationVerifier.Reason.WRONG_TARGET);
        List<SignedVote> many = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            many.add(precommit(i % 4, b2, 7, 0));
        }
        assertThat(reason(justification(many))).isEqualTo(JustificationVerifier.Reason.TOO_MANY_PRECOMMITS);
    }

    @Test
    void theEncodingIsSubstratesRoundCommitAncestries() {
        SignedVote v = precommit(0, b2, 7, 0);
        GrandpaJustification j = justification(List.of(v));
        String expected = "0x" + "0700000000000000" + Hex.encode(b2.hash().bytes()).substring(2) + "02000000" + "04"
                + Hex.encode(b2.hash().bytes()).substring(2) + "02000000" + Hex.encode(v.signature().bytes()).substring(2)
                + Hex.encode(v.voter().bytes()).substring(2) + "00";
        assertThat(Hex.encode(j.encode())).isEqualTo(expected);
        byte[] bytes = j.encode();
        assertThatThrownBy(() -> GrandpaJustification.CODEC.decode(Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(ScaleDecodeException.class);
    }
}
