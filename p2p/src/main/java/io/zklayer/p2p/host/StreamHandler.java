package io.zklayer.p2p.host;

/**
 * Receives one stream's events on the connection's event loop. Implementations must not block;
 * long work is handed to another executor.
 */
public interface StreamHandler {
    /** Called with bytes the peer sent, in order. */
    void onData(Stream stream, byte[] data);

    /** Called when the peer half-closed its side (no more data will come). */
    default void onRemoteClose(Stream stream) {}

    /** Called once when the stream ends, by reset, full close or connection loss. */
    default void onClosed(Stream stream) {}
}
