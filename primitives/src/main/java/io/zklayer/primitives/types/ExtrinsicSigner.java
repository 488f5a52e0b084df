package io.zklayer.primitives.types;

import io.zklayer.primitives.crypto.Ed25519KeyPair;
import java.math.BigInteger;

/**
 * Builds signed v4 extrinsics with an ed25519 key, as a wallet does: signs
 * {@code call ‖ extra ‖ specVersion ‖ txVersion ‖ genesisHash ‖ birthBlockHash} and wraps it with
 * the signer's {@code MultiAddress::Id} and {@code MultiSignature::Ed25519}.
 *
 * @param specVersion the runtime's spec version
 * @param transactionVersion the runtime's transaction version
 * @param genesisHash the chain's genesis hash
 */
public record ExtrinsicSigner(long specVersion, long transactionVersion, H256 genesisHash) {
    /** Returns an immortal signed extrinsic. */
    public UncheckedExtrinsic sign(Ed25519KeyPair key, Call call, long nonce, BigInteger tip) {
        return sign(key, call, nonce, tip, Era.IMMORTAL, genesisHash);
    }

    /**
     * Returns a signed extrinsic with the given era; {@code birthBlockHash} is the hash of the era's
     * birth block (the genesis hash for an immortal era).
     */
    public UncheckedExtrinsic sign(Ed25519KeyPair key, Call call, long nonce, BigInteger tip, Era era,
                                   H256 birthBlockHash) {
        SignedExtra extra = new SignedExtra(era, nonce, tip);
        AdditionalSigned additional = new AdditionalSigned(specVersion, transactionVersion, genesisHash, birthBlockHash);
        byte[] message = new SigningPayload(call, extra, additional).toSign();
        MultiSignature signature = MultiSignature.ed25519(key.sign(message).bytes());
        AccountId32 signer = AccountId32.of(key.publicKey().bytes());
        return UncheckedExtrinsic.signed(new ExtrinsicSignature(MultiAddress.id(signer), signature, extra), call);
    }
}
