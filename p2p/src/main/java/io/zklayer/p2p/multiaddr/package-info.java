/** Multiaddrs: self-describing network addresses in text and binary form. */
package io.zklayer.p2p.multiaddr;
