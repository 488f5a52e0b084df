package io.zklayer.pallets.session;

import io.zklayer.primitives.types.AccountId32;
import java.math.BigInteger;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What punishing a validator for an offence did ({@link SessionPallet#punish}): the bond slashed
 * from its controller (none for genesis validators, which have no bond), and how it leaves the
 * set.
 *
 * @param controller the account whose bond was slashed, or null for a validator with no registration
 * @param slashed the amount taken from the bond (reward included)
 * @param reward the part of {@code slashed} paid to the reporter
 * @param toTreasury whether the rest went to the treasury (false: it was burned, the treasury account
 *     not existing yet and the rest being below the existential deposit)
 * @param removal how the validator leaves the set
 * @param outFrom the first epoch whose set no longer holds it (when {@code removal} removes it)
 * @param returnsAt the epoch whose set holds it again (suspended genesis validators only)
 */
public record ValidatorPenalty(AccountId32 controller, BigInteger slashed, BigInteger reward, boolean toTreasury,
                               Removal removal, long outFrom, OptionalLong returnsAt) {
    /** How the validator leaves the set. */
    public enum Removal {
        /** A registered, active validator: it leaves at the next epoch change, with what is left of its bond. */
        LEAVES,
        /** A registration still pending: withdrawn at once, with what is left of its bond. */
        WITHDRAWN,
        /** A registered validator that had already unregistered: it leaves at the next change anyway. */
        ALREADY_LEAVING,
        /** A genesis validator: out of the next epoch's set, back in the one after. */
        SUSPENDED,
        /** Neither in the set nor registered any more: nothing to remove. */
        NOT_A_VALIDATOR
    }

    /** Checks presence. */
    public ValidatorPenalty {
        Objects.requireNonNull(slashed, "slashed");
        Objects.requireNonNull(reward, "reward");
        Objects.requireNonNull(removal, "removal");
        Objects.requireNonNull(returnsAt, "returnsAt");
    }
}
