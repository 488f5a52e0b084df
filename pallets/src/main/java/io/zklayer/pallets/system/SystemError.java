package io.zklayer.pallets.system;

import io.zklayer.runtime.PalletError;

/** The errors of the System pallet; the ordinal is the error index (Substrate's order). */
public enum SystemError implements PalletError {
    INVALID_SPEC_NAME("The name of the new runtime is not the chain's."),
    SPEC_VERSION_NEEDS_TO_INCREASE("The new runtime's spec version must be higher."),
    FAILED_TO_EXTRACT_RUNTIME_VERSION("The new runtime's version could not be read."),
    NON_DEFAULT_COMPOSITE("Suicide called when the account has non-default composite data."),
    NON_ZERO_REF_COUNT("There is a non-zero reference count preventing the account from being purged."),
    CALL_FILTERED("The origin filter prevents the call.");

    private final String docs;

    SystemError(String docs) {
        this.docs = docs;
    }

    @Override
    public int palletIndex() {
        return SystemPallet.INDEX;
    }

    @Override
    public String palletName() {
        return SystemPallet.NAME;
    }

    @Override
    public String docs() {
        return docs;
    }
}
