package io.zklayer.pallets.pools;

import io.zklayer.runtime.PalletError;

/** The errors of the Pools pallet; the ordinal is the error index. */
public enum PoolsError implements PalletError {
    ALREADY_REGISTERED("The account is already registered as a node (or is still leaving)."),
    NOT_REGISTERED("The account is not a registered node."),
    ALREADY_LEAVING("The node has already deregistered; it leaves at the next epoch."),
    NO_MODELS("A node must serve at least one model."),
    TOO_MANY_MODELS("A node lists more models than MaxModelsPerNode."),
    DUPLICATE_MODEL("The model list names a model twice."),
    UNKNOWN_MODEL("A listed model is not registered or no longer accepts nodes."),
    ZERO_CAPACITY("Compute units per epoch must be at least 1."),
    CAPACITY_TOO_LARGE("Compute units per epoch exceed MaxComputeUnitsPerEpoch."),
    BOND_TOO_LOW("The bond is below MinBond."),
    TOO_MANY_NODES("The pools already hold MaxNodes nodes."),
    NOTHING_TO_WITHDRAW("No unbonding chunk has reached its unlock epoch.");

    private final String docs;

    PoolsError(String docs) {
        this.docs = docs;
    }

    @Override
    public int palletIndex() {
        return PoolsPallet.INDEX;
    }

    @Override
    public String palletName() {
        return PoolsPallet.NAME;
    }

    @Override
    public String docs() {
        return docs;
    }
}
