package io.zklayer.genesis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zklayer.pallets.pools.PoolsGenesis;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.crypto.Ss58;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.H256;
import java.util.Map;

/**
 * Builds the JSON tree of a chain spec with a fixed field order (Substrate's, with the ZKLayer
 * {@code consensus} extension after {@code properties}) and raw keys in ascending order, so that
 * the same spec always writes the same bytes.
 */
final class ChainSpecWriter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ChainSpecWriter() {}

    static ObjectNode toTree(ChainSpec spec) {
        ObjectNode root = F.objectNode();
        root.put("name", spec.name());
        root.put("id", spec.id());
        root.put("chainType", spec.chainType().jsonName());
        ArrayNode boot = root.putArray("bootNodes");
        spec.bootNodes().forEach(boot::add);
        if (spec.telemetryEndpoints().isEmpty()) {
            root.putNull("telemetryEndpoints");
        } else {
            ArrayNode telemetry = root.putArray("telemetryEndpoints");
            spec.telemetryEndpoints().forEach(t -> telemetry.addArray().add(t.url()).add(t.verbosity()));
        }
        if (spec.protocolId().isPresent()) {
            root.put("protocolId", spec.protocolId().get());
        } else {
            root.putNull("protocolId");
        }
        spec.forkId().ifPresent(f -> root.put("forkId", f));
        ObjectNode props = root.putObject("properties");
        props.put("ss58Format", spec.properties().ss58Format());
        props.put("tokenDecimals", spec.properties().tokenDecimals());
        props.put("tokenSymbol", spec.properties().tokenSymbol());
        spec.consensus().ifPresent(c -> {
            ObjectNode consensus = root.putObject("consensus");
            consensus.put("slotDurationMillis", c.slotDurationMillis());
        });
        if (!spec.badBlocks().isEmpty()) {
            ArrayNode bad = root.putArray("badBlocks");
            spec.badBlocks().stream().map(H256::toHex).forEach(bad::add);
        }
        root.putObject("codeSubstitutes");
        ObjectNode genesis = root.putObject("genesis");
        if (spec.genesis() instanceof RawGenesis raw) {
            ObjectNode rawNode = genesis.putObject("raw");
            ObjectNode top = rawNode.putObject("top");
            for (Map.Entry<byte[], byte[]> e : raw.entries()) {
                top.put(Hex.encode(e.getKey()), Hex.encode(e.getValue()));
            }
            rawNode.putObject("childrenDefault");
        } else {
            writeConfig(genesis.putObject("runtimeGenesis").putObject("config"), (GenesisConfig) spec.genesis(),
                    spec.properties().ss58Format());
        }
        return root;
    }

    private static void writeConfig(ObjectNode config, GenesisConfig g, int ss58Format) {
        config.putObject("system");
        ArrayNode balances = config.putObject("balances").putArray("balances");
        for (GenesisConfig.Endowment e : g.balances()) {
            balances.addArray().add(address(e.account(), ss58Format)).add(Amounts.toJson(e.amount()));
        }
        ObjectNode sudo = config.putObject("sudo");
        if (g.sudoKey().isPresent()) {
            sudo.put("key", address(g.sudoKey().get(), ss58Format));
        } else {
            sudo.putNull("key");
        }
        ObjectNode session = config.putObject("session");
        ArrayNode validators = session.putArray("validators");
        g.validators().forEach(v -> validators.add(address(v, ss58Format)));
        session.put("epochLength", g.epochLength());
        ModelsGenesisJson.write(config, g.models(), a -> address(a, ss58Format));
        ArrayNode nodes = config.putObject("pools").putArray("nodes");
        for (PoolsGenesis.GenesisNode n : g.poolNodes()) {
            ObjectNode node = nodes.addObject();
            node.put("account", address(n.account(), ss58Format));
            ArrayNode models = node.putArray("models");
            n.models().forEach(models::add);
            node.put("computeUnitsPerEpoch", n.computeUnitsPerEpoch());
            node.set("bond", Amounts.toJson(n.bond()));
        }
    }

    private static String address(AccountId32 account, int ss58Format) {
        return Ss58.encode(ss58Format, account.bytes());
    }
}
