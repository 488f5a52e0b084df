package io.zklayer.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.zklayer.primitives.Hex;
import java.util.List;

/**
 * The positional parameters of one call, with typed accessors that answer {@code -32602} naming
 * the parameter when a value has the wrong type. Substrate clients send positional arrays; an
 * object of named parameters is accepted too, looked up by the names the method declares.
 */
public final class RpcParams {
    private final JsonNode params;
    private final List<String> names;

    /** Wraps {@code params} (array, object or missing) for a method whose parameters are {@code names}. */
    public RpcParams(JsonNode params, List<String> names) {
        this.params = params == null || params.isNull() ? JsonNodeFactory.instance.arrayNode() : params;
        this.names = names;
        if (!this.params.isArray() && !this.params.isObject()) {
            throw new RpcException(RpcErrorCode.INVALID_PARAMS, "params must be an array or an object");
        }
        if (this.params.isArray() && this.params.size() > names.size()) {
            throw new RpcException(RpcErrorCode.INVALID_PARAMS,
                    "expected at most " + names.size() + " parameters " + names + ", got " + this.params.size());
        }
    }

    /** Returns the raw value of parameter {@code index}, or null when absent or JSON null. */
    public JsonNode raw(int index) {
        JsonNode v = params.isArray() ? params.get(index) : params.get(names.get(index));
        return v == null || v.isNull() ? null : v;
    }

    /** Returns whether parameter {@code index} was given (and is not null). */
    public boolean has(int index) {
        return raw(index) != null;
    }

    /** Returns a required {@code 0x}-hex parameter as bytes. */
    public byte[] hex(int index) {
        JsonNode v = require(index);
        if (!v.isTextual() || !Hex.isPrefixedHex(v.asText())) {
            throw invalid(index, "expected 0x-prefixed hex, got " + describe(v));
        }
        return Hex.decode(v.asText());
    }

    /** Returns an optional {@code 0x}-hex parameter of exactly {@code length} bytes, or null. */
    public byte[] optionalHexOfLength(int index, int length) {
        if (!has(index)) {
            return null;
        }
        byte[] b = hex(index);
        if (b.length != length) {
            throw invalid(index, "expected " + length + " bytes, got " + b.length);
        }
        return b;
    }

    /** Returns a required string parameter. */
    public String string(int index) {
        JsonNode v = require(index);
        if (!v.isTextual()) {
            throw invalid(index, "expected a string, got " + describe(v));
        }
        return v.asText();
    }

    /** Returns a non-negative integer parameter given as a JSON number or a hex/decimal string. */
    public long unsignedLong(int index) {
        JsonNode v = require(index);
        if (v.isIntegralNumber() && v.canConvertToLong() && v.asLong() >= 0) {
            return v.asLong();
        }
        if (v.isTextual()) {
            String s = v.asText();
            try {
                long n = s.startsWith("0x") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseLong(s);
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // fall through to the error naming the parameter
            }
        }
        throw invalid(index, "expected a non-negative integer, got " + describe(v));
    }

    /** Returns a required array parameter. */
    public JsonNode array(int index) {
        JsonNode v = require(index);
        if (!v.isArray()) {
            throw invalid(index, "expected an array, got " + describe(v));
        }
        return v;
    }

    /** Returns an invalid-params error for parameter {@code index}. */
    public RpcException invalid(int index, String problem) {
        return RpcException.invalidParam(index, index < names.size() ? names.get(index) : "?", problem);
    }

    private JsonNode require(int index) {
        JsonNode v = raw(index);
        if (v == null) {
            throw invalid(index, "missing");
        }
        return v;
    }

    private static String describe(JsonNode v) {
        String text = v.toString();
        return v.getNodeType().name().toLowerCase() + " " + (text.length() > 40 ? text.substring(0, 40) + "…" : text);
    }
}
