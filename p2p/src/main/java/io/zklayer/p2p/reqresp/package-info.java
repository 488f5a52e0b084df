/** Request-response protocols: one length-prefixed request and response per stream, bounded and timed. */
package io.zklayer.p2p.reqresp;
