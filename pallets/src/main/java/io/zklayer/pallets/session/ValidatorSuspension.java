package io.zklayer.pallets.session;

import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.primitives.types.AccountId32;
import java.util.Objects;

/**
 * A genesis validator (one without a registration, so without a bond to slash or take away) kept
 * out of the set after an offence: it is left out of every set fixed before epoch
 * {@code returnsAt} and put back into the set of that epoch.
 *
 * <p>SCALE {@code {session_key: AccountId32, returns_at: u64}}.
 *
 * @param sessionKey the validator's key
 * @param returnsAt the first epoch whose set holds it again
 */
public record ValidatorSuspension(AccountId32 sessionKey, long returnsAt) {
    /** SCALE codec. */
    public static final ScaleRecord<ValidatorSuspension> CODEC = ScaleRecord.of("ValidatorSuspension",
            ScaleRecord.field("session_key", AccountId32.CODEC, ValidatorSuspension::sessionKey),
            ScaleRecord.field("returns_at", ScaleCodecs.U64, ValidatorSuspension::returnsAt),
            ValidatorSuspension::new);

    /** Checks presence. */
    public ValidatorSuspension {
        Objects.requireNonNull(sessionKey, "sessionKey");
    }
}
