package io.zklayer.node.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.crypto.Ed25519PublicKey;
import java.util.Optional;

/**
 * What {@code key inspect} and {@code key generate} print about a key, in Substrate's
 * {@code subkey} text layout or as JSON with Substrate's field names.
 *
 * <p>For {@code //Alice} (ed25519) the text is:
 *
 * <pre>
 * Secret Key URI `//Alice` is account:
 *   Network ID:        substrate
 *   Secret seed:       0xabf8e5bd…
 *   Public key (hex):  0x88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee
 *   Account ID:        0x88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee
 *   Public key (SS58): 5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu
 *   SS58 Address:      5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu
 * </pre>
 *
 * @param kind whether the input was a phrase, a secret URI or a public key
 * @param input the text the operator gave (a phrase or secret URI is the operator's own secret)
 * @param network the SS58 format of the printed addresses
 * @param seed the 32-byte secret seed (after derivation), absent for a public key
 * @param publicKey the public key, which is also the account id
 */
record KeyReport(Kind kind, String input, Ss58Network network, Optional<byte[]> seed, Ed25519PublicKey publicKey) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the inspected text was. */
    enum Kind {
        /** A bare BIP-39 phrase. */
        PHRASE,
        /** A secret URI: a phrase or seed with a path or password, or a dev URI such as {@code //Alice}. */
        SECRET_URI,
        /** An SS58 address. */
        PUBLIC_URI,
        /** A hex public key given with {@code --public}. */
        PUBLIC_HEX
    }

    /** Returns the report as subkey prints it. */
    String text() {
        String address = publicKey.toSs58(network.prefix());
        String pk = publicKey.toString();
        return switch (kind) {
            case PHRASE, SECRET_URI -> (kind == Kind.PHRASE ? "Secret phrase:       " + input
                    : "Secret Key URI `" + input + "` is account:")
                    + "\n  Network ID:        " + network.displayName()
                    + "\n  Secret seed:       " + Hex.encode(seed.orElseThrow())
                    + "\n  Public key (hex):  " + pk
                    + "\n  Account ID:        " + pk
                    + "\n  Public key (SS58): " + address
                    + "\n  SS58 Address:      " + address;
            case PUBLIC_URI, PUBLIC_HEX -> (kind == Kind.PUBLIC_URI ? "Public Key URI `" + input + "` is account:\n  " : "")
                    + "Network ID/Version: " + network.displayName()
                    + "\n  Public key (hex):   " + pk
                    + "\n  Account ID:         " + pk
                    + "\n  Public key (SS58):  " + address
                    + "\n  SS58 Address:       " + address;
        };
    }

    /** Returns the report as pretty JSON with subkey's field names. */
    String json() {
        ObjectNode node = JSON.createObjectNode();
        switch (kind) {
            case PHRASE -> node.put("secretPhrase", input);
            case SECRET_URI -> node.put("secretKeyUri", input);
            case PUBLIC_URI -> node.put("publicKeyUri", input);
            case PUBLIC_HEX -> { }
        }
        node.put("networkId", network.displayName());
        seed.ifPresent(s -> node.put("secretSeed", Hex.encode(s)));
        node.put("publicKey", publicKey.toString());
        node.put("accountId", publicKey.toString());
        node.put("ss58PublicKey", publicKey.toSs58(network.prefix()));
        node.put("ss58Address", publicKey.toSs58(network.prefix()));
        return JsonOutput.pretty(node);
    }
}
