/** multistream-select 1.0: protocol negotiation on connections and streams. */
package io.zklayer.p2p.mss;
