package io.zklayer.p2p.reqresp;

/**
 * Bounds of one request-response protocol.
 *
 * @param maxRequestBytes longest request accepted (and sent)
 * @param maxResponseBytes longest response accepted (and sent)
 * @param timeoutMillis most time from opening the stream to the whole response
 */
public record RequestResponseLimits(int maxRequestBytes, int maxResponseBytes, long timeoutMillis) {
    /** Returns 1 MiB requests, 16 MiB responses, 10 s. */
    public static RequestResponseLimits defaults() {
        return new RequestResponseLimits(1 << 20, 16 << 20, 10_000);
    }
}
