package io.zklayer.genesis;

import java.util.Arrays;
import java.util.Optional;

/**
 * What kind of chain a spec describes, Substrate's {@code ChainType}: written in JSON as
 * {@code "Development"}, {@code "Local"} or {@code "Live"}.
 */
public enum ChainType {
    /** A single-node development chain ({@code --dev}). */
    DEVELOPMENT("Development"),
    /** A local testnet of several nodes on one machine. */
    LOCAL("Local"),
    /** A chain meant to hold value. */
    LIVE("Live");

    private final String jsonName;

    ChainType(String jsonName) {
        this.jsonName = jsonName;
    }

    /** Returns the name used in the chain spec JSON, such as {@code "Development"}. */
    public String jsonName() {
        return jsonName;
    }

    /** Returns the type with this JSON name (exact case), or empty. */
    public static Optional<ChainType> fromJsonName(String name) {
        return Arrays.stream(values()).filter(t -> t.jsonName.equals(name)).findFirst();
    }
}
