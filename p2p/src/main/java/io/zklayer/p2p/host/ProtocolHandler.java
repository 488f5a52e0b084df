package io.zklayer.p2p.host;

/** Serves one protocol: called on the event loop for each inbound stream negotiated to it. */
@FunctionalInterface
public interface ProtocolHandler {
    /** Returns the handler for the stream's events. */
    StreamHandler onStream(Stream stream);
}
