package io.zklayer.p2p.multiaddr;

import io.zklayer.p2p.peer.PeerId;
import io.zklayer.p2p.wire.WireFormatException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The multiaddr protocols this host understands, with their multicodec codes and value sizes
 * (bytes; -1 = varint length-prefixed, 0 = no value).
 */
public enum MultiaddrProtocol {
    /** IPv4, 4 bytes. */
    IP4(4, 4, "ip4"),
    /** TCP port, 2 bytes big-endian. */
    TCP(6, 2, "tcp"),
    /** UDP port, 2 bytes big-endian. */
    UDP(273, 2, "udp"),
    /** IPv6, 16 bytes. */
    IP6(41, 16, "ip6"),
    /** DNS name (any family). */
    DNS(53, -1, "dns"),
    /** DNS name resolving to IPv4. */
    DNS4(54, -1, "dns4"),
    /** DNS name resolving to IPv6. */
    DNS6(55, -1, "dns6"),
    /** A peer id multihash. */
    P2P(421, -1, "p2p"),
    /** QUIC v1 (no value). */
    QUIC_V1(460, 0, "quic-v1"),
    /** WebSocket (no value). */
    WS(477, 0, "ws"),
    /** Secure WebSocket (no value). */
    WSS(478, 0, "wss");

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private final int code;
    private final int size;
    private final String protocolName;

    MultiaddrProtocol(int code, int size, String protocolName) {
        this.code = code;
        this.size = size;
        this.protocolName = protocolName;
    }

    /** Returns the multicodec code. */
    public int code() {
        return code;
    }

    /** Returns the value size in bytes, -1 for length-prefixed, 0 for none. */
    public int size() {
        return size;
    }

    /** Returns the name in the text form. */
    public String protocolName() {
        return protocolName;
    }

    /** Returns the protocol with this text name. */
    public static Optional<MultiaddrProtocol> byName(String name) {
        for (MultiaddrProtocol p : values()) {
            if (p.protocolName.equals(name)) {
                return Optional.of(p);
            }
        }
        if (name.equals("ipfs")) {
            return Optional.of(P2P);
        }
        return Optional.empty();
    }

    /** Returns the protocol with this code. */
    public static Optional<MultiaddrProtocol> byCode(int code) {
        for (MultiaddrProtocol p : values()) {
            if (p.code == code) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    byte[] encodeValue(String value) {
        switch (this) {
            case IP4 -> {
                var m = IPV4.matcher(value);
                if (!m.matches()) {
                    throw new IllegalArgumentException("multiaddr: bad ip4 '" + value + "'");
                }
                byte[] out = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(m.group(i + 1));
                    if (octet > 255) {
                        throw new IllegalArgumentException("multiaddr: bad ip4 '" + value + "'");
                    }
                    out[i] = (byte) octet;
                }
                return out;
            }
            case IP6 -> {
                if (!value.contains(":")) {
                    throw new IllegalArgumentException("multiaddr: bad ip6 '" + value + "'");
                }
                try {
                    InetAddress a = InetAddress.getByName(value);
                    if (a instanceof Inet6Address) {
                        return a.getAddress();
                    }
                    if (a instanceof Inet4Address v4) {
                        byte[] out = new byte[16];
                        out[10] = (byte) 0xff;
                        out[11] = (byte) 0xff;
                        System.arraycopy(v4.getAddress(), 0, out, 12, 4);
                        return out;
                    }
                } catch (UnknownHostException e) {
                    throw new IllegalArgumentException("multiaddr: bad ip6 '" + value + "'", e);
                }
                throw new IllegalArgumentException("multiaddr: bad ip6 '" + value + "'");
            }
            case TCP, UDP -> {
                int port;
                try {
                    port = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("multiaddr: bad " + protocolName + " port '" + value + "'", e);
                }
                if (port < 0 || port > 65535) {
                    throw new IllegalArgumentException("multiaddr: " + protocolName + " port " + port + " out of range");
                }
                return new byte[] {(byte) (port >> 8), (byte) port};
            }
            case DNS, DNS4, DNS6 -> {
                if (value.isEmpty() || value.length() > 253) {
                    throw new IllegalArgumentException("multiaddr: bad dns name '" + value + "'");
                }
                return value.getBytes(StandardCharsets.UTF_8);
            }
            case P2P -> {
                return PeerId.fromBase58(value).toBytes();
            }
            default -> {
                return new byte[0];
            }
        }
    }

    String decodeValue(byte[] raw) {
        try {
            switch (this) {
                case IP4, IP6 -> {
                    return InetAddress.getByAddress(raw).getHostAddress();
                }
                case TCP, UDP -> {
                    return Integer.toString(((raw[0] & 0xff) << 8) | (raw[1] & 0xff));
                }
                case DNS, DNS4, DNS6 -> {
                    return new String(raw, StandardCharsets.UTF_8);
                }
                case P2P -> {
                    return PeerId.fromBytes(raw).toBase58();
                }
                default -> {
                    return "";
                }
            }
        } catch (UnknownHostException e) {
            throw new WireFormatException("multiaddr: bad " + protocolName + " bytes", e);
        }
    }
}
