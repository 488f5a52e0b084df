package io.zklayer.p2p.interop;

import io.zklayer.p2p.host.ConnectionListener;
import io.zklayer.p2p.host.Connection;
import io.zklayer.p2p.host.ExecutorScheduler;
import io.zklayer.p2p.host.Host;
import io.zklayer.p2p.host.HostConfig;
import io.zklayer.p2p.identify.IdentifyInfo;
import io.zklayer.p2p.identify.IdentifyService;
import io.zklayer.p2p.multiaddr.Multiaddr;
import io.zklayer.p2p.peer.HostKey;
import io.zklayer.p2p.peer.PeerId;
import io.zklayer.p2p.ping.PingService;
import io.zklayer.primitives.Hex;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

/**
 * The Java side of {@code testnet/interop/libp2p.test.mjs}: a host on 127.0.0.1 driven by line
 * commands on stdin, reporting events as lines on stdout.
 *
 * <p>Usage: {@code InteropPeer <secret hex>}. Commands: {@code dial <multiaddr>},
 * {@code ping <peer>}, {@code identify <peer>}, {@code quit}. Events: {@code listening <multiaddr>},
 * {@code connected <peer>}, {@code dialed <peer>}, {@code pong <peer> <micros>},
 * {@code identified <peer> <agent> <protocol,…>}, {@code error <command> <reason>}.
 */
public final class InteropPeer {
    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private final Host host;
    private final IdentifyService identify;
    private final PingService ping;

    private InteropPeer(HostKey key) {
        SecureRandom random = new SecureRandom();
        host = new Host(HostConfig.loopback(key), new ExecutorScheduler("interop-scheduler"), random);
        identify = new IdentifyService(host);
        ping = new PingService(host, random);
        host.addConnectionListener(new ConnectionListener() {
            @Override
            public void onConnected(Connection connection) {
                emit("connected " + connection.remotePeer());
            }
        });
    }

    /** Runs the peer until stdin closes or {@code quit}. */
    public static void main(String[] args) throws Exception {
        HostKey key = args.length > 0 ? HostKey.fromSecret(Hex.decode(args[0])) : HostKey.generate(new SecureRandom());
        new InteropPeer(key).run();
    }

    private synchronized void emit(String line) {
        out.println(line);
    }

    private void run() throws Exception {
        host.start().get(10, TimeUnit.SECONDS);
        emit("listening " + host.listenAddresses().get(0).withPeerId(host.peerId()));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] parts = line.trim().split(" ");
            if (parts[0].equals("quit")) {
                break;
            }
            try {
                command(parts);
            } catch (RuntimeException e) {
                emit("error " + parts[0] + " " + e);
            }
        }
        host.close();
        System.exit(0);
    }

    private void command(String[] parts) {
        switch (parts[0]) {
            case "dial" -> host.dial(Multiaddr.parse(parts[1])).whenComplete((c, e) ->
                    emit(e == null ? "dialed " + c.remotePeer() : "error dial " + e));
            case "ping" -> ping.ping(PeerId.fromBase58(parts[1]), 5000).whenComplete((rtt, e) ->
                    emit(e == null ? "pong " + parts[1] + " " + rtt / 1000 : "error ping " + e));
            case "identify" -> identify.identify(PeerId.fromBase58(parts[1])).whenComplete((info, e) ->
                    emit(e == null ? identified(info) : "error identify " + e));
            default -> emit("error " + parts[0] + " unknown command");
        }
    }

    private static String identified(IdentifyInfo info) {
        return "identified " + info.peer() + " " + info.agentVersion().replace(' ', '_') + " "
                + String.join(",", info.protocols());
    }
}
