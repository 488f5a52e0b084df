package io.zklayer.pallets.balances;

import io.zklayer.runtime.PalletError;

/** The errors of the Balances pallet; the ordinal is the error index (Substrate's order). */
public enum BalancesError implements PalletError {
    VESTING_BALANCE("Vesting balance too high to send value."),
    LIQUIDITY_RESTRICTIONS("Account liquidity restrictions prevent withdrawal (a lock)."),
    INSUFFICIENT_BALANCE("Balance too low to send value."),
    EXISTENTIAL_DEPOSIT("Value too low to create account due to existential deposit."),
    EXPENDABILITY("Transfer/payment would kill account."),
    EXISTING_VESTING_SCHEDULE("A vesting schedule already exists for this account."),
    DEAD_ACCOUNT("Beneficiary account must pre-exist."),
    TOO_MANY_RESERVES("Number of named reserves exceed MaxReserves."),
    TOO_MANY_HOLDS("Number of holds exceed MaxHolds."),
    TOO_MANY_FREEZES("Number of freezes exceed MaxFreezes."),
    ISSUANCE_DEACTIVATED("The issuance cannot be modified since it is already deactivated."),
    DELTA_ZERO("The delta cannot be zero.");

    private final String docs;

    BalancesError(String docs) {
        this.docs = docs;
    }

    @Override
    public int palletIndex() {
        return BalancesPallet.INDEX;
    }

    @Override
    public String palletName() {
        return BalancesPallet.NAME;
    }

    @Override
    public String docs() {
        return docs;
    }
}
