/**
 * A JSON-RPC 2.0 client of a ZKLayer (or any Substrate-style) node, for the CLI's {@code rpc} and
 * transaction subcommands, the pool worker, and tests: {@link io.zklayer.node.client.RpcClient} over
 * WebSocket or HTTP (by URL scheme) with typed errors ({@link io.zklayer.node.client.RpcClientException})
 * and WebSocket subscriptions ({@link io.zklayer.node.client.RpcSubscription}).
 *
 * <p>Built on the JDK's {@code java.net.http} only, so it has no Netty threads of its own and works
 * in any process. Nothing here knows chain types: results are Jackson trees.
 */
package io.zklayer.node.client;
