package io.zklayer.p2p.yamux;

/**
 * Yamux frame header constants: every frame starts with 12 bytes {@code version u8 (0) ‖ type u8 ‖
 * flags u16 ‖ stream id u32 ‖ length u32}, big-endian.
 *
 * <p>A data frame of 3 bytes on stream 1 with SYN: {@code 00 00 0001 00000001 00000003 ‖ data}.
 * For window updates {@code length} is the window delta, for pings an opaque value echoed back,
 * for go-away the error code.
 */
public final class YamuxFrame {
    /** Header length in bytes. */
    public static final int HEADER_LENGTH = 12;
    /** Data frame: {@code length} payload bytes follow. */
    public static final int TYPE_DATA = 0;
    /** Window update: {@code length} is added to the send window. */
    public static final int TYPE_WINDOW_UPDATE = 1;
    /** Ping on stream 0. */
    public static final int TYPE_PING = 2;
    /** Session termination. */
    public static final int TYPE_GO_AWAY = 3;
    /** Opens a stream. */
    public static final int FLAG_SYN = 1;
    /** Acknowledges a stream open or a ping. */
    public static final int FLAG_ACK = 2;
    /** Half-closes a stream. */
    public static final int FLAG_FIN = 4;
    /** Resets a stream. */
    public static final int FLAG_RST = 8;
    /** Go-away code: normal termination. */
    public static final int GO_AWAY_NORMAL = 0;
    /** Go-away code: protocol error. */
    public static final int GO_AWAY_PROTOCOL_ERROR = 1;
    /** Go-away code: internal error. */
    public static final int GO_AWAY_INTERNAL_ERROR = 2;
    /** The initial stream window of the yamux spec, 256 KiB. */
    public static final int INITIAL_WINDOW = 256 * 1024;

    private YamuxFrame() {}
}
