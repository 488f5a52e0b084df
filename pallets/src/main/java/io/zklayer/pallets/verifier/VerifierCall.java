package io.zklayer.pallets.verifier;

import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleEnum;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.primitives.types.H256;
import io.zklayer.zk.field.Fr;
import java.util.List;

/**
 * The calls of the Verifier pallet, at fixed call indexes. The proof travels as its raw 256 bytes and is
 * decoded when the call runs, so a proof with a point off the curve is a dispatch error
 * ({@code MalformedProof}) like any other bad proof; public signals must decode as field elements below r.
 */
public sealed interface VerifierCall {
    /** Registers a verifying key, reserving the key deposit (index 0). */
    record RegisterKey(EncodedVerifyingKey key) implements VerifierCall {}

    /** Verifies a proof against a registered key and emits {@code ProofVerified} (index 1). */
    record Verify(H256 keyId, byte[] proof, List<Fr> publicSignals) implements VerifierCall {
        public Verify {
            proof = proof.clone();
            publicSignals = List.copyOf(publicSignals);
        }

        @Override
        public byte[] proof() {
            return proof.clone();
        }
    }

    /** Removes a key the signer registered and returns its deposit (index 2). */
    record RemoveKey(H256 keyId) implements VerifierCall {}

    /** SCALE codec: call index, then the arguments. */
    ScaleEnum<VerifierCall> CODEC = ScaleEnum.<VerifierCall>builder("VerifierCall")
            .variant(0, "register_key", RegisterKey.class, ScaleRecord.of("register_key",
                    ScaleRecord.field("key", EncodedVerifyingKey.CODEC, RegisterKey::key), RegisterKey::new))
            .variant(1, "verify", Verify.class, ScaleRecord.of("verify",
                    ScaleRecord.field("key_id", H256.CODEC, Verify::keyId),
                    ScaleRecord.field("proof", ScaleCodecs.fixedBytes(256), Verify::proof),
                    ScaleRecord.field("public_signals", PublicSignals.LIST, Verify::publicSignals), Verify::new))
            .variant(2, "remove_key", RemoveKey.class, ScaleRecord.of("remove_key",
                    ScaleRecord.field("key_id", H256.CODEC, RemoveKey::keyId), RemoveKey::new))
            .build();
}
