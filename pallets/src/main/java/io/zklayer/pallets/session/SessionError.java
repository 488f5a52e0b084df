package io.zklayer.pallets.session;

import io.zklayer.runtime.PalletError;

/** The errors of the Session pallet; the ordinal is the error index, fixed once released. */
public enum SessionError implements PalletError {
    INVALID_KEY_PROOF("The proof is not the session key's ed25519 signature of \"zklayer:session-key\" ++ the "
            + "registering account."),
    KEY_IN_USE("The session key is already a validator's, or registered by another account."),
    ALREADY_REGISTERED("The account has already registered a validator."),
    BOND_TOO_LOW("The bond is below MinValidatorBond."),
    TOO_MANY_VALIDATORS("The next epoch's set (active, not leaving, plus pending) is already at MaxValidators."),
    NOT_REGISTERED("The account has registered no validator."),
    ALREADY_LEAVING("The validator has already unregistered; it leaves at the next epoch change.");

    private final String docs;

    SessionError(String docs) {
        this.docs = docs;
    }

    @Override
    public int palletIndex() {
        return SessionPallet.INDEX;
    }

    @Override
    public String palletName() {
        return SessionPallet.NAME;
    }

    @Override
    public String docs() {
        return docs;
    }
}
