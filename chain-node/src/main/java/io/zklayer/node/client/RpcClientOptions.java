package io.zklayer.node.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of an {@link RpcClient}.
 *
 * @param connectTimeout how long to wait for the TCP connection and WebSocket handshake
 * @param callTimeout how long the blocking {@link RpcClient#call(String, Object...)} waits for an answer
 * @param maxMessageBytes the largest response or notification accepted (in UTF-16 chars for
 *     WebSocket text, bytes for HTTP bodies); larger ones close the connection as a bad response
 * @param maxEarlyNotifications how many notifications to hold for subscription ids whose subscribe
 *     reply has not arrived yet; the oldest are dropped beyond that
 * @param pingInterval how often a WebSocket client pings the node; a ping without pong by the next
 *     tick ends the connection, so a node that vanished without a close frame is noticed within two
 *     intervals (the JDK's WebSocket does not always report a bare TCP close)
 */
public record RpcClientOptions(Duration connectTimeout, Duration callTimeout, int maxMessageBytes,
                               int maxEarlyNotifications, Duration pingInterval) {
    /** Checks that the durations and limits are positive. */
    public RpcClientOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(pingInterval, "pingInterval");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || callTimeout.isNegative() || callTimeout.isZero()
                || pingInterval.isNegative() || pingInterval.isZero()) {
            throw new IllegalArgumentException("rpc client: timeouts must be positive");
        }
        if (maxMessageBytes < 1024 || maxEarlyNotifications < 0) {
            throw new IllegalArgumentException("rpc client: maxMessageBytes must be ≥ 1024 and maxEarlyNotifications ≥ 0");
        }
    }

    /**
     * Returns the defaults: 10 s to connect, 30 s per call, 16 MiB messages (above the node's 15 MiB),
     * 1024 early notifications, a ping every 15 s.
     */
    public static RpcClientOptions defaults() {
        return new RpcClientOptions(Duration.ofSeconds(10), Duration.ofSeconds(30), 16 << 20, 1024, Duration.ofSeconds(15));
    }

    /** Returns these options with another call timeout. */
    public RpcClientOptions withCallTimeout(Duration timeout) {
        return new RpcClientOptions(connectTimeout, timeout, maxMessageBytes, maxEarlyNotifications, pingInterval);
    }

    /** Returns these options with another ping interval. */
    public RpcClientOptions withPingInterval(Duration interval) {
        return new RpcClientOptions(connectTimeout, callTimeout, maxMessageBytes, maxEarlyNotifications, interval);
    }
}
