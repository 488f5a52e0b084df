package io.zklayer.node.cli;

import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.crypto.Ed25519KeyPair;

/**
 * The validator keys of a generated local testnet ({@code build-spec --validators N}): the dev
 * accounts {@code //Alice}, {@code //Bob}, {@code //Charlie}, {@code //Dave}, {@code //Eve},
 * {@code //Ferdie} in that order, then {@code //Validator7}, {@code //Validator8}, … from the dev
 * phrase. Validator {@code i} (0-based) of the spec is started with {@code --key
 * <TestnetValidators.uri(i)>}; these keys are public knowledge, for local testing only.
 */
public final class TestnetValidators {
    /** The most validators a generated spec may have. */
    public static final int MAX = 100;

    private TestnetValidators() {}

    /**
     * Returns the secret URI of validator {@code index} (0-based): {@code uri(0)} = {@code //Alice},
     * {@code uri(6)} = {@code //Validator7}.
     */
    public static String uri(int index) {
        if (index < 0 || index >= MAX) {
            throw new IllegalArgumentException("testnet validator index " + index + " is outside 0…" + (MAX - 1));
        }
        DevAccounts[] dev = DevAccounts.values();
        return index < dev.length ? dev[index].uri() : "//Validator" + (index + 1);
    }

    /** Returns the key pair of validator {@code index}. */
    public static Ed25519KeyPair key(int index) {
        return Ed25519KeyPair.fromSecretUri(uri(index));
    }
}
