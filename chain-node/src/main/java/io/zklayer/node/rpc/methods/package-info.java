/** The node's JSON-RPC methods, one small class per namespace, with Substrate's names and JSON shapes. */
package io.zklayer.node.rpc.methods;
