/**
 * Wire building blocks shared by the libp2p protocols: unsigned-varint, length-prefixed message
 * framing and protobuf helpers, with bounded decoding.
 */
package io.zklayer.p2p.wire;
