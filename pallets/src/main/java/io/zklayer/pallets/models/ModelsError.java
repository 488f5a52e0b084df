package io.zklayer.pallets.models;

import io.zklayer.runtime.PalletError;

/**
 * The errors of the Models pallet; the ordinal is the error index, fixed once released. A model's
 * verifying key that is not a valid key fails with the verifier's {@code Verifier.MalformedKey}.
 */
public enum ModelsError implements PalletError {
    INVALID_NAME("The name is empty, longer than MaxNameLength, or uses characters other than a-z, 0-9, '-', '_', '.'."),
    DESCRIPTION_TOO_LONG("The description is longer than MaxDescriptionLength bytes."),
    NAME_TAKEN("Another account registered a model under this name; only that account adds versions of it."),
    CODE_TOO_LARGE("The public Wasm code is larger than MaxCodeSize bytes."),
    INVALID_WASM_CODE("The public Wasm code breaks the contract rules (malformed, floats, imports, memory, entry point)."),
    ZERO_COMPUTE_UNITS("An inference must take at least one compute unit."),
    KEY_SIGNAL_MISMATCH("The verifying key does not take the model circuit's public signals: output signals + 2."),
    UNKNOWN_MODEL("No model with this id is registered."),
    NOT_OWNER("Only the account that registered the model may do this."),
    MODEL_DEPRECATED("The model is deprecated: it takes no new workloads or backtests and cannot be deprecated again."),
    NO_CASES("A backtest needs at least one case."),
    TOO_MANY_CASES("A backtest may hold at most MaxBacktestCases cases."),
    DUPLICATE_CASE("An input commitment appears twice in the backtest or was backtested on this model before."),
    INVALID_LABEL("A label names a class the model does not have."),
    MALFORMED_OUTPUT("A claimed output is not a valid output of the model (length, encoding, class out of range)."),
    INVALID_PROOF("A case's proof does not verify for its output, the model's weight commitment and its input commitment.");

    private final String docs;

    ModelsError(String docs) {
        this.docs = docs;
    }

    @Override
    public int palletIndex() {
        return ModelsPallet.INDEX;
    }

    @Override
    public String palletName() {
        return ModelsPallet.NAME;
    }

    @Override
    public String docs() {
        return docs;
    }
}
