package io.zklayer.p2p.host;

import io.zklayer.p2p.mss.MultistreamNegotiator;
import io.zklayer.p2p.noise.CipherState;
import io.zklayer.p2p.noise.NoiseHandshake;
import io.zklayer.p2p.noise.NoisePayload;
import io.zklayer.p2p.peer.HostKey;
import io.zklayer.p2p.wire.UnsignedVarint;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** A hand-driven blocking libp2p dialer for bad-input tests: each step can be made to misbehave. */
final class RawPeer implements AutoCloseable {
    private final Socket socket = new Socket();
    private final DataInputStream in;
    private final OutputStream out;
    private CipherState send;
    private CipherState receive;

    RawPeer(InetSocketAddress target) throws IOException {
        socket.connect(target, 5000);
        socket.setSoTimeout(5000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    String readLine() throws IOException {
        long len = 0;
        for (int shift = 0; ; shift += 7) {
            int b = in.readUnsignedByte();
            len |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        byte[] line = new byte[(int) len];
        in.readFully(line);
        return new String(line, 0, line.length - 1, StandardCharsets.UTF_8);
    }

    void select(String protocol) throws IOException {
        writeRaw(MultistreamNegotiator.encode(MultistreamNegotiator.HEADER));
        writeRaw(MultistreamNegotiator.encode(protocol));
        if (!readLine().equals(MultistreamNegotiator.HEADER) || !readLine().equals(protocol)) {
            throw new IOException("negotiation of " + protocol + " failed");
        }
    }

    /** Runs the noise XX handshake as initiator; with {@code forgeSignature} the identity_sig is over a wrong key. */
    void noise(HostKey key, boolean forgeSignature) throws IOException {
        SecureRandom random = new SecureRandom();
        NoiseHandshake hs = new NoiseHandshake(true, NoiseHandshake.generateStaticKey(random), random);
        writeFrame(hs.writeMessage(new byte[0]));
        hs.readMessage(readFrame());
        byte[] signedKey = forgeSignature ? new byte[32] : hs.localStaticPublicKey();
        writeFrame(hs.writeMessage(NoisePayload.create(key, signedKey)));
        CipherState[] c = hs.split();
        send = c[0];
        receive = c[1];
    }

    void writeFrame(byte[] frame) throws IOException {
        byte[] out = new byte[2 + frame.length];
        out[0] = (byte) (frame.length >> 8);
        out[1] = (byte) frame.length;
        System.arraycopy(frame, 0, out, 2, frame.length);
        writeRaw(out);
    }

    byte[] readFrame() throws IOException {
        int len = in.readUnsignedShort();
        byte[] b = new byte[len];
        in.readFully(b);
        return b;
    }

    void writeEncrypted(byte[] plaintext) throws IOException {
        writeFrame(send.encrypt(new byte[0], plaintext, 0, plaintext.length));
    }

    byte[] readEncrypted() throws IOException {
        byte[] ct = readFrame();
        return receive.decrypt(new byte[0], ct, 0, ct.length);
    }

    /** Selects the muxer inside the encrypted channel. */
    void selectEncrypted(String protocol) throws IOException {
        byte[] a = MultistreamNegotiator.encode(MultistreamNegotiator.HEADER);
        byte[] b = MultistreamNegotiator.encode(protocol);
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        writeEncrypted(both);
        int got = 0;
        while (got < both.length) {
            got += readEncrypted().length;
        }
    }

    /** Returns whether the remote closed the connection within the socket timeout. */
    boolean closedByRemote() {
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    static byte[] varint(long v) {
        return UnsignedVarint.encode(v);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
