/** JMH benchmarks of the p2p module: connection handshake, gossip throughput and latency, request-response. */
package io.zklayer.bench.p2p;
