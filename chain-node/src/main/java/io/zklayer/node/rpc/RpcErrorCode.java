package io.zklayer.node.rpc;

/**
 * The JSON-RPC error codes the node answers with: those of JSON-RPC 2.0, those of the jsonrpsee
 * server Substrate uses (limits), and Substrate's author errors (1010, 1011).
 */
public enum RpcErrorCode {
    PARSE_ERROR(-32700, "Parse error"),
    INVALID_REQUEST(-32600, "Invalid request"),
    METHOD_NOT_FOUND(-32601, "Method not found"),
    INVALID_PARAMS(-32602, "Invalid params"),
    INTERNAL_ERROR(-32603, "Internal error"),
    UNKNOWN_ERROR(-32001, "Unknown error"),
    TOO_MANY_SUBSCRIPTIONS(-32006, "Too many subscriptions on the connection"),
    OVERSIZED_REQUEST(-32007, "Request is too big"),
    SERVER_IS_BUSY(-32009, "Server is busy, try again later"),
    TOO_BIG_BATCH_REQUEST(-32010, "The batch request was too large"),
    /** Substrate: the extrinsic bytes do not decode. */
    BAD_FORMAT(1001, "Extrinsic has invalid format"),
    /** Substrate: the transaction is invalid (bad signature, nonce, payment, call). */
    INVALID_TRANSACTION(1010, "Invalid Transaction"),
    /** Substrate: the transaction validity could not be determined. */
    UNKNOWN_TRANSACTION(1011, "Unknown Transaction Validity"),
    /** Substrate: the transaction was found invalid recently and is banned for a while. */
    TEMPORARILY_BANNED(1012, "The transaction is temporarily banned"),
    /** Substrate: the pool already has this transaction. */
    ALREADY_IMPORTED(1013, "Transaction Already Imported"),
    /** Substrate: the pool is full or the priority too low to replace another. */
    POOL_PRIORITY_TOO_LOW(1014, "Priority is too low"),
    /** Substrate: the pool is full. */
    IMMEDIATELY_DROPPED(1016, "Immediately Dropped"),
    /** Substrate state errors: the block or key asked for is not available. */
    STATE_ERROR(4003, "State error");

    private final int code;
    private final String message;

    RpcErrorCode(int code, String message) {
        this.code = code;
        this.message = message;
    }

    /** Returns the numeric code sent on the wire. */
    public int code() {
        return code;
    }

    /** Returns the standard message for this code. */
    public String message() {
        return message;
    }
}
