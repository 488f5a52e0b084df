package io.zklayer.p2p.interop;

import io.zklayer.p2p.gossip.GossipConfig;
import io.zklayer.p2p.gossip.GossipRouter;
import io.zklayer.p2p.gossip.MessageIdFunction;
import io.zklayer.p2p.host.Connection;
import io.zklayer.p2p.host.ConnectionListener;
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
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The Java side of {@code testnet/interop/libp2p.test.mjs}: a host on 127.0.0.1 driven by line
 * commands on stdin, reporting events as lines on stdout.
 *
 * <p>Usage: {@code InteropPeer <secret hex>}. Commands: {@code dial <multiaddr>},
 * {@code ping <peer>}, {@code identify <peer>}, {@code subscribe <topic>}, {@code publish <topic> <text>},
 * {@code peers <topic>}, {@code quit}. Events: {@code listening <multiaddr>}, {@code connected <peer>},
 * {@code dialed <peer>}, {@code pong <peer> <micros>}, {@code identified <peer> <agent> <protocol,…>},
 * {@code subscribed <topic>}, {@code published <topic> <recipients>}, {@code peers <topic> <peer,…>},
 * {@code message <topic> <author> <text>}, {@code error <command> <reason>}.
 */
public final class InteropPeer {
    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private final Host host;
    private final IdentifyService identify;
    private final PingService ping;
    private final GossipRouter gossip;

    private InteropPeer(HostKey key) {
        SecureRandom random = new SecureRandom();
        host = new Host(HostConfig.loopback(key), new ExecutorScheduler("interop-scheduler"), random);
        identify = new IdentifyService(host);
        ping = new PingService(host, random);
        gossip = new GossipRouter(host, GossipConfig.defaults(), MessageIdFunction.fromAndSeqno(), new Random(1));
        gossip.start();
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
            case "subscribe" -> gossip.subscribe(parts[1], m -> emit("message " + m.topic() + " " + m.from() + " "
                    + new String(m.data(), StandardCharsets.UTF_8))).whenComplete((v, e) ->
                    emit(e == null ? "subscribed " + parts[1] : "error subscribe " + e));
            case "publish" -> gossip.publish(parts[1], parts[2].getBytes(StandardCharsets.UTF_8)).whenComplete((r, e) ->
                    emit(e == null ? "published " + parts[1] + " " + r.recipients() : "error publish " + e));
            case "peers" -> gossip.topicPeers(parts[1]).whenComplete((peers, e) -> emit(e == null
                    ? "peers " + parts[1] + " " + String.join(",", peers.stream().map(PeerId::toString).sorted().toList())
                    : "error peers " + e));
            default -> emit("error " + parts[0] + " unknown command");
        }
    }

    private static String identified(IdentifyInfo info) {
        return "identified " + info.peer() + " " + info.agentVersion().replace(' ', '_') + " "
                + String.join(",", info.protocols());
    }
}
