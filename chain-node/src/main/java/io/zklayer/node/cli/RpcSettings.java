package io.zklayer.node.cli;

/**
 * The JSON-RPC server settings of {@code --rpc-*}, with {@code --rpc-methods auto} already resolved.
 *
 * <p>Sizes are given in MiB as Substrate takes them; {@link #maxRequestBytes()} and
 * {@link #maxResponseBytes()} convert ({@code 15} MiB → {@code 15728640} bytes).
 *
 * @param port the TCP port for HTTP and WebSocket (9944)
 * @param external whether to listen on all interfaces (0.0.0.0) instead of 127.0.0.1
 * @param methods the policy the operator asked for
 * @param allowUnsafe whether unsafe methods are answered, after resolving {@code auto}
 * @param maxConnections the most simultaneous connections (100)
 * @param maxRequestSizeMib the largest request in MiB (15)
 * @param maxResponseSizeMib the largest response in MiB (15)
 * @param maxSubscriptionsPerConnection the most live subscriptions per WebSocket connection (1024)
 */
public record RpcSettings(int port, boolean external, RpcMethodsPolicy methods, boolean allowUnsafe, int maxConnections,
                          int maxRequestSizeMib, int maxResponseSizeMib, int maxSubscriptionsPerConnection) {
    /** Substrate's default RPC port. */
    public static final int DEFAULT_PORT = 9944;
    /** Default connection limit. */
    public static final int DEFAULT_MAX_CONNECTIONS = 100;
    /** Default request and response limit, in MiB. */
    public static final int DEFAULT_MAX_SIZE_MIB = 15;
    /** Default subscriptions per connection. */
    public static final int DEFAULT_MAX_SUBSCRIPTIONS = 1024;
    /** The largest size limit, in MiB, so that the byte count fits an {@code int}. */
    public static final int MAX_SIZE_MIB = 2047;

    /** Checks every value against the rule its flag states. */
    public RpcSettings {
        InvalidConfigException.checkPort("--rpc-port", port);
        if (methods == null) {
            throw new InvalidConfigException("--rpc-methods must be auto, safe or unsafe");
        }
        InvalidConfigException.checkRange("--rpc-max-connections", maxConnections, 1, 1_000_000, "");
        InvalidConfigException.checkRange("--rpc-max-request-size", maxRequestSizeMib, 1, MAX_SIZE_MIB, " MiB");
        InvalidConfigException.checkRange("--rpc-max-response-size", maxResponseSizeMib, 1, MAX_SIZE_MIB, " MiB");
        InvalidConfigException.checkRange("--rpc-max-subscriptions-per-connection", maxSubscriptionsPerConnection,
                1, 1_000_000, "");
        if (methods == RpcMethodsPolicy.SAFE && allowUnsafe) {
            throw new IllegalArgumentException("rpc: --rpc-methods safe cannot allow unsafe methods");
        }
        if (methods == RpcMethodsPolicy.UNSAFE && !allowUnsafe) {
            throw new IllegalArgumentException("rpc: --rpc-methods unsafe must allow unsafe methods");
        }
    }

    /** Returns the interface to bind: {@code 0.0.0.0} with {@code --rpc-external}, else {@code 127.0.0.1}. */
    public String host() {
        return external ? "0.0.0.0" : "127.0.0.1";
    }

    /** Returns the request limit in bytes. */
    public int maxRequestBytes() {
        return maxRequestSizeMib << 20;
    }

    /** Returns the response limit in bytes. */
    public int maxResponseBytes() {
        return maxResponseSizeMib << 20;
    }
}
