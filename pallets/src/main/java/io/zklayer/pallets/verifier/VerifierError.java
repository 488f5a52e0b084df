package io.zklayer.pallets.verifier;

import io.zklayer.runtime.PalletError;

/** The errors of the Verifier pallet; the ordinal is the error index, fixed once released. */
public enum VerifierError implements PalletError {
    UNKNOWN_KEY("No verifying key with this id is registered."),
    KEY_ALREADY_REGISTERED("A key with the same bytes, hence the same id, is already registered: use that id."),
    MALFORMED_KEY("The key's points are invalid (a coordinate >= q, a point off its curve, a G2 point outside the "
            + "order-r subgroup) or alpha, beta, gamma or delta is the point at infinity."),
    MALFORMED_PROOF("The 256 proof bytes do not encode A in G1, B in G2, C in G1 (coordinate >= q, off curve, "
            + "B outside the subgroup)."),
    PUBLIC_SIGNAL_COUNT("The number of public signals differs from the key's."),
    INVALID_PROOF("The proof does not verify for these public signals: the pairing equation fails."),
    NOT_KEY_OWNER("Only the account that registered the key may remove it."),
    KEY_IN_USE("The key is used by a registered model and cannot be removed.");

    private final String docs;

    VerifierError(String docs) {
        this.docs = docs;
    }

    @Override
    public int palletIndex() {
        return VerifierPallet.INDEX;
    }

    @Override
    public String palletName() {
        return VerifierPallet.NAME;
    }

    @Override
    public String docs() {
        return docs;
    }
}
