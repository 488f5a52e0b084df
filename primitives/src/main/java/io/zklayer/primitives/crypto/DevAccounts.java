package io.zklayer.primitives.crypto;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The well-known development accounts of every Substrate chain, as ed25519 keys: Alice, Bob,
 * Charlie, Dave, Eve and Ferdie ({@code //Name} from the dev phrase) and their stashes
 * ({@code //Name//stash}). For genesis presets, tests and the CLI's {@code --alice} style flags.
 *
 * <p>{@code DevAccounts.ALICE.publicKey()} is {@code 0x88dc3417…b0ee}, address
 * {@code 5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu}. These keys are public knowledge and
 * must never hold value outside a development chain.
 */
public enum DevAccounts {
    /** {@code //Alice}. */
    ALICE("Alice"),
    /** {@code //Bob}. */
    BOB("Bob"),
    /** {@code //Charlie}. */
    CHARLIE("Charlie"),
    /** {@code //Dave}. */
    DAVE("Dave"),
    /** {@code //Eve}. */
    EVE("Eve"),
    /** {@code //Ferdie}. */
    FERDIE("Ferdie");

    /** Substrate's dev phrase, meant by a secret URI that starts with {@code /}. */
    public static final String DEV_PHRASE = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";

    private final String displayName;
    private volatile Ed25519KeyPair pair;
    private volatile Ed25519KeyPair stashPair;

    DevAccounts(String displayName) {
        this.displayName = displayName;
    }

    /** Returns the capitalized name used in the URI, such as {@code Alice}. */
    public String displayName() {
        return displayName;
    }

    /** Returns the secret URI of the account, such as {@code //Alice}. */
    public String uri() {
        return "//" + displayName;
    }

    /** Returns the secret URI of the account's stash, such as {@code //Alice//stash}. */
    public String stashUri() {
        return uri() + "//stash";
    }

    /** Returns the account's key pair (derived once, then cached). */
    public Ed25519KeyPair keyPair() {
        Ed25519KeyPair p = pair;
        if (p == null) {
            p = Ed25519KeyPair.fromSecretUri(uri());
            pair = p;
        }
        return p;
    }

    /** Returns the stash's key pair (derived once, then cached). */
    public Ed25519KeyPair stashKeyPair() {
        Ed25519KeyPair p = stashPair;
        if (p == null) {
            p = Ed25519KeyPair.fromSecretUri(stashUri());
            stashPair = p;
        }
        return p;
    }

    /** Returns the account's public key. */
    public Ed25519PublicKey publicKey() {
        return keyPair().publicKey();
    }

    /** Returns the stash's public key. */
    public Ed25519PublicKey stashPublicKey() {
        return stashKeyPair().publicKey();
    }

    /** Returns the account's SS58 address under the generic prefix 42. */
    public String address() {
        return publicKey().toSs58();
    }

    /** Returns the accounts in their usual order: Alice, Bob, Charlie, Dave, Eve, Ferdie. */
    public static List<DevAccounts> all() {
        return List.of(values());
    }

    /** Returns the account with this name, ignoring case ({@code "alice"}, {@code "Alice"}). */
    public static Optional<DevAccounts> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.toUpperCase(Locale.ROOT);
        for (DevAccounts account : values()) {
            if (account.name().equals(wanted)) {
                return Optional.of(account);
            }
        }
        return Optional.empty();
    }
}
