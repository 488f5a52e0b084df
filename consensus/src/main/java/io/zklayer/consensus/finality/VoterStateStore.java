package io.zklayer.consensus.finality;

import java.util.Optional;

/**
 * Durable storage for the voter's snapshot ({@link VoterSnapshot} bytes), so that a restarted voter
 * resumes its round without voting twice in a round it already voted in. The node keeps it in its
 * database; tests keep it in memory ({@link #inMemory()}).
 */
public interface VoterStateStore {
    /** Returns the last saved bytes, if any. */
    Optional<byte[]> load();

    /** Saves {@code snapshot} durably before the voter's vote leaves the node. */
    void save(byte[] snapshot);

    /** Returns a store that keeps the bytes in memory (survives a voter restart in the same process). */
    static VoterStateStore inMemory() {
        return new VoterStateStore() {
            private byte[] saved;

            @Override
            public synchronized Optional<byte[]> load() {
                return Optional.ofNullable(saved).map(byte[]::clone);
            }

            @Override
            public synchronized void save(byte[] snapshot) {
                saved = snapshot.clone();
            }
        };
    }
}
