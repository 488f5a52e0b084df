package io.zklayer.node.client;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocketHandshakeException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns the JDK's connection failures into one operator-facing message:
 * {@code cannot reach node at ws://127.0.0.1:9944: connection refused (is it running? --rpc-url)}.
 */
final class ConnectErrors {
    private ConnectErrors() {}

    /** Returns the {@link RpcClientException} for a failure to connect to or exchange with {@code url}. */
    static RpcClientException describe(URI url, Throwable failure, Duration connectTimeout) {
        Throwable cause = unwrap(failure);
        if (cause instanceof RpcClientException rpc) {
            return rpc;
        }
        String reason;
        if (cause instanceof ConnectException) {
            reason = "connection refused";
        } else if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
            reason = "unknown host '" + url.getHost() + "'";
        } else if (cause instanceof HttpTimeoutException) {
            reason = "no connection within " + connectTimeout.toSeconds() + " s";
        } else if (cause instanceof WebSocketHandshakeException handshake) {
            return RpcClientException.of(RpcClientException.Kind.UNREACHABLE, "cannot reach node at " + url
                    + ": not a WebSocket endpoint (HTTP status " + handshake.getResponse().statusCode() + ")", cause);
        } else {
            reason = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        }
        return RpcClientException.of(RpcClientException.Kind.UNREACHABLE,
                "cannot reach node at " + url + ": " + reason + " (is it running? --rpc-url)", cause);
    }

    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof RpcClientException) {
            return t;
        }
        // HttpClient wraps a refused connection as IOException(cause = ConnectException) on some paths.
        if (!(t instanceof ConnectException) && t.getCause() instanceof ConnectException connect) {
            return connect;
        }
        return t;
    }
}
