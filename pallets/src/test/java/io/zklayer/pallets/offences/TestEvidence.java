package io.zklayer.pallets.offences;

import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.hashing.Hashing;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Digest;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Equivocation evidence made with real ed25519 keys: headers announcing a slot and sealed as an
 * author seals them, and finality votes signed over Substrate's payload. A {@code variant} string
 * makes distinct but deterministic blocks of the same number and slot.
 */
final class TestEvidence {
    private TestEvidence() {}

    static AccountId32 account(DevAccounts who) {
        return AccountId32.of(who.keyPair().publicKey().bytes());
    }

    static H256 hashOf(String text) {
        return H256.of(Hashing.blake2b256(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Returns header #{@code number} of {@code slot} sealed by {@code author}; {@code variant} changes its state root. */
    static Header sealedHeader(DevAccounts author, long number, long slot, String variant) {
        Header unsealed = new Header(hashOf("parent " + number), number, hashOf("state " + variant),
                hashOf("extrinsics"), new Digest(List.of(AuraDigests.slot(slot))));
        byte[] seal = author.keyPair().sign(unsealed.hash().bytes()).bytes();
        return AuraDigests.sealed(unsealed, AuraDigests.seal(seal));
    }

    /** Returns two different blocks of {@code slot} sealed by {@code author}. */
    static SlotEquivocationProof twoBlocks(DevAccounts author, long number, long slot) {
        return new SlotEquivocationProof(account(author), slot, sealedHeader(author, number, slot, "a"),
                sealedHeader(author, number, slot, "b"));
    }

    /** Returns {@code voter}'s signed {@code kind} vote for {@code (target, number)} in {@code round} of set {@code setId}. */
    static GrandpaEquivocationProof.SignedTarget vote(DevAccounts voter, GrandpaVoteKind kind, H256 target, long number,
                                                      long round, long setId) {
        byte[] sig = voter.keyPair().sign(GrandpaEquivocationProof.payload(kind, target, number, round, setId)).bytes();
        return new GrandpaEquivocationProof.SignedTarget(target, number,
                io.zklayer.primitives.crypto.Ed25519Signature.of(sig));
    }

    /** Returns two {@code kind} votes by {@code voter} for different blocks #{@code number} in {@code round} of set {@code setId}. */
    static GrandpaEquivocationProof twoVotes(DevAccounts voter, GrandpaVoteKind kind, long number, long round, long setId) {
        return GrandpaEquivocationProof.of(setId, round, kind, account(voter),
                vote(voter, kind, hashOf("fork a " + number), number, round, setId),
                vote(voter, kind, hashOf("fork b " + number), number, round, setId));
    }
}
