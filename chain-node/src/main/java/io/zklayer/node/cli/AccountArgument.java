package io.zklayer.node.cli;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.crypto.Ss58;
import io.zklayer.primitives.crypto.Ss58Exception;
import io.zklayer.primitives.types.AccountId32;

/**
 * Reads an account given on the command line: an SS58 address of any network
 * ({@code 5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu}) or the account id in hex, {@code 0x}
 * and 64 digits ({@code 0x88dc3417…b0ee}). Both name the same 32-byte account.
 */
final class AccountArgument {
    private AccountArgument() {}

    /**
     * Returns the account {@code text} names.
     *
     * @throws InvalidConfigException naming {@code option}: not hex of 32 bytes, or a bad SS58 address
     */
    static AccountId32 parse(String option, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidConfigException(option + " must be an SS58 address or a 0x-hex account id, got an empty value");
        }
        if (text.startsWith("0x") || text.startsWith("0X")) {
            byte[] bytes;
            try {
                bytes = Hex.decode(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException(option + " '" + text + "' is not hex: " + e.getMessage(), e);
            }
            if (bytes.length != AccountId32.LENGTH) {
                throw new InvalidConfigException(option + ": an account id is 32 bytes (0x and 64 hex digits), got "
                        + bytes.length + " bytes");
            }
            return AccountId32.of(bytes);
        }
        try {
            return AccountId32.of(Ss58.decode(text).account());
        } catch (Ss58Exception e) {
            throw new InvalidConfigException(option + " '" + text + "' is not an SS58 address: " + e.getMessage(), e);
        }
    }
}
