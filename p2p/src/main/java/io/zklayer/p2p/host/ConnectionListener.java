package io.zklayer.p2p.host;

/** Told about connections as they open and close; called on the connection's event loop. */
public interface ConnectionListener {
    /** Called when a connection is upgraded (secured and multiplexed) and admitted. */
    default void onConnected(Connection connection) {}

    /** Called when an admitted connection closed. */
    default void onDisconnected(Connection connection) {}
}
