package io.zklayer.pallets.verifier;

import static io.zklayer.runtime.TestChain.UNIT;
import static io.zklayer.runtime.TestChain.account;
import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Call;
import io.zklayer.primitives.types.H256;
import io.zklayer.runtime.ApplyOutcome;
import io.zklayer.runtime.DispatchError;
import io.zklayer.runtime.TestChain;
import io.zklayer.runtime.TransactionValidity;
import io.zklayer.zk.field.Fr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerifierPalletTest {
    private static final AccountId32 ALICE = account(DevAccounts.ALICE);

    private final TestChain chain = newChain();

    private static TestChain newChain() {
        return TestChain.builder()
                .balance(DevAccounts.ALICE, UNIT.multiply(BigInteger.valueOf(1000)))
                .balance(DevAccounts.BOB, UNIT.multiply(BigInteger.valueOf(10)))
                .build();
    }

    private static ApplyOutcome.Applied applied(ApplyOutcome out) {
        assertThat(out).isInstanceOf(ApplyOutcome.Applied.class);
        return (ApplyOutcome.Applied) out;
    }

    private static H256 register(TestChain chain, DevAccounts who, EncodedVerifyingKey key) {
        ApplyOutcome.Applied out = applied(chain.block(chain.signed(who, chain.call(VerifierPallet.INDEX,
                new VerifierCall.RegisterKey(key)))).get(0));
        assertThat(out.error()).isEmpty();
        return key.keyId();
    }

    private static List<Fr> signals(List<byte[]> raw) {
        return raw.stream().map(b -> Fr.fromBytesBE(b, 0)).toList();
    }

    private VerifierPallet verifier() {
        return chain.runtime().pallet(VerifierPallet.class);
    }

    private static DispatchError moduleError(VerifierError e) {
        return e.error();
    }

    @Test
    void snarkjsKeysRegisterWithTheExactDepositAndEveryValidProofOfTheirCircuitVerifies() {
        for (String circuit : SnarkjsVectors.CIRCUITS) {
            EncodedVerifyingKey key = SnarkjsVectors.key(circuit);
            BigInteger free = chain.free(DevAccounts.ALICE);
            BigInteger reserved = chain.accountInfo(ALICE).data().reserved();
            BigInteger deposit = VerifierParameters.defaults().depositFor(key.length());

            ApplyOutcome.Applied reg = applied(chain.block(chain.signed(DevAccounts.ALICE,
                    chain.call(VerifierPallet.INDEX, new VerifierCall.RegisterKey(key)))).get(0));

            assertThat(reg.error()).as(circuit).isEmpty();
            assertThat(chain.free(DevAccounts.ALICE)).isEqualTo(free.subtract(deposit).subtract(reg.fee()));
            assertThat(chain.accountInfo(ALICE).data().reserved()).isEqualTo(reserved.add(deposit));
            assertThat(chain.events(VerifierEvent.CODEC, VerifierPallet.INDEX)).containsExactly(
                    new VerifierEvent.KeyRegistered(key.keyId(), ALICE, key.publicCount(), deposit));
            assertThat(VerifierStorage.KEY_BYTES.get(chain.bestState(), key.keyId())).isEqualTo(key);

            List<SnarkjsVectors.Case> proofs = SnarkjsVectors.valid(circuit);
            List<byte[]> xts = new ArrayList<>();
            for (int i = 0; i < proofs.size(); i++) {
                SnarkjsVectors.Case c = proofs.get(i);
                xts.add(chain.signed(DevAccounts.ALICE.keyPair(), SnarkjsVectors.verifyCall(key.keyId(), c.proof(), c.signals()),
                        chain.nonce(ALICE) + i, BigInteger.ZERO));
            }
            List<ApplyOutcome> outcomes = chain.block(xts.toArray(new byte[0][]));

            assertThat(outcomes).allSatisfy(o -> assertThat(applied(o).error()).as(circuit).isEmpty());
            assertThat(chain.events(VerifierEvent.CODEC, VerifierPallet.INDEX)).containsExactlyElementsOf(
                    proofs.stream().<VerifierEvent>map(c -> new VerifierEvent.ProofVerified(ALICE, key.keyId(),
                            signals(c.signals()))).toList());
        }
    }

    /** The error the chain gives each snarkjs-rejected case; empty: the call does not even decode. */
    private static Optional<VerifierError> expectedError(String description) {
        if (description.contains("+ r")) {
            return Optional.empty(); // a signal >= r is not a field element: the extrinsic does not decode
        }
        if (description.contains("not on the curve") || description.contains("c0/c1 swapped")
                || description.contains("homogeneous projective") || description.contains("q + 5")
                || description.contains("NOT in the order-r subgroup")) {
            return Optional.of(VerifierError.MALFORMED_PROOF);
        }
        if (description.contains("dropped") || description.contains("appended") || description.contains("of circuit")) {
            return Optional.of(VerifierError.PUBLIC_SIGNAL_COUNT);
        }
        return Optional.of(VerifierError.INVALID_PROOF);
    }

    @Test
    void everyCaseSnarkjsRejectsIsRefusedByThePoolAndFailsInABlockChangingNothingButTheFee() {
        for (String circuit : SnarkjsVectors.CIRCUITS) {
            H256 keyId = register(chain, DevAccounts.ALICE, SnarkjsVectors.key(circuit));
            List<SnarkjsVectors.Case> cases = SnarkjsVectors.cases(circuit, "invalid.json");
            assertThat(cases).hasSize(16);
            for (SnarkjsVectors.Case c : cases) {
                checkRefused(circuit, keyId, c, expectedError(c.description()));
            }
        }
    }

    @Test
    void nonCanonicalEncodingsThatSnarkjsAcceptsAreMalformedProofsOnChain() {
        for (String circuit : SnarkjsVectors.CIRCUITS) {
            H256 keyId = register(chain, DevAccounts.ALICE, SnarkjsVectors.key(circuit));
            List<SnarkjsVectors.Case> cases = SnarkjsVectors.cases(circuit, "noncanonical_accepted.json");
            assertThat(cases).hasSize(3);
            for (SnarkjsVectors.Case c : cases) {
                checkRefused(circuit, keyId, c, Optional.of(VerifierError.MALFORMED_PROOF));
            }
        }
    }

    private void checkRefused(String circuit, H256 keyId, SnarkjsVectors.Case c, Optional<VerifierError> expected) {
        String what = circuit + ": " + c.description();
        byte[] xt = chain.signed(DevAccounts.ALICE, SnarkjsVectors.verifyCall(keyId, c.proof(), c.signals()));
        TransactionValidity pool = chain.executive().validate(chain.bestState(), chain.bestHash(), chain.bestNumber(), xt);
        assertThat(pool).as(what).isInstanceOf(TransactionValidity.Invalid.class);

        BigInteger free = chain.free(DevAccounts.ALICE);
        byte[] keysBefore = chain.bestState().get(VerifierStorage.KEYS.key(keyId)).orElseThrow();
        ApplyOutcome out = chain.block(xt).get(0);
        if (expected.isEmpty()) {
            assertThat(out).as(what).isInstanceOf(ApplyOutcome.Rejected.class);
            assertThat(((ApplyOutcome.Rejected) out).detail()).as(what).contains("cannot decode");
            assertThat(chain.free(DevAccounts.ALICE)).isEqualTo(free);
        } else {
            ApplyOutcome.Applied a = applied(out);
            assertThat(a.error()).as(what).contains(moduleError(expected.get()));
            assertThat(chain.free(DevAccounts.ALICE)).as(what).isEqualTo(free.subtract(a.fee()));
            assertThat(chain.eventNames()).as(what).contains("System.ExtrinsicFailed")
                    .doesNotContain("Verifier.ProofVerified");
        }
        assertThat(chain.bestState().get(VerifierStorage.KEYS.key(keyId)).orElseThrow()).isEqualTo(keysBefore);
    }

    @Test
    void theOwnerRemovesAnUnusedKeyAndGetsTheDepositBackWhileOthersAndDuplicatesAreRefused() {
        EncodedVerifyingKey key = SnarkjsVectors.key("lt");
        H256 id = register(chain, DevAccounts.ALICE, key);
        BigInteger deposit = VerifierParameters.defaults().depositFor(key.length());

        ApplyOutcome.Applied duplicate = applied(chain.block(chain.signed(DevAccounts.BOB,
                chain.call(VerifierPallet.INDEX, new VerifierCall.RegisterKey(key)))).get(0));
        assertThat(duplicate.error()).contains(VerifierError.KEY_ALREADY_REGISTERED.error());

        ApplyOutcome.Applied byBob = applied(chain.block(chain.signed(DevAccounts.BOB,
                chain.call(VerifierPallet.INDEX, new VerifierCall.RemoveKey(id)))).get(0));
        assertThat(byBob.error()).contains(VerifierError.NOT_KEY_OWNER.error());
        assertThat(VerifierStorage.KEYS.contains(chain.bestState(), id)).isTrue();

        BigInteger free = chain.free(DevAccounts.ALICE);
        ApplyOutcome.Applied removed = applied(chain.block(chain.signed(DevAccounts.ALICE,
                chain.call(VerifierPallet.INDEX, new VerifierCall.RemoveKey(id)))).get(0));
        assertThat(removed.error()).isEmpty();
        assertThat(chain.free(DevAccounts.ALICE)).isEqualTo(free.add(deposit).subtract(removed.fee()));
        assertThat(chain.accountInfo(ALICE).data().reserved()).isZero();
        assertThat(chain.events(VerifierEvent.CODEC, VerifierPallet.INDEX))
                .containsExactly(new VerifierEvent.KeyRemoved(id, ALICE, deposit));
        assertThat(VerifierStorage.KEYS.contains(chain.bestState(), id)).isFalse();
        assertThat(VerifierStorage.KEY_BYTES.contains(chain.bestState(), id)).isFalse();

        SnarkjsVectors.Case c = SnarkjsVectors.valid("lt").get(0);
        ApplyOutcome.Applied unknown = applied(chain.block(chain.signed(DevAccounts.ALICE,
                SnarkjsVectors.verifyCall(id, c.proof(), c.signals()))).get(0));
        assertThat(unknown.error()).contains(VerifierError.UNKNOWN_KEY.error());
    }

    @Test
    void aKeyWithAGammaAtInfinityIsADegenerateKeyThePoolAndTheChainRefuse() {
        byte[] bytes = SnarkjsVectors.key("lt").bytes();
        java.util.Arrays.fill(bytes, 192, 320, (byte) 0); // gamma = the point at infinity
        EncodedVerifyingKey degenerate = EncodedVerifyingKey.CODEC.decode(bytes);
        byte[] xt = chain.signed(DevAccounts.ALICE, chain.call(VerifierPallet.INDEX, new VerifierCall.RegisterKey(degenerate)));

        TransactionValidity pool = chain.executive().validate(chain.bestState(), chain.bestHash(), chain.bestNumber(), xt);
        assertThat(pool).isInstanceOf(TransactionValidity.Invalid.class);
        assertThat(((TransactionValidity.Invalid) pool).detail()).contains("gamma").contains("degenerate");

        ApplyOutcome.Applied out = applied(chain.block(xt).get(0));
        assertThat(out.error()).contains(VerifierError.MALFORMED_KEY.error());
        assertThat(chain.accountInfo(ALICE).data().reserved()).isZero();
        assertThat(VerifierStorage.KEYS.contains(chain.bestState(), degenerate.keyId())).isFalse();
    }

    @Test
    void aProofCheckedByThePoolIsRememberedSoTheBlockDoesNotVerifyItAgain() {
        EncodedVerifyingKey key = SnarkjsVectors.key("dot2");
        H256 id = register(chain, DevAccounts.ALICE, key);
        SnarkjsVectors.Case c = SnarkjsVectors.valid("dot2").get(2);
        H256 digest = VerifiedProofMemo.digest(id, c.proof(), signals(c.signals()));
        assertThat(verifier().memo().known(digest)).isFalse();

        byte[] xt = chain.signed(DevAccounts.ALICE, SnarkjsVectors.verifyCall(id, c.proof(), c.signals()));
        assertThat(chain.executive().validate(chain.bestState(), chain.bestHash(), chain.bestNumber(), xt))
                .isInstanceOf(TransactionValidity.Valid.class);

        assertThat(verifier().memo().known(digest)).isTrue();
        assertThat(verifier().preparedKeys().contains(id)).isTrue();
        long misses = verifier().preparedKeys().misses();
        assertThat(applied(chain.block(xt).get(0)).error()).isEmpty();
        assertThat(verifier().preparedKeys().misses()).isEqualTo(misses);
    }

    @Test
    void batchPreverificationRemembersTheValidProofsOfABlockAndLeavesItsExecutionUnchanged() {
        TestChain other = newChain();
        EncodedVerifyingKey key = SnarkjsVectors.key("mlp");
        H256 id = register(chain, DevAccounts.ALICE, key);
        register(other, DevAccounts.ALICE, key);
        assertThat(other.bestHash()).isEqualTo(chain.bestHash());

        List<SnarkjsVectors.Case> cases = new ArrayList<>(SnarkjsVectors.valid("mlp"));
        cases.add(2, SnarkjsVectors.cases("mlp", "invalid.json").get(0)); // public[0] + 1: a false proof
        List<byte[]> xts = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Call call = SnarkjsVectors.verifyCall(id, cases.get(i).proof(), cases.get(i).signals());
            xts.add(chain.signed(DevAccounts.ALICE.keyPair(), call, chain.nonce(ALICE) + i, BigInteger.ZERO));
        }

        BlockProofBatch.Report report = BlockProofBatch.preverify(chain.runtime(), chain.bestState(), chain.bestHash(),
                chain.bestNumber() + 1, xts);
        assertThat(report).isEqualTo(new BlockProofBatch.Report(6, 0, 6, 5, 0));
        assertThat(report.invalid()).isEqualTo(1);
        for (int i = 0; i < cases.size(); i++) {
            H256 digest = VerifiedProofMemo.digest(id, cases.get(i).proof(), signals(cases.get(i).signals()));
            assertThat(verifier().memo().known(digest)).as("proof %d", i).isEqualTo(i != 2);
        }
        BlockProofBatch.Report again = BlockProofBatch.preverify(chain.runtime(), chain.bestState(), chain.bestHash(),
                chain.bestNumber() + 1, xts);
        assertThat(again).isEqualTo(new BlockProofBatch.Report(6, 5, 1, 0, 0));

        long missesBefore = verifier().preparedKeys().misses();
        List<ApplyOutcome> withBatch = chain.block(xts.toArray(new byte[0][]));
        List<ApplyOutcome> without = other.block(xts.toArray(new byte[0][]));

        assertThat(withBatch).isEqualTo(without);
        assertThat(applied(withBatch.get(2)).error()).contains(VerifierError.INVALID_PROOF.error());
        assertThat(chain.bestHash()).isEqualTo(other.bestHash());
        assertThat(verifier().preparedKeys().misses()).isEqualTo(missesBefore);
    }

    @Test
    void theBatchSeedIsBlake2bOfTheParentHashAndTheExtrinsicHashes() {
        H256 parent = H256.blake2b256Of(new byte[] {7});
        byte[] a = {1, 2, 3};
        byte[] b = {4};
        byte[] expected = io.zklayer.primitives.hashing.Hashing.blake2b256(concat(parent.bytes(),
                io.zklayer.primitives.hashing.Hashing.blake2b256(a), io.zklayer.primitives.hashing.Hashing.blake2b256(b)));
        assertThat(BlockProofBatch.seed(parent, List.of(a, b))).isEqualTo(expected);
        assertThat(BlockProofBatch.seed(parent, List.of(b, a))).isNotEqualTo(expected);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void nativeVerificationAcceptsAnUnregisteredKeyAndNamesTheRuleARejectionBroke() {
        EncodedVerifyingKey key = SnarkjsVectors.key("lt");
        SnarkjsVectors.Case c = SnarkjsVectors.valid("lt").get(1);
        List<Fr> s = signals(c.signals());
        assertThat(verifier().verify(key, c.proof(), s)).isEqualTo(new ProofOutcome.Verified(key.keyId()));
        List<Fr> wrong = List.of(s.get(0).add(Fr.ONE), s.get(1));
        ProofOutcome bad = verifier().verify(key, c.proof(), wrong);
        assertThat(bad).isInstanceOf(ProofOutcome.Rejected.class);
        assertThat(((ProofOutcome.Rejected) bad).reason()).isEqualTo(ProofOutcome.Reason.INVALID_PROOF);
        ProofOutcome count = verifier().verify(key, c.proof(), s.subList(0, 1));
        assertThat(((ProofOutcome.Rejected) count).detail()).contains("takes 2 public signals, got 1");
        byte[] shortProof = java.util.Arrays.copyOf(c.proof(), 255);
        assertThat(((ProofOutcome.Rejected) verifier().verify(key, shortProof, s)).reason())
                .isEqualTo(ProofOutcome.Reason.MALFORMED_PROOF);
    }
}
