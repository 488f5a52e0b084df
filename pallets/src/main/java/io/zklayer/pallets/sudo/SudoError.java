package io.zklayer.pallets.sudo;

import io.zklayer.runtime.PalletError;

/** The errors of the Sudo pallet. */
public enum SudoError implements PalletError {
    REQUIRE_SUDO("Sender must be the Sudo account.");

    private final String docs;

    SudoError(String docs) {
        this.docs = docs;
    }

    @Override
    public int palletIndex() {
        return SudoPallet.INDEX;
    }

    @Override
    public String palletName() {
        return SudoPallet.NAME;
    }

    @Override
    public String docs() {
        return docs;
    }
}
