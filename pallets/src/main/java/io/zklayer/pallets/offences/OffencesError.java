package io.zklayer.pallets.offences;

import io.zklayer.runtime.PalletError;

/** The errors of the Offences pallet; the ordinal is the error index, fixed once released. */
public enum OffencesError implements PalletError {
    NOT_AN_EQUIVOCATION("The evidence holds the same block (or the same vote) twice."),
    SLOT_MISMATCH("A header of the evidence does not announce the evidence's slot."),
    INVALID_SIGNATURE("A seal or vote signature of the evidence is not the offender's (for that header, or that "
            + "vote in that round and set)."),
    UNKNOWN_EPOCH("The evidence is from an epoch (or authority set) older than the kept history, from a later "
            + "epoch than the current one, or about the genesis block."),
    NOT_IN_VALIDATOR_SET("The offender was not a validator in the epoch (or authority set) of the evidence."),
    DUPLICATE_REPORT("This offence has already been reported."),
    TOO_MANY_REPORTS("This epoch already holds MaxReportsPerEpoch reports; report again in the next epoch.");

    private final String docs;

    OffencesError(String docs) {
        this.docs = docs;
    }

    @Override
    public int palletIndex() {
        return OffencesPallet.INDEX;
    }

    @Override
    public String palletName() {
        return OffencesPallet.NAME;
    }

    @Override
    public String docs() {
        return docs;
    }
}
