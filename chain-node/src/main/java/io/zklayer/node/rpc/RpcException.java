package io.zklayer.node.rpc;

/**
 * An expected failure of an RPC call, answered to the client as a JSON-RPC error object:
 * {@code {"code": -32602, "message": "Invalid params", "data": "parameter 0 (hash): not hex"}}.
 */
public final class RpcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final RpcErrorCode code;
    private final String customMessage;
    private final transient Object data;

    /** Creates an error with the code's standard message and {@code data} saying what went wrong. */
    public RpcException(RpcErrorCode code, Object data) {
        this(code, code.message(), data);
    }

    /** Creates an error with a custom message (Substrate uses these for 1010 reasons). */
    public RpcException(RpcErrorCode code, String message, Object data) {
        super(message + (data == null ? "" : ": " + data));
        this.code = code;
        this.customMessage = message;
        this.data = data;
    }

    /** Returns an invalid-params error naming the parameter. */
    public static RpcException invalidParam(int index, String name, String problem) {
        return new RpcException(RpcErrorCode.INVALID_PARAMS, "parameter " + index + " (" + name + "): " + problem);
    }

    /** Returns the error code. */
    public RpcErrorCode code() {
        return code;
    }

    /** Returns the message sent on the wire. */
    public String wireMessage() {
        return customMessage;
    }

    /** Returns the error's data field, or null. */
    public Object data() {
        return data;
    }
}
