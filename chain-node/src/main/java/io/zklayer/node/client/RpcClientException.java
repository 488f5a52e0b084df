package io.zklayer.node.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A JSON-RPC call that did not give a result: either the node answered with a JSON-RPC error
 * ({@link Kind#RPC_ERROR}, with its {@link #code()}, {@link #rpcMessage()} and {@link #data()}), or
 * the call never got an answer (unreachable node, timeout, closed connection, malformed reply).
 *
 * <p>An unknown method answers {@code {"code":-32601,"message":"Method not found"}}: kind
 * {@code RPC_ERROR}, code {@code -32601}; the exception message is
 * {@code "rpc error -32601 from ws://127.0.0.1:9944: Method not found"}.
 */
public final class RpcClientException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the call has no result. */
    public enum Kind {
        /** The node answered with a JSON-RPC error object. */
        RPC_ERROR,
        /** No connection could be made (refused, unknown host, handshake refused). */
        UNREACHABLE,
        /** No answer within the timeout. */
        TIMEOUT,
        /** The connection closed before the answer came. */
        CONNECTION_CLOSED,
        /** The answer was not a JSON-RPC 2.0 response, or exceeded the size limit. */
        BAD_RESPONSE,
        /** The request is impossible on this transport (a subscription over HTTP). */
        UNSUPPORTED
    }

    private final Kind kind;
    private final int code;
    private final String rpcMessage;
    private final transient JsonNode data;

    private RpcClientException(Kind kind, String message, int code, String rpcMessage, JsonNode data, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.code = code;
        this.rpcMessage = rpcMessage;
        this.data = data;
    }

    /** Returns the exception for a JSON-RPC error object {@code {code, message, data?}} from {@code url}. */
    public static RpcClientException rpcError(String url, int code, String message, JsonNode data) {
        return new RpcClientException(Kind.RPC_ERROR, "rpc error " + code + " from " + url + ": " + message
                + (data == null || data.isNull() ? "" : " (" + data + ")"), code, message, data, null);
    }

    /** Returns an exception for a call without an answer; {@code message} says what happened. */
    public static RpcClientException of(Kind kind, String message, Throwable cause) {
        if (kind == Kind.RPC_ERROR) {
            throw new IllegalArgumentException("rpc client: an RPC_ERROR needs its code, use rpcError");
        }
        return new RpcClientException(kind, message, 0, message, null, cause);
    }

    /** Returns why the call has no result. */
    public Kind kind() {
        return kind;
    }

    /** Returns the JSON-RPC error code for {@link Kind#RPC_ERROR}, 0 otherwise. */
    public int code() {
        return code;
    }

    /** Returns the JSON-RPC error message for {@link Kind#RPC_ERROR}, else the description. */
    public String rpcMessage() {
        return rpcMessage;
    }

    /** Returns the JSON-RPC error's {@code data} member, when the node sent one. */
    public Optional<JsonNode> data() {
        return Optional.ofNullable(data).filter(d -> !d.isNull());
    }
}
