/**
 * The JSON-RPC 2.0 server of the node: HTTP POST and WebSocket on one port with Substrate's method
 * names, error codes and limits (request size, batch size, connections, subscriptions).
 */
package io.zklayer.node.rpc;
