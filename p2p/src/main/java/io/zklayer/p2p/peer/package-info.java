/**
 * libp2p peer identities: Ed25519 host keys, the protobuf public-key encoding and peer ids
 * (identity multihashes in base58btc).
 */
package io.zklayer.p2p.peer;
