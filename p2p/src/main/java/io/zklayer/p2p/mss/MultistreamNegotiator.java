package io.zklayer.p2p.mss;

import io.netty.buffer.ByteBuf;
import io.zklayer.p2p.wire.UnsignedVarint;
import io.zklayer.p2p.wire.WireFormatException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * multistream-select 1.0 as a pure state machine, used both on raw connections (to pick the
 * security protocol and the muxer) and inside every stream (to pick the application protocol).
 *
 * <p>Every message is {@code varint(len) ‖ utf8 line ‖ '\n'}: {@code "/noise"} travels as
 * {@code 07 2f 6e 6f 69 73 65 0a}. The initiator sends the header {@code /multistream/1.0.0} with
 * its first proposal in one write and moves to the next proposal on {@code na}; the responder sends
 * its header at once, echoes a supported proposal, answers {@code na} otherwise and lists its
 * protocols on {@code ls}. Lines are limited to 1024 bytes and a responder gives up after 32
 * refused proposals. Bytes after the selection are left in the caller's buffer for the protocol.
 */
public final class MultistreamNegotiator {
    /** The multistream-select 1.0 protocol id, the first line either side sends. */
    public static final String HEADER = "/multistream/1.0.0";
    /** The answer to an unsupported proposal. */
    public static final String NA = "na";
    /** The request for the responder's protocol list. */
    public static final String LS = "ls";
    /** Longest accepted message, in bytes (js-libp2p's limit). */
    public static final int MAX_MESSAGE = 1024;
    private static final int MAX_PROPOSALS = 32;

    /** What one round of input produced. */
    public record Step(byte[] reply, String selected, String failure) {
        /** Returns whether negotiation ended in a selection. */
        public boolean isSelected() {
            return selected != null;
        }

        /** Returns whether negotiation failed. */
        public boolean isFailed() {
            return failure != null;
        }
    }

    private final boolean initiator;
    private final List<String> proposals;
    private final Predicate<String> supported;
    private final Supplier<List<String>> listing;
    private boolean headerSeen;
    private int next;
    private int refused;
    private boolean done;

    private MultistreamNegotiator(boolean initiator, List<String> proposals, Predicate<String> supported,
            Supplier<List<String>> listing) {
        this.initiator = initiator;
        this.proposals = proposals;
        this.supported = supported;
        this.listing = listing;
    }

    /** Returns a negotiator that proposes the protocols in order. */
    public static MultistreamNegotiator initiator(List<String> proposals) {
        if (proposals.isEmpty()) {
            throw new IllegalArgumentException("multistream: at least one protocol to propose");
        }
        return new MultistreamNegotiator(true, List.copyOf(proposals), p -> false, List::of);
    }

    /** Returns a negotiator that accepts any protocol the predicate supports. */
    public static MultistreamNegotiator responder(Predicate<String> supported, Supplier<List<String>> listing) {
        return new MultistreamNegotiator(false, List.of(), supported, listing);
    }

    /** Returns the bytes to send first: header and first proposal (initiator), or the header (responder). */
    public byte[] start() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(encode(HEADER));
        if (initiator) {
            out.writeBytes(encode(proposals.get(next)));
        }
        return out.toByteArray();
    }

    /**
     * Consumes whole messages from the buffer until negotiation ends or the buffer runs dry; bytes
     * after the end are not read.
     */
    public Step onData(ByteBuf in) {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        while (!done) {
            String line;
            try {
                line = readLine(in);
            } catch (WireFormatException e) {
                done = true;
                return new Step(reply.toByteArray(), null, e.getMessage());
            }
            if (line == null) {
                break;
            }
            if (!headerSeen) {
                if (!line.equals(HEADER)) {
                    done = true;
                    return new Step(reply.toByteArray(), null,
                            "multistream: expected header " + HEADER + " but got '" + printable(line) + "'");
                }
                headerSeen = true;
                continue;
            }
            if (initiator) {
                if (line.equals(proposals.get(next))) {
                    done = true;
                    return new Step(reply.toByteArray(), line, null);
                }
                if (!line.equals(NA)) {
                    done = true;
                    return new Step(reply.toByteArray(), null, "multistream: expected '" + proposals.get(next)
                            + "' or 'na' but got '" + printable(line) + "'");
                }
                next++;
                if (next >= proposals.size()) {
                    done = true;
                    return new Step(reply.toByteArray(), null, "multistream: remote supports none of " + proposals);
                }
                reply.writeBytes(encode(proposals.get(next)));
            } else {
                if (line.equals(LS)) {
                    reply.writeBytes(encodeListing(listing.get()));
                } else if (!line.equals(HEADER) && !line.equals(NA) && supported.test(line)) {
                    reply.writeBytes(encode(line));
                    done = true;
                    return new Step(reply.toByteArray(), line, null);
                } else {
                    reply.writeBytes(encode(NA));
                    if (++refused >= MAX_PROPOSALS) {
                        done = true;
                        return new Step(reply.toByteArray(), null,
                                "multistream: refused " + refused + " proposals, giving up");
                    }
                }
            }
        }
        return new Step(reply.toByteArray(), null, null);
    }

    /** Returns {@code varint(len(line)+1) ‖ line ‖ '\n'}. */
    public static byte[] encode(String line) {
        byte[] text = line.getBytes(StandardCharsets.UTF_8);
        if (text.length + 1 > MAX_MESSAGE) {
            throw new IllegalArgumentException("multistream: line longer than " + MAX_MESSAGE + " bytes");
        }
        byte[] prefix = UnsignedVarint.encode(text.length + 1L);
        byte[] out = new byte[prefix.length + text.length + 1];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(text, 0, out, prefix.length, text.length);
        out[out.length - 1] = '\n';
        return out;
    }

    private static byte[] encodeListing(List<String> protocols) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String p : protocols) {
            body.writeBytes(encode(p));
        }
        body.write('\n');
        byte[] b = body.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(UnsignedVarint.encode(b.length));
        out.writeBytes(b);
        return out.toByteArray();
    }

    /**
     * Reads one message if the buffer holds all of it; returns null (buffer untouched) otherwise.
     *
     * @throws WireFormatException for an empty or oversized message, or one without its newline
     */
    static String readLine(ByteBuf in) {
        int mark = in.readerIndex();
        long len = UnsignedVarint.tryRead(in, MAX_MESSAGE);
        if (len == UnsignedVarint.INCOMPLETE) {
            return null;
        }
        if (len == 0) {
            throw new WireFormatException("multistream: empty message");
        }
        if (in.readableBytes() < len) {
            in.readerIndex(mark);
            return null;
        }
        byte[] bytes = new byte[(int) len];
        in.readBytes(bytes);
        if (bytes[bytes.length - 1] != '\n') {
            throw new WireFormatException("multistream: message lacks trailing newline");
        }
        return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
    }

    private static String printable(String line) {
        String s = line.length() > 64 ? line.substring(0, 64) + "…" : line;
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
