/**
 * gossipsub v1.1: the RPC protobuf, StrictSign signing, message and seen caches, peer scoring and
 * the mesh router.
 */
package io.zklayer.p2p.gossip;
