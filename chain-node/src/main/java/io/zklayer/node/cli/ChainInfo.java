package io.zklayer.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.zklayer.node.client.RpcClient;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.crypto.Ss58;
import io.zklayer.primitives.types.H256;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a client must know of a chain to sign for it and to show amounts, read from a node:
 * the genesis hash ({@code chain_getBlockHash [0]}), the runtime's spec and transaction versions
 * ({@code state_getRuntimeVersion}) and the token and address format ({@code system_properties}).
 * A signature covers the genesis hash and both versions, so a transaction signed for one chain or
 * runtime is refused by another (1010, bad signature).
 *
 * @param genesisHash the hash of block 0
 * @param specName the runtime's name, {@code zklayer}
 * @param specVersion the runtime's spec version
 * @param transactionVersion the runtime's transaction version
 * @param tokenDecimals the token's decimal places (12 on ZKLayer), if the chain says
 * @param tokenSymbol the token's symbol ({@code ZKL}), or {@code units} if the chain has none
 * @param ss58Format the SS58 prefix of the chain's addresses (42 unless the chain says otherwise)
 */
record ChainInfo(H256 genesisHash, String specName, long specVersion, long transactionVersion, OptionalInt tokenDecimals,
                 String tokenSymbol, int ss58Format) {
    /** The most decimal places a u128 balance can meaningfully have. */
    static final int MAX_DECIMALS = 38;

    /** Checks every part. */
    ChainInfo {
        Objects.requireNonNull(genesisHash, "genesisHash");
        Objects.requireNonNull(specName, "specName");
        Objects.requireNonNull(tokenDecimals, "tokenDecimals");
        Objects.requireNonNull(tokenSymbol, "tokenSymbol");
    }

    /**
     * Returns the chain's information as the node at {@code client} reports it.
     *
     * @throws io.zklayer.node.client.RpcClientException when a call fails
     * @throws IllegalStateException when an answer does not have the shape Substrate gives it
     */
    static ChainInfo read(RpcClient client) {
        return of(client.call("chain_getBlockHash", 0), client.call("state_getRuntimeVersion"),
                client.call("system_properties"));
    }

    /**
     * Returns the chain's information from the node's answers to {@code chain_getBlockHash [0]},
     * {@code state_getRuntimeVersion} and {@code system_properties}.
     *
     * @throws IllegalStateException naming the method whose answer does not have Substrate's shape
     */
    static ChainInfo of(JsonNode genesis, JsonNode version, JsonNode properties) {
        if (!genesis.isTextual() || !Hex.isPrefixedHex(genesis.asText()) || genesis.asText().length() != 66) {
            throw new IllegalStateException("the node answered chain_getBlockHash(0) with " + genesis
                    + ", not a 32-byte 0x-hex hash");
        }
        if (!version.isObject() || !version.path("specName").isTextual()) {
            throw new IllegalStateException("the node's state_getRuntimeVersion has no specName: " + version);
        }
        if (!properties.isObject()) {
            throw new IllegalStateException("the node's system_properties is not an object: " + properties);
        }
        return new ChainInfo(H256.fromHex(genesis.asText()), version.get("specName").asText(),
                u32(version, "specVersion"), u32(version, "transactionVersion"), decimals(properties),
                symbol(properties), ss58Format(properties));
    }

    /** Returns {@code account} as an address of this chain: {@code 5FA9nQDV…TTpu} under prefix 42. */
    String address(byte[] account) {
        return Ss58.encode(ss58Format, account);
    }

    private static long u32(JsonNode version, String field) {
        JsonNode v = version.get(field);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0 || v.asLong() > 0xFFFFFFFFL) {
            throw new IllegalStateException("the node's state_getRuntimeVersion has no u32 " + field + ": " + version);
        }
        return v.asLong();
    }

    // Substrate chains give a number, or an array (one per token) whose first entry is the native token.
    private static OptionalInt decimals(JsonNode properties) {
        JsonNode d = first(properties.get("tokenDecimals"));
        if (d == null || d.isNull()) {
            return OptionalInt.empty();
        }
        if (!d.isIntegralNumber() || d.asLong() < 0 || d.asLong() > MAX_DECIMALS) {
            throw new IllegalStateException("the node's system_properties has tokenDecimals " + d + ", not 0…" + MAX_DECIMALS);
        }
        return OptionalInt.of(d.asInt());
    }

    private static String symbol(JsonNode properties) {
        JsonNode s = first(properties.get("tokenSymbol"));
        return s != null && s.isTextual() && !s.asText().isBlank() ? s.asText() : "units";
    }

    private static int ss58Format(JsonNode properties) {
        JsonNode f = properties.get("ss58Format");
        if (f == null || f.isNull()) {
            return Ss58.GENERIC_PREFIX;
        }
        if (!f.isIntegralNumber() || f.asLong() < 0 || f.asLong() > Ss58.MAX_PREFIX) {
            throw new IllegalStateException("the node's system_properties has ss58Format " + f + ", not 0…" + Ss58.MAX_PREFIX);
        }
        return f.asInt();
    }

    private static JsonNode first(JsonNode node) {
        return node != null && node.isArray() ? node.get(0) : node;
    }
}
