package io.zklayer.node.rpc;

/**
 * Limits and address of the JSON-RPC server.
 *
 * @param host the interface to bind: 127.0.0.1 by default, 0.0.0.0 with {@code --rpc-external}
 * @param port the TCP port (9944 by default; 0 picks a free one)
 * @param maxRequestBytes the largest request body or WebSocket message accepted
 * @param maxResponseBytes the largest reply sent; larger replies become an error
 * @param maxConnections the most simultaneous connections
 * @param maxSubscriptionsPerConnection the most live subscriptions per WebSocket connection
 * @param maxBatch the most calls in one batch
 * @param allowUnsafe whether unsafe methods are answered
 */
public record RpcServerConfig(String host, int port, int maxRequestBytes, int maxResponseBytes, int maxConnections,
                              int maxSubscriptionsPerConnection, int maxBatch, boolean allowUnsafe) {
    /** Substrate's default port for HTTP and WebSocket JSON-RPC. */
    public static final int DEFAULT_PORT = 9944;

    /** Validates the limits. */
    public RpcServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("rpc port must be 0…65535, got " + port);
        }
        if (maxRequestBytes < 1024 || maxResponseBytes < 1024 || maxConnections < 1
                || maxSubscriptionsPerConnection < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("rpc limits must be positive (request and response at least 1 KiB)");
        }
    }

    /** Returns the defaults on 127.0.0.1: 15 MiB requests and responses like Substrate, 100 connections. */
    public static RpcServerConfig localDefaults(int port) {
        return new RpcServerConfig("127.0.0.1", port, 15 << 20, 15 << 20, 100, 1024, 1000, true);
    }
}
