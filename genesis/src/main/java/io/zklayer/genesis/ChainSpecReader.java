package io.zklayer.genesis;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.crypto.Ss58;
import io.zklayer.primitives.crypto.Ss58Address;
import io.zklayer.primitives.crypto.Ss58Exception;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.H256;
import io.zklayer.pallets.models.ModelsGenesis;
import io.zklayer.pallets.pools.PoolsGenesis;
import io.zklayer.runtime.EpochSchedule;
import io.zklayer.runtime.RuntimeGenesisConfig;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a chain spec from its JSON tree, strictly: unknown fields, wrong types, bad addresses and
 * bad hex are {@link ChainSpecException}s naming the JSON path. See {@link ChainSpecJson} for the
 * accepted layout.
 */
final class ChainSpecReader {
    private static final Set<String> TOP_FIELDS = Set.of("name", "id", "chainType", "bootNodes", "telemetryEndpoints",
            "protocolId", "forkId", "properties", "consensus", "codeSubstitutes", "genesis", "badBlocks", "forkBlocks",
            "consensusEngine");
    private static final Set<String> TOP_REQUIRED = Set.of("name", "id", "bootNodes", "properties", "genesis");
    private static final Set<String> PROPERTIES = Set.of("ss58Format", "tokenDecimals", "tokenSymbol");
    private static final Set<String> CONSENSUS = Set.of("slotDurationMillis");
    private static final Set<String> CONFIG = Set.of("system", "balances", "sudo", "session", "pools", "models");
    private static final Set<String> POOL_NODE = Set.of("account", "models", "computeUnitsPerEpoch", "bond");

    private int ss58Format;

    ChainSpec read(JsonCursor root) {
        root.object(TOP_FIELDS, TOP_REQUIRED);
        String name = root.field("name").text();
        String id = root.field("id").text();
        ChainType chainType = root.optionalField("chainType").map(ChainSpecReader::chainType).orElse(ChainType.LIVE);
        List<String> bootNodes = root.field("bootNodes").array().stream().map(JsonCursor::text).toList();
        List<TelemetryEndpoint> telemetry = root.optionalField("telemetryEndpoints")
                .map(t -> t.array().stream().map(ChainSpecReader::telemetry).toList()).orElse(List.of());
        Optional<String> protocolId = root.optionalField("protocolId").map(JsonCursor::text);
        Optional<String> forkId = root.optionalField("forkId").map(JsonCursor::text);
        ChainProperties properties = properties(root.field("properties"));
        ss58Format = properties.ss58Format();
        Optional<ConsensusConfig> consensus = root.optionalField("consensus").map(ChainSpecReader::consensus);
        root.optionalField("codeSubstitutes").ifPresent(c -> {
            if (!c.members().isEmpty()) {
                throw c.error("code substitutes are not supported: the ZKLayer runtime is native, not Wasm code in state");
            }
        });
        root.optionalField("forkBlocks").ifPresent(f -> {
            throw f.error("fork blocks are not supported; only null is accepted");
        });
        root.optionalField("consensusEngine").ifPresent(f -> {
            throw f.error("consensusEngine is obsolete in Substrate; only null is accepted");
        });
        List<H256> badBlocks = root.optionalField("badBlocks")
                .map(b -> b.array().stream().map(ChainSpecReader::hash).toList()).orElse(List.of());
        SpecGenesis genesis = genesis(root.field("genesis"));
        return new ChainSpec(name, id, chainType, bootNodes, telemetry, protocolId, forkId, properties, consensus,
                badBlocks, genesis);
    }

    private static ChainType chainType(JsonCursor c) {
        String s = c.text();
        return ChainType.fromJsonName(s).orElseThrow(() -> c.error("unknown chain type '" + s
                + "' (expected Development, Local or Live)"));
    }

    private static TelemetryEndpoint telemetry(JsonCursor c) {
        List<JsonCursor> pair = c.tuple(2, "a telemetry endpoint [url, verbosity]");
        String url = pair.get(0).text();
        int verbosity = pair.get(1).intIn(0, 255);
        try {
            return new TelemetryEndpoint(url, verbosity);
        } catch (IllegalArgumentException e) {
            throw c.error(e.getMessage());
        }
    }

    private static ChainProperties properties(JsonCursor c) {
        c.object(PROPERTIES, PROPERTIES);
        int ss58 = c.field("ss58Format").intIn(0, Ss58.MAX_PREFIX);
        int decimals = c.field("tokenDecimals").intIn(0, 255);
        JsonCursor symbol = c.field("tokenSymbol");
        try {
            return new ChainProperties(ss58, decimals, symbol.text());
        } catch (IllegalArgumentException e) {
            throw symbol.error(e.getMessage());
        }
    }

    private static ConsensusConfig consensus(JsonCursor c) {
        if (c.node().has("epochLengthInSlots")) {
            throw c.field("epochLengthInSlots").error("the epoch length moved into the genesis state: set "
                    + GenesisConfig.EPOCH_LENGTH_PATH + " (in blocks) instead");
        }
        c.object(CONSENSUS, CONSENSUS);
        long slot = c.field("slotDurationMillis").longIn(1, ConsensusConfig.MAX_SLOT_DURATION_MILLIS);
        return new ConsensusConfig(slot);
    }

    private static H256 hash(JsonCursor c) {
        byte[] bytes = hex(c, "block hash");
        if (bytes.length != H256.LENGTH) {
            throw c.error("a block hash has 32 bytes, got " + bytes.length);
        }
        return H256.of(bytes);
    }

    private SpecGenesis genesis(JsonCursor c) {
        c.object(Set.of("runtimeGenesis", "raw"), Set.of());
        boolean human = c.node().has("runtimeGenesis");
        boolean raw = c.node().has("raw");
        if (human == raw) {
            throw c.error("must hold exactly one of 'runtimeGenesis' (human form) or 'raw' (raw form)");
        }
        return human ? runtimeGenesis(c.field("runtimeGenesis")) : raw(c.field("raw"));
    }

    private GenesisConfig runtimeGenesis(JsonCursor c) {
        c.object(Set.of("config"), Set.of("config"));
        JsonCursor config = c.field("config").object(CONFIG, Set.of("session"));
        config.optionalField("system").ifPresent(s -> s.object(Set.of(), Set.of()));
        List<GenesisConfig.Endowment> balances = new ArrayList<>();
        Optional<JsonCursor> balancesSection = config.optionalField("balances");
        if (balancesSection.isPresent()) {
            JsonCursor list = balancesSection.get().object(Set.of("balances"), Set.of("balances")).field("balances");
            for (JsonCursor entry : list.array()) {
                List<JsonCursor> pair = entry.tuple(2, "an endowment [address, amount]");
                AccountId32 who = account(pair.get(0));
                BigInteger amount = Amounts.read(pair.get(1));
                balances.add(new GenesisConfig.Endowment(who, amount));
            }
        }
        Optional<AccountId32> sudoKey = Optional.empty();
        Optional<JsonCursor> sudo = config.optionalField("sudo");
        if (sudo.isPresent()) {
            sudoKey = sudo.get().object(Set.of("key"), Set.of()).optionalField("key").map(this::account);
        }
        JsonCursor session = config.field("session").object(Set.of("validators", "epochLength"), Set.of("validators"));
        List<AccountId32> validators = session.field("validators").array().stream().map(this::account).toList();
        long epochLength = session.optionalField("epochLength").map(e -> e.longIn(1, EpochSchedule.MAX_LENGTH))
                .orElse(RuntimeGenesisConfig.DEFAULT_EPOCH_LENGTH);
        List<PoolsGenesis.GenesisNode> poolNodes = new ArrayList<>();
        Optional<JsonCursor> pools = config.optionalField("pools");
        if (pools.isPresent()) {
            for (JsonCursor n : pools.get().object(Set.of("nodes"), Set.of("nodes")).field("nodes").array()) {
                n.object(POOL_NODE, POOL_NODE);
                AccountId32 who = account(n.field("account"));
                List<Long> models = n.field("models").array().stream().map(m -> m.longIn(0, 0xFFFF_FFFFL)).toList();
                long units = n.field("computeUnitsPerEpoch").longIn(1, Long.MAX_VALUE);
                BigInteger bond = Amounts.read(n.field("bond"));
                poolNodes.add(new PoolsGenesis.GenesisNode(who, models, units, bond));
            }
        }
        ModelsGenesis models = config.optionalField("models").map(m -> ModelsGenesisJson.read(m, this::account))
                .orElse(ModelsGenesis.EMPTY);
        return new GenesisConfig(balances, sudoKey, validators, epochLength, poolNodes, models);
    }

    private AccountId32 account(JsonCursor c) {
        String text = c.text();
        Ss58Address address;
        try {
            address = Ss58.decode(text);
        } catch (Ss58Exception e) {
            String rule = switch (e.reason()) {
                case BAD_CHECKSUM -> "bad SS58 checksum";
                case BAD_CHARACTER -> "bad SS58 character";
                case BAD_LENGTH -> "bad SS58 length";
                case BAD_PREFIX -> "bad SS58 prefix";
            };
            throw c.error(rule + " (" + e.getMessage() + ")");
        }
        if (address.prefix() != ss58Format) {
            throw c.error("address has SS58 prefix " + address.prefix() + " but properties.ss58Format is " + ss58Format);
        }
        return AccountId32.of(address.account());
    }

    private static RawGenesis raw(JsonCursor c) {
        c.object(Set.of("top", "childrenDefault"), Set.of("top"));
        c.optionalField("childrenDefault").ifPresent(children -> {
            if (!children.members().isEmpty()) {
                throw children.error("child tries are not supported by the ZKLayer runtime; only {} is accepted");
            }
        });
        TreeMap<byte[], byte[]> top = new TreeMap<>(Arrays::compareUnsigned);
        for (Map.Entry<String, JsonCursor> e : c.field("top").members()) {
            JsonCursor at = e.getValue();
            if (!Hex.isPrefixedHex(e.getKey())) {
                throw at.error("key is not 0x-prefixed hex with an even number of digits");
            }
            byte[] key = Hex.decode(e.getKey());
            byte[] value = hex(at, "value");
            if (top.put(key, value) != null) {
                throw at.error("key " + e.getKey() + " appears twice (in another letter case)");
            }
        }
        return new RawGenesis(top);
    }

    private static byte[] hex(JsonCursor c, String what) {
        String s = c.text();
        if (!Hex.isPrefixedHex(s)) {
            throw c.error(what + " is not 0x-prefixed hex with an even number of digits");
        }
        return Hex.decode(s.toLowerCase(Locale.ROOT));
    }
}
