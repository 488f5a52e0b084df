/** The yamux stream multiplexer: streams, flow-control windows, ping and go-away. */
package io.zklayer.p2p.yamux;
