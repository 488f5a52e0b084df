package io.zklayer.p2p.wire;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Small helpers over protobuf-java's coded streams for the hand-written libp2p messages (noise
 * payload, identify, gossipsub RPC): one place that turns protobuf parse errors into
 * {@link WireFormatException}s naming the message, and that writes fields in field-number order
 * (the order js-libp2p's encoder uses, which matters for signed gossip messages).
 */
public final class Protobuf {
    private Protobuf() {}

    /** Builds a message with a writer callback. */
    public static byte[] write(Writer body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            body.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads every field of a message, giving each (tag, stream) to the callback, which must consume
     * the field or call {@code skipField}.
     *
     * @throws WireFormatException naming {@code what} if the bytes are not a valid protobuf message
     */
    public static void read(byte[] bytes, String what, FieldReader reader) {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        try {
            while (true) {
                int tag = in.readTag();
                if (tag == 0) {
                    return;
                }
                if (!reader.field(WireFormat.getTagFieldNumber(tag), tag, in)) {
                    in.skipField(tag);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof WireFormatException w) {
                throw w;
            }
            throw new WireFormatException(what + ": malformed protobuf: " + e.getMessage(), e);
        }
    }

    /** Returns the wire type of a tag. */
    public static int wireType(int tag) {
        return WireFormat.getTagWireType(tag);
    }

    /** Writes the body of a message. */
    @FunctionalInterface
    public interface Writer {
        /** Writes fields to the stream. */
        void write(CodedOutputStream out) throws IOException;
    }

    /** Consumes one field of a message. */
    @FunctionalInterface
    public interface FieldReader {
        /** Reads field {@code number}; returns false to have it skipped. */
        boolean field(int number, int tag, CodedInputStream in) throws IOException;
    }
}
