package io.zklayer.runtime;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleDecodeException;

/**
 * Why a dispatched call failed, encoded as Substrate's {@code sp_runtime::DispatchError} so that
 * clients decode {@code ExtrinsicFailed} events: {@code Module(5, 2)} → {@code 0x03 05 02000000}.
 */
public sealed interface DispatchError {
    /** A failure with no better variant (index 0; the text is not encoded). */
    record Other(String message) implements DispatchError {}

    /** An account lookup failed (index 1). */
    record CannotLookup() implements DispatchError {}

    /** The origin may not make this call (index 2). */
    record BadOrigin() implements DispatchError {}

    /** A pallet's own error (index 3): pallet index, error index, and the error's name for logs. */
    record Module(int palletIndex, int errorIndex, String name) implements DispatchError {}

    /** A token rule was broken (index 7). */
    record Token(TokenError error) implements DispatchError {}

    /** Checked arithmetic failed (index 8). */
    record Arithmetic(ArithmeticError error) implements DispatchError {}

    /** A resource limit was hit (index 10). */
    record Exhausted() implements DispatchError {}

    /** State that must exist is missing or corrupt (index 11). */
    record Corruption() implements DispatchError {}

    /** Substrate's TokenError variants, by index. */
    enum TokenError {
        FUNDS_UNAVAILABLE, ONLY_PROVIDER, BELOW_MINIMUM, CANNOT_CREATE, UNKNOWN_ASSET, FROZEN, UNSUPPORTED,
        CANNOT_CREATE_HOLD, NOT_EXPENDABLE, BLOCKED
    }

    /** Substrate's ArithmeticError variants, by index. */
    enum ArithmeticError {
        UNDERFLOW, OVERFLOW, DIVISION_BY_ZERO
    }

    /** SCALE codec of Substrate's DispatchError. */
    ScaleCodec<DispatchError> CODEC = ScaleCodecs.of("DispatchError", 1, (w, e) -> {
        if (e instanceof Other) {
            w.u8(0);
        } else if (e instanceof CannotLookup) {
            w.u8(1);
        } else if (e instanceof BadOrigin) {
            w.u8(2);
        } else if (e instanceof Module m) {
            w.u8(3).u8(m.palletIndex()).u8(m.errorIndex()).u8(0).u8(0).u8(0);
        } else if (e instanceof Token t) {
            w.u8(7).u8(t.error().ordinal());
        } else if (e instanceof Arithmetic a) {
            w.u8(8).u8(a.error().ordinal());
        } else if (e instanceof Exhausted) {
            w.u8(10);
        } else if (e instanceof Corruption) {
            w.u8(11);
        } else {
            throw new IllegalArgumentException("unencodable dispatch error " + e);
        }
    }, r -> {
        int start = r.position();
        int index = r.u8();
        switch (index) {
            case 0:
                return new Other("");
            case 1:
                return new CannotLookup();
            case 2:
                return new BadOrigin();
            case 3: {
                int pallet = r.u8();
                byte[] error = r.raw(4, "ModuleError.error");
                return new Module(pallet, error[0] & 0xFF, "");
            }
            case 7: {
                int i = r.u8();
                if (i >= TokenError.values().length) {
                    throw new ScaleDecodeException("TokenError", start + 1, "unknown variant index " + i);
                }
                return new Token(TokenError.values()[i]);
            }
            case 8: {
                int i = r.u8();
                if (i >= ArithmeticError.values().length) {
                    throw new ScaleDecodeException("ArithmeticError", start + 1, "unknown variant index " + i);
                }
                return new Arithmetic(ArithmeticError.values()[i]);
            }
            case 10:
                return new Exhausted();
            case 11:
                return new Corruption();
            default:
                throw new ScaleDecodeException("DispatchError", start, "unknown variant index " + index);
        }
    });

    /** Returns a readable form for logs and RPC: {@code Balances.InsufficientBalance}. */
    default String describe() {
        if (this instanceof Module m) {
            return m.name().isEmpty() ? "Module(" + m.palletIndex() + ", " + m.errorIndex() + ")" : m.name();
        }
        if (this instanceof Token t) {
            return "Token." + t.error();
        }
        if (this instanceof Arithmetic a) {
            return "Arithmetic." + a.error();
        }
        if (this instanceof Other o) {
            return "Other(" + o.message() + ")";
        }
        return getClass().getSimpleName();
    }
}
