package io.zklayer.p2p.gossip;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gossipsub message cache: the last {@code length} heartbeat windows of messages, served to
 * IWANT; the newest {@code gossip} windows are announced in IHAVE. {@link #shift} drops the oldest
 * window at each heartbeat.
 */
public final class MessageCache {
    private record Entry(MessageId id, String topic) {}

    private final int gossip;
    private final LinkedList<List<Entry>> windows = new LinkedList<>();
    private final Map<MessageId, PubMessage> messages = new HashMap<>();
    private final Map<MessageId, Map<Object, Integer>> iwantCounts = new HashMap<>();

    /** Creates a cache of {@code length} windows announcing the newest {@code gossip}. */
    public MessageCache(int length, int gossip) {
        this.gossip = gossip;
        for (int i = 0; i < length; i++) {
            windows.add(new ArrayList<>());
        }
    }

    /** Adds a message to the newest window. */
    public void put(MessageId id, PubMessage message) {
        if (messages.putIfAbsent(id, message) == null) {
            windows.getFirst().add(new Entry(id, message.topic()));
        }
    }

    /** Returns a cached message. */
    public Optional<PubMessage> get(MessageId id) {
        return Optional.ofNullable(messages.get(id));
    }

    /** Counts a request of a message by a peer, returning the count so far including this one. */
    public int countRequest(MessageId id, Object peer) {
        return iwantCounts.computeIfAbsent(id, k -> new HashMap<>()).merge(peer, 1, Integer::sum);
    }

    /** Returns ids of the topic in the newest {@code gossip} windows, newest first. */
    public List<MessageId> gossipIds(String topic) {
        List<MessageId> out = new ArrayList<>();
        int n = 0;
        for (List<Entry> w : windows) {
            if (n++ >= gossip) {
                break;
            }
            for (Entry e : w) {
                if (e.topic().equals(topic)) {
                    out.add(e.id());
                }
            }
        }
        return out;
    }

    /** Drops the oldest window and opens a new one. */
    public void shift() {
        for (Entry e : windows.removeLast()) {
            messages.remove(e.id());
            iwantCounts.remove(e.id());
        }
        windows.addFirst(new ArrayList<>());
    }

    /** Returns the number of cached messages. */
    public int size() {
        return messages.size();
    }
}
