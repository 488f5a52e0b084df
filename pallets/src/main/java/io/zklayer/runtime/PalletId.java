package io.zklayer.runtime;

import io.zklayer.primitives.types.AccountId32;
import java.nio.charset.StandardCharsets;

/**
 * An 8-byte module id and the account it owns, derived as Substrate's
 * {@code PalletId::into_account_truncating}: {@code "modl" ‖ id ‖ zero padding} to 32 bytes. Nobody
 * holds a key for such an account; only the runtime moves its funds.
 *
 * <p>Example: {@code PalletId("py/trsry")} (Substrate's treasury) owns
 * {@code 0x6d6f646c70792f74727372790000000000000000000000000000000000000000}.
 *
 * @param id the 8 ASCII bytes of the id
 */
public record PalletId(String id) {
    /** The treasury, which receives slashed bonds (Substrate's treasury id). */
    public static final PalletId TREASURY = new PalletId("py/trsry");

    /** Checks the id is 8 ASCII bytes. */
    public PalletId {
        if (id.length() != 8 || !StandardCharsets.US_ASCII.newEncoder().canEncode(id)) {
            throw new IllegalArgumentException("a pallet id is 8 ASCII bytes, got '" + id + "'");
        }
    }

    /** Returns the account owned by this id. */
    public AccountId32 account() {
        byte[] out = new byte[32];
        System.arraycopy("modl".getBytes(StandardCharsets.US_ASCII), 0, out, 0, 4);
        System.arraycopy(id.getBytes(StandardCharsets.US_ASCII), 0, out, 4, 8);
        return AccountId32.of(out);
    }
}
