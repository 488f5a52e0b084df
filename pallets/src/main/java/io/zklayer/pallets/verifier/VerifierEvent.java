package io.zklayer.pallets.verifier;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleEnum;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.H256;
import io.zklayer.runtime.PalletEvent;
import io.zklayer.zk.field.Fr;
import java.math.BigInteger;
import java.util.List;

/** The events of the Verifier pallet, at fixed event indexes. */
public sealed interface VerifierEvent extends PalletEvent {
    /**
     * A verifying key was registered (index 0). {@code deposit} is reserved from the owner until the key
     * is removed; keys registered by the models pallet carry none (the model's fee covers them).
     */
    record KeyRegistered(H256 keyId, AccountId32 owner, long publicInputs, BigInteger deposit) implements VerifierEvent {}

    /** A proof submitted with {@code verify} was checked and holds for the public signals (index 1). */
    record ProofVerified(AccountId32 who, H256 keyId, List<Fr> publicSignals) implements VerifierEvent {
        public ProofVerified {
            publicSignals = List.copyOf(publicSignals);
        }
    }

    /** A key was removed and its deposit returned (index 2). */
    record KeyRemoved(H256 keyId, AccountId32 owner, BigInteger depositReturned) implements VerifierEvent {}

    /** SCALE codec: event index, then the fields. */
    ScaleEnum<VerifierEvent> CODEC = ScaleEnum.<VerifierEvent>builder("VerifierEvent")
            .variant(0, "KeyRegistered", KeyRegistered.class, ScaleRecord.of("KeyRegistered",
                    ScaleRecord.field("key_id", H256.CODEC, KeyRegistered::keyId),
                    ScaleRecord.field("owner", AccountId32.CODEC, KeyRegistered::owner),
                    ScaleRecord.field("public_inputs", ScaleCodecs.U32, KeyRegistered::publicInputs),
                    ScaleRecord.field("deposit", ScaleCodecs.U128, KeyRegistered::deposit), KeyRegistered::new))
            .variant(1, "ProofVerified", ProofVerified.class, ScaleRecord.of("ProofVerified",
                    ScaleRecord.field("who", AccountId32.CODEC, ProofVerified::who),
                    ScaleRecord.field("key_id", H256.CODEC, ProofVerified::keyId),
                    ScaleRecord.field("public_signals", PublicSignals.LIST, ProofVerified::publicSignals),
                    ProofVerified::new))
            .variant(2, "KeyRemoved", KeyRemoved.class, ScaleRecord.of("KeyRemoved",
                    ScaleRecord.field("key_id", H256.CODEC, KeyRemoved::keyId),
                    ScaleRecord.field("owner", AccountId32.CODEC, KeyRemoved::owner),
                    ScaleRecord.field("deposit_returned", ScaleCodecs.U128, KeyRemoved::depositReturned),
                    KeyRemoved::new))
            .build();

    /** One line of docs per event, for the runtime description. */
    static String docs(String name) {
        return switch (name) {
            case "KeyRegistered" -> "A verifying key was registered under its id (blake2b-256 of its SCALE bytes).";
            case "ProofVerified" -> "A proof was verified against a registered key for the given public signals.";
            case "KeyRemoved" -> "A verifying key was removed by its owner and the deposit returned.";
            default -> "Verifier event " + name + ".";
        };
    }

    @Override
    default int palletIndex() {
        return VerifierPallet.INDEX;
    }

    @Override
    default byte[] encode() {
        return CODEC.encode(this);
    }
}
