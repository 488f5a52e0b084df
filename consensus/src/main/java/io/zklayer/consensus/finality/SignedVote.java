package io.zklayer.consensus.finality;

import io.zklayer.consensus.ChainHead;
import io.zklayer.pallets.offences.GrandpaEquivocationProof;
import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleWriter;
import io.zklayer.primitives.crypto.Ed25519KeyPair;
import io.zklayer.primitives.crypto.Ed25519PublicKey;
import io.zklayer.primitives.crypto.Ed25519Signature;
import io.zklayer.primitives.types.AccountId32;
import java.util.Objects;

/**
 * One voter's signed prevote or precommit, as Substrate's {@code SignedMessage}: the voter signs
 * the ed25519 payload {@code kind u8 ‖ target hash [32] ‖ target number u32 ‖ round u64 ‖ set id u64}
 * (Substrate's {@code localized_payload(round, set_id, message)}), so a vote cannot be replayed in
 * another round or by another authority set.
 *
 * <p>Example payload of a precommit for {@code (0x11…11, 5)} in round 2 of set 0:
 * {@code 0x01 1111…11 05000000 0200000000000000 0000000000000000}.
 *
 * @param kind prevote or precommit
 * @param target the block voted for
 * @param signature the voter's signature of {@link #payload}
 * @param voter the voter's ed25519 public key
 */
public record SignedVote(VoteKind kind, ChainHead target, Ed25519Signature signature, AccountId32 voter) {
    /** SCALE codec with the kind byte first: {@code kind ‖ target ‖ signature ‖ id} (a {@code SignedMessage}). */
    public static final ScaleCodec<SignedVote> CODEC = ScaleCodecs.of("SignedMessage", 1 + 36 + 64 + 32,
            (w, v) -> {
                FinalityCodecs.KIND.encode(w, v.kind);
                encodeBody(w, v);
            },
            r -> {
                VoteKind kind = FinalityCodecs.KIND.decode(r);
                return new SignedVote(kind, FinalityCodecs.TARGET.decode(r), FinalityCodecs.SIGNATURE.decode(r),
                        AccountId32.CODEC.decode(r));
            });

    /** SCALE codec of a signed precommit without the kind byte ({@code SignedPrecommit}). */
    public static final ScaleCodec<SignedVote> PRECOMMIT_CODEC = bodyCodec(VoteKind.PRECOMMIT, "SignedPrecommit");
    /** SCALE codec of a signed prevote without the kind byte ({@code SignedPrevote}). */
    public static final ScaleCodec<SignedVote> PREVOTE_CODEC = bodyCodec(VoteKind.PREVOTE, "SignedPrevote");

    /** Checks that nothing is null. */
    public SignedVote {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(voter, "voter");
    }

    /** Returns the bytes a voter signs for {@code kind} on {@code target} in {@code round} of set {@code setId}. */
    public static byte[] payload(VoteKind kind, ChainHead target, long round, long setId) {
        return GrandpaEquivocationProof.payload(kind.toRuntime(), target.hash(), target.number(), round, setId);
    }

    /** Returns {@code key}'s signed vote of {@code kind} for {@code target} in {@code round} of set {@code setId}. */
    public static SignedVote sign(Ed25519KeyPair key, VoteKind kind, ChainHead target, long round, long setId) {
        return new SignedVote(kind, target, key.sign(payload(kind, target, round, setId)),
                AccountId32.of(key.publicKey().bytes()));
    }

    /** Returns whether the signature is the voter's over this vote in {@code round} of set {@code setId}. */
    public boolean verify(long round, long setId) {
        return Ed25519PublicKey.of(voter.bytes()).verify(payload(kind, target, round, setId), signature);
    }

    private static void encodeBody(ScaleWriter w, SignedVote v) {
        FinalityCodecs.TARGET.encode(w, v.target);
        FinalityCodecs.SIGNATURE.encode(w, v.signature);
        AccountId32.CODEC.encode(w, v.voter);
    }

    private static ScaleCodec<SignedVote> bodyCodec(VoteKind kind, String name) {
        return ScaleCodecs.of(name, 36 + 64 + 32,
                (w, v) -> {
                    if (v.kind != kind) {
                        throw new IllegalArgumentException(name + " holds only " + kind + " votes, got " + v.kind);
                    }
                    encodeBody(w, v);
                },
                r -> new SignedVote(kind, FinalityCodecs.TARGET.decode(r), FinalityCodecs.SIGNATURE.decode(r),
                        AccountId32.CODEC.decode(r)));
    }

    @Override
    public String toString() {
        return kind + " " + target + " by " + voter;
    }
}
