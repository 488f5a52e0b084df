package io.zklayer.pallets.session;

import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleEnum;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.primitives.types.AccountId32;
import java.math.BigInteger;

/** The calls of the Session pallet, at fixed call indexes. */
public sealed interface SessionCall {
    /**
     * Registers {@code sessionKey} as a validator from the next epoch, reserving {@code bond} from the
     * signer (index 0). {@code proof} is the session key's ed25519 signature of
     * {@code "zklayer:session-key" ‖ signer} (19 + 32 bytes), so that nobody registers a key they do not hold.
     */
    record RegisterValidator(AccountId32 sessionKey, BigInteger bond, byte[] proof) implements SessionCall {
        public RegisterValidator {
            proof = proof.clone();
        }

        @Override
        public byte[] proof() {
            return proof.clone();
        }
    }

    /** Takes the signer's validator out of the set at the next epoch change, which unreserves its bond (index 1). */
    record Unregister() implements SessionCall {}

    /** SCALE codec: call index, then the arguments. */
    ScaleEnum<SessionCall> CODEC = ScaleEnum.<SessionCall>builder("SessionCall")
            .variant(0, "register_validator", RegisterValidator.class, ScaleRecord.of("register_validator",
                    ScaleRecord.field("session_key", AccountId32.CODEC, RegisterValidator::sessionKey),
                    ScaleRecord.field("bond", ScaleCodecs.COMPACT_U128, RegisterValidator::bond),
                    ScaleRecord.field("proof", ScaleCodecs.fixedBytes(64), RegisterValidator::proof),
                    RegisterValidator::new))
            .variant(1, "unregister", Unregister.class, ScaleCodecs.unit("unregister", new Unregister()))
            .build();
}
