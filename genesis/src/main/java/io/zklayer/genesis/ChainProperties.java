package io.zklayer.genesis;

import io.zklayer.primitives.crypto.Ss58;
import java.util.Objects;

/**
 * The chain spec's {@code properties}: what wallets and explorers need to show amounts and
 * addresses ({@code system_properties} answers with them). The dev and local presets have
 * {@code {"ss58Format": 42, "tokenDecimals": 12, "tokenSymbol": "ZKL"}}.
 *
 * @param ss58Format the SS58 prefix of the chain's addresses, 0…16383; the spec's own addresses use it
 * @param tokenDecimals how many decimals one unit of the token has, 0…255 (12: 1 unit = 10^12)
 * @param tokenSymbol the token's ticker, 1…16 printable ASCII characters
 */
public record ChainProperties(int ss58Format, int tokenDecimals, String tokenSymbol) {
    /** The most characters a token symbol may have. */
    public static final int MAX_SYMBOL_LENGTH = 16;

    /** The properties of the ZKLayer presets. */
    public static final ChainProperties ZKLAYER = new ChainProperties(Ss58.GENERIC_PREFIX, 12, "ZKL");

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException naming the field that is out of range
     */
    public ChainProperties {
        Objects.requireNonNull(tokenSymbol, "tokenSymbol");
        if (ss58Format < 0 || ss58Format > Ss58.MAX_PREFIX) {
            throw new IllegalArgumentException("ss58Format " + ss58Format + " is outside 0…" + Ss58.MAX_PREFIX);
        }
        if (tokenDecimals < 0 || tokenDecimals > 255) {
            throw new IllegalArgumentException("tokenDecimals " + tokenDecimals + " is outside 0…255");
        }
        if (tokenSymbol.isEmpty() || tokenSymbol.length() > MAX_SYMBOL_LENGTH
                || !tokenSymbol.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("tokenSymbol must be 1…" + MAX_SYMBOL_LENGTH
                    + " printable ASCII characters without spaces");
        }
    }
}
