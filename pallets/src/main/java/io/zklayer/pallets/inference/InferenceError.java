package io.zklayer.pallets.inference;

import io.zklayer.runtime.PalletError;

/** The errors of the Inference pallet; the ordinal is the error index. */
public enum InferenceError implements PalletError {
    UNKNOWN_MODEL("The model is not registered or is deprecated."),
    WRONG_INPUT_SIZE("The input does not have as many bytes as the model's input shape."),
    INPUT_OUT_OF_RANGE("An input value lies outside the model's input range."),
    INPUT_REQUIRED("A public model runs on chain and needs the input itself, not a commitment."),
    INVALID_INPUT_COMMITMENT("The input commitment is not a field element below the BN254 scalar modulus."),
    BAD_DEADLINE("The deadline is outside MinDeadline..MaxDeadline blocks."),
    PRICE_TOO_LOW("The maximum price is below the model's price (or the gas limit's cost for an on-chain model)."),
    QUEUE_FULL("The workload queue holds MaxQueueLength workloads."),
    UNKNOWN_WORKLOAD("No workload has this id."),
    NOT_AWAITING_RESULT("The workload is not assigned: queued, already completed or refunded."),
    NOT_ASSIGNED_NODE("Only the node the workload is assigned to may submit its result."),
    DEADLINE_PASSED("The result comes after the workload's deadline."),
    BAD_OUTPUT("The output is not a valid encoding of the model's output."),
    PROOF_UNVERIFIABLE("The model's verifying key is missing or takes another number of public signals.");

    private final String docs;

    InferenceError(String docs) {
        this.docs = docs;
    }

    @Override
    public int palletIndex() {
        return InferencePallet.INDEX;
    }

    @Override
    public String palletName() {
        return InferencePallet.NAME;
    }

    @Override
    public String docs() {
        return docs;
    }
}
