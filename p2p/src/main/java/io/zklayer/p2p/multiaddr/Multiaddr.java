package io.zklayer.p2p.multiaddr;

import io.zklayer.p2p.peer.PeerId;
import io.zklayer.p2p.wire.UnsignedVarint;
import io.zklayer.p2p.wire.WireFormatException;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A multiaddr: a list of (protocol, value) components with a text form and a binary form.
 *
 * <p>{@code /ip4/127.0.0.1/tcp/4001} ↔ {@code 04 7f000001 06 0fa1}; a {@code /p2p/<peer id>}
 * component carries the multihash bytes after a varint length. Supported protocols: ip4, ip6, tcp,
 * udp, dns, dns4, dns6, p2p, quic-v1, ws, wss.
 */
public final class Multiaddr {
    /** One component; {@code value} is the protocol's text value (empty when it has none). */
    public record Component(MultiaddrProtocol protocol, String value) {}

    private final List<Component> components;

    private Multiaddr(List<Component> components) {
        this.components = List.copyOf(components);
    }

    /** Returns the address {@code /ip4|ip6/<host>/tcp/<port>} of a socket address. */
    public static Multiaddr of(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        MultiaddrProtocol p = ip.getAddress().length == 4 ? MultiaddrProtocol.IP4 : MultiaddrProtocol.IP6;
        return new Multiaddr(List.of(new Component(p, ip.getHostAddress()),
                new Component(MultiaddrProtocol.TCP, Integer.toString(address.getPort()))));
    }

    /**
     * Parses the text form.
     *
     * @throws IllegalArgumentException naming the bad component
     */
    public static Multiaddr parse(String text) {
        if (text.isEmpty() || text.charAt(0) != '/') {
            throw new IllegalArgumentException("multiaddr: '" + text + "' must start with '/'");
        }
        String[] parts = text.substring(1).split("/", -1);
        List<Component> out = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty() && i == parts.length - 1 && i > 0) {
                break;
            }
            String name = parts[i];
            MultiaddrProtocol p = MultiaddrProtocol.byName(name)
                    .orElseThrow(() -> new IllegalArgumentException("multiaddr: unknown protocol '" + name + "' in '" + text + "'"));
            String value = "";
            if (p.size() != 0) {
                if (i + 1 >= parts.length) {
                    throw new IllegalArgumentException("multiaddr: '" + p.protocolName() + "' needs a value in '" + text + "'");
                }
                value = p.decodeValue(p.encodeValue(parts[++i]));
            }
            out.add(new Component(p, value));
        }
        return new Multiaddr(out);
    }

    /**
     * Decodes the binary form.
     *
     * @throws WireFormatException naming the bad component
     */
    public static Multiaddr fromBytes(byte[] bytes) {
        if (bytes.length > 1024) {
            throw new WireFormatException("multiaddr: binary form longer than 1024 bytes");
        }
        List<Component> out = new ArrayList<>();
        int offset = 0;
        while (offset < bytes.length) {
            long[] code = UnsignedVarint.decode(bytes, offset, Integer.MAX_VALUE);
            offset += (int) code[1];
            MultiaddrProtocol p = MultiaddrProtocol.byCode((int) code[0])
                    .orElseThrow(() -> new WireFormatException("multiaddr: unknown protocol code " + code[0]));
            int size = p.size();
            if (size < 0) {
                long[] len = UnsignedVarint.decode(bytes, offset, bytes.length);
                offset += (int) len[1];
                size = (int) len[0];
            }
            if (offset + size > bytes.length) {
                throw new WireFormatException("multiaddr: '" + p.protocolName() + "' value truncated");
            }
            byte[] raw = java.util.Arrays.copyOfRange(bytes, offset, offset + size);
            offset += size;
            out.add(new Component(p, p.decodeValue(raw)));
        }
        return new Multiaddr(out);
    }

    /** Returns the binary form. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Component c : components) {
            out.writeBytes(UnsignedVarint.encode(c.protocol().code()));
            byte[] raw = c.protocol().encodeValue(c.value());
            if (c.protocol().size() < 0) {
                out.writeBytes(UnsignedVarint.encode(raw.length));
            }
            out.writeBytes(raw);
        }
        return out.toByteArray();
    }

    /** Returns the components in order. */
    public List<Component> components() {
        return components;
    }

    /** Returns the value of the first component with this protocol. */
    public Optional<String> valueOf(MultiaddrProtocol protocol) {
        return components.stream().filter(c -> c.protocol() == protocol).map(Component::value).findFirst();
    }

    /** Returns the peer id of the trailing {@code /p2p/…} component, if any. */
    public Optional<PeerId> peerId() {
        return valueOf(MultiaddrProtocol.P2P).map(PeerId::fromBase58);
    }

    /** Returns this address with {@code /p2p/<id>} appended (replacing any existing one). */
    public Multiaddr withPeerId(PeerId id) {
        List<Component> out = new ArrayList<>(withoutPeerId().components);
        out.add(new Component(MultiaddrProtocol.P2P, id.toBase58()));
        return new Multiaddr(out);
    }

    /** Returns this address without its {@code /p2p/…} component. */
    public Multiaddr withoutPeerId() {
        List<Component> out = new ArrayList<>();
        for (Component c : components) {
            if (c.protocol() != MultiaddrProtocol.P2P) {
                out.add(c);
            }
        }
        return new Multiaddr(out);
    }

    /**
     * Returns the TCP socket address of an {@code /ip4/…/tcp/<port>} (or ip6, dns) address.
     *
     * @throws IllegalArgumentException if the address is not a TCP address
     */
    public InetSocketAddress toTcpSocketAddress() {
        String port = valueOf(MultiaddrProtocol.TCP)
                .orElseThrow(() -> new IllegalArgumentException("multiaddr: " + this + " has no /tcp component"));
        Component host = components.isEmpty() ? null : components.get(0);
        if (host == null) {
            throw new IllegalArgumentException("multiaddr: empty address");
        }
        switch (host.protocol()) {
            case IP4, IP6 -> {
                try {
                    return new InetSocketAddress(InetAddress.getByName(host.value()), Integer.parseInt(port));
                } catch (UnknownHostException e) {
                    throw new IllegalArgumentException("multiaddr: bad ip " + host.value(), e);
                }
            }
            case DNS, DNS4, DNS6 -> {
                return InetSocketAddress.createUnresolved(host.value(), Integer.parseInt(port));
            }
            default -> throw new IllegalArgumentException("multiaddr: " + this + " does not start with an ip or dns host");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Multiaddr m && components.equals(m.components);
    }

    @Override
    public int hashCode() {
        return components.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Component c : components) {
            sb.append('/').append(c.protocol().protocolName());
            if (c.protocol().size() != 0) {
                sb.append('/').append(c.value());
            }
        }
        return sb.toString();
    }
}
