package io.zklayer.p2p.gossip;

import io.zklayer.p2p.wire.Protobuf;
import io.zklayer.p2p.wire.WireFormatException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The gossipsub {@code RPC} protobuf: {@code subscriptions = 1} ({@code SubOpts}: subscribe = 1,
 * topicid = 2), {@code publish = 2} ({@link PubMessage}), {@code control = 3}
 * ({@code ControlMessage}: ihave = 1 {topicID = 1, messageIDs = 2}, iwant = 2 {messageIDs = 1},
 * graft = 3 {topicID = 1}, prune = 4 {topicID = 1, peers = 2, backoff = 3}, idontwant = 5
 * {messageIDs = 1}). Decoding caps every list (see {@link Limits}) so one RPC cannot make the
 * router hold unbounded state.
 */
public record GossipRpc(List<Subscription> subscriptions, List<PubMessage> messages, List<IHave> ihave,
        List<IWant> iwant, List<String> graft, List<Prune> prune, List<byte[]> idontwant) {

    /** A subscribe or unsubscribe announcement. */
    public record Subscription(boolean subscribe, String topic) {}

    /** Message ids the sender has for a topic. */
    public record IHave(String topic, List<byte[]> messageIds) {}

    /** Message ids the sender wants. */
    public record IWant(List<byte[]> messageIds) {}

    /** Removal from the sender's mesh for a topic, with a back-off in seconds (0 = unspecified). */
    public record Prune(String topic, long backoffSeconds) {}

    /** Caps applied while decoding. */
    public record Limits(int maxSubscriptions, int maxMessages, int maxControlEntries, int maxIdsPerEntry) {
        /** Returns 1000 subscriptions and messages, 1000 control entries, 5000 ids per entry. */
        public static Limits defaults() {
            return new Limits(1000, 1000, 1000, 5000);
        }
    }

    /** Returns an RPC with nothing in it. */
    public static GossipRpc empty() {
        return new GossipRpc(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** Returns whether the RPC carries control messages. */
    public boolean hasControl() {
        return !ihave.isEmpty() || !iwant.isEmpty() || !graft.isEmpty() || !prune.isEmpty() || !idontwant.isEmpty();
    }

    /** Returns whether the RPC carries nothing. */
    public boolean isEmpty() {
        return subscriptions.isEmpty() && messages.isEmpty() && !hasControl();
    }

    /** Returns the protobuf encoding. */
    public byte[] encode() {
        return Protobuf.write(out -> {
            for (Subscription s : subscriptions) {
                out.writeByteArray(1, Protobuf.write(o -> {
                    o.writeBool(1, s.subscribe());
                    o.writeString(2, s.topic());
                }));
            }
            for (PubMessage m : messages) {
                out.writeByteArray(2, m.encode(true));
            }
            if (hasControl()) {
                out.writeByteArray(3, encodeControl());
            }
        });
    }

    private byte[] encodeControl() {
        return Protobuf.write(out -> {
            for (IHave h : ihave) {
                out.writeByteArray(1, Protobuf.write(o -> {
                    o.writeString(1, h.topic());
                    for (byte[] id : h.messageIds()) {
                        o.writeByteArray(2, id);
                    }
                }));
            }
            for (IWant w : iwant) {
                out.writeByteArray(2, Protobuf.write(o -> {
                    for (byte[] id : w.messageIds()) {
                        o.writeByteArray(1, id);
                    }
                }));
            }
            for (String t : graft) {
                out.writeByteArray(3, Protobuf.write(o -> o.writeString(1, t)));
            }
            for (Prune p : prune) {
                out.writeByteArray(4, Protobuf.write(o -> {
                    o.writeString(1, p.topic());
                    if (p.backoffSeconds() > 0) {
                        o.writeUInt64(3, p.backoffSeconds());
                    }
                }));
            }
            if (!idontwant.isEmpty()) {
                out.writeByteArray(5, Protobuf.write(o -> {
                    for (byte[] id : idontwant) {
                        o.writeByteArray(1, id);
                    }
                }));
            }
        });
    }

    /**
     * Decodes an RPC.
     *
     * @throws WireFormatException if malformed or a list exceeds its cap
     */
    public static GossipRpc decode(byte[] bytes, Limits limits) {
        List<Subscription> subs = new ArrayList<>();
        List<PubMessage> msgs = new ArrayList<>();
        List<IHave> ihave = new ArrayList<>();
        List<IWant> iwant = new ArrayList<>();
        List<String> graft = new ArrayList<>();
        List<Prune> prune = new ArrayList<>();
        List<byte[]> idontwant = new ArrayList<>();
        Protobuf.read(bytes, "gossipsub RPC", (number, tag, in) -> {
            if (Protobuf.wireType(tag) != 2) {
                return false;
            }
            switch (number) {
                case 1 -> {
                    check(subs.size() < limits.maxSubscriptions(), "subscriptions");
                    subs.add(decodeSubscription(in.readByteArray()));
                }
                case 2 -> {
                    check(msgs.size() < limits.maxMessages(), "messages");
                    msgs.add(PubMessage.decode(in.readByteArray()));
                }
                case 3 -> decodeControl(in.readByteArray(), limits, ihave, iwant, graft, prune, idontwant);
                default -> {
                    return false;
                }
            }
            return true;
        });
        return new GossipRpc(subs, msgs, ihave, iwant, graft, prune, idontwant);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new WireFormatException("gossipsub: RPC has too many " + what);
        }
    }

    private static Subscription decodeSubscription(byte[] bytes) {
        boolean[] sub = {false};
        String[] topic = {null};
        Protobuf.read(bytes, "SubOpts", (number, tag, in) -> {
            if (number == 1 && Protobuf.wireType(tag) == 0) {
                sub[0] = in.readBool();
                return true;
            }
            if (number == 2 && Protobuf.wireType(tag) == 2) {
                topic[0] = new String(in.readByteArray(), StandardCharsets.UTF_8);
                return true;
            }
            return false;
        });
        if (topic[0] == null) {
            throw new WireFormatException("gossipsub: subscription without a topic");
        }
        return new Subscription(sub[0], topic[0]);
    }

    private static void decodeControl(byte[] bytes, Limits limits, List<IHave> ihave, List<IWant> iwant,
            List<String> graft, List<Prune> prune, List<byte[]> idontwant) {
        int[] entries = {0};
        Protobuf.read(bytes, "ControlMessage", (number, tag, in) -> {
            if (Protobuf.wireType(tag) != 2 || number < 1 || number > 5) {
                return false;
            }
            check(++entries[0] <= limits.maxControlEntries(), "control entries");
            byte[] body = in.readByteArray();
            String[] topic = {""};
            List<byte[]> ids = new ArrayList<>();
            long[] backoff = {0};
            int idField = number == 1 ? 2 : 1;
            Protobuf.read(body, "control entry", (n, t, i) -> {
                if (Protobuf.wireType(t) == 2 && n == idField && number != 3 && number != 4) {
                    check(ids.size() < limits.maxIdsPerEntry(), "message ids");
                    ids.add(i.readByteArray());
                    return true;
                }
                if (Protobuf.wireType(t) == 2 && n == 1 && (number == 1 || number == 3 || number == 4)) {
                    topic[0] = new String(i.readByteArray(), StandardCharsets.UTF_8);
                    return true;
                }
                if (Protobuf.wireType(t) == 0 && n == 3 && number == 4) {
                    backoff[0] = i.readUInt64();
                    return true;
                }
                return false;
            });
            switch (number) {
                case 1 -> ihave.add(new IHave(topic[0], ids));
                case 2 -> iwant.add(new IWant(ids));
                case 3 -> graft.add(topic[0]);
                case 4 -> prune.add(new Prune(topic[0], backoff[0]));
                default -> idontwant.addAll(ids);
            }
            return true;
        });
    }
}
