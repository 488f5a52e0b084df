package io.zklayer.pallets.session;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleEnum;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.primitives.types.AccountId32;
import java.math.BigInteger;

/**
 * A validator registered by an account (its controller) with {@code register_validator}: the session key
 * that authors and votes, the bond reserved from the controller, and where it stands. Genesis validators
 * have no registration.
 *
 * <p>SCALE {@code {session_key: AccountId32, bond: u128, status: enum {Pending, Active, Leaving}, since: u64}}.
 *
 * @param sessionKey the ed25519 public key that authors blocks and signs votes
 * @param bond the amount reserved from the controller
 * @param status pending (joins at the next epoch change), active, or leaving (leaves at the next one)
 * @param since the epoch in which the status was set
 */
public record ValidatorRegistration(AccountId32 sessionKey, BigInteger bond, Status status, long since) {
    /** Where a registered validator stands. */
    public enum Status {
        /** Registered this epoch; in the set from the next epoch. */
        PENDING,
        /** In the set. */
        ACTIVE,
        /** Unregistered this epoch; out of the set, and its bond unreserved, from the next epoch. */
        LEAVING
    }

    /** SCALE codec of the status: Pending 0, Active 1, Leaving 2. */
    public static final ScaleCodec<Status> STATUS_CODEC = ScaleEnum.ofUnitEnum("ValidatorStatus", Status.class,
            Status::ordinal);

    /** SCALE codec. */
    public static final ScaleCodec<ValidatorRegistration> CODEC = ScaleRecord.of("ValidatorRegistration",
            ScaleRecord.field("session_key", AccountId32.CODEC, ValidatorRegistration::sessionKey),
            ScaleRecord.field("bond", ScaleCodecs.U128, ValidatorRegistration::bond),
            ScaleRecord.field("status", STATUS_CODEC, ValidatorRegistration::status),
            ScaleRecord.field("since", ScaleCodecs.U64, ValidatorRegistration::since), ValidatorRegistration::new);

    /** Returns a copy with another status, set in epoch {@code epoch}. */
    public ValidatorRegistration with(Status next, long epoch) {
        return new ValidatorRegistration(sessionKey, bond, next, epoch);
    }
}
