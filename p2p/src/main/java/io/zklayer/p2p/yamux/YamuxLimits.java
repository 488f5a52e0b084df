package io.zklayer.p2p.yamux;

/**
 * Resource limits of one yamux session.
 *
 * @param maxStreams most open streams at a time; a SYN beyond it is answered with RST
 * @param maxSendQueueBytes most bytes queued on one stream awaiting the peer's window, beyond which
 *     the stream is reset
 */
public record YamuxLimits(int maxStreams, long maxSendQueueBytes) {
    /** The defaults: 256 streams, 4 MiB queued per stream. */
    public static YamuxLimits defaults() {
        return new YamuxLimits(256, 4L * 1024 * 1024);
    }
}
