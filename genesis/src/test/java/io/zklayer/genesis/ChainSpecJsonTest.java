package io.zklayer.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.crypto.Ss58;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.H256;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChainSpecJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ALICE = DevAccounts.ALICE.address();
    private static final String BOB = DevAccounts.BOB.address();

    private static ObjectNode devTree() throws Exception {
        return (ObjectNode) MAPPER.readTree(ChainSpecJson.write(ChainSpecs.dev(), false));
    }

    private static ObjectNode config(ObjectNode root) {
        return (ObjectNode) root.path("genesis").path("runtimeGenesis").path("config");
    }

    private static ArrayNode balances(ObjectNode root) {
        return (ArrayNode) config(root).path("balances").path("balances");
    }

    private static String mutated(Consumer<ObjectNode> change) throws Exception {
        ObjectNode root = devTree();
        change.accept(root);
        return MAPPER.writeValueAsString(root);
    }

    private static String badChecksum(String address) {
        char last = address.charAt(address.length() - 1);
        return address.substring(0, address.length() - 1) + (last == 'a' ? 'b' : 'a');
    }

    @Test
    void humanSpecRoundTripsThroughJson() {
        for (String name : ChainSpecs.PRESETS) {
            ChainSpec spec = ChainSpecs.preset(name);
            String json = ChainSpecJson.write(spec, false);
            assertThat(ChainSpecJson.read(json)).isEqualTo(spec);
            assertThat(ChainSpecJson.write(ChainSpecJson.read(json), false)).isEqualTo(json);
        }
    }

    @Test
    void rawSpecRoundTripsThroughJson() {
        ChainSpec raw = ChainSpecs.local().toRaw();
        String json = ChainSpecJson.write(raw, true);
        assertThat(json).isEqualTo(ChainSpecJson.write(ChainSpecs.local(), true));
        ChainSpec back = ChainSpecJson.read(json);
        assertThat(back).isEqualTo(raw);
        assertThat(ChainSpecJson.write(back, false)).isEqualTo(json);
    }

    @Test
    void humanJsonHasSubstrateLayout() throws Exception {
        JsonNode root = MAPPER.readTree(ChainSpecJson.write(ChainSpecs.dev(), false));
        List<String> fields = new ArrayList<>();
        root.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("name", "id", "chainType", "bootNodes", "telemetryEndpoints", "protocolId",
                "properties", "consensus", "codeSubstitutes", "genesis");
        assertThat(root.get("chainType").asText()).isEqualTo("Development");
        assertThat(root.get("telemetryEndpoints").isNull()).isTrue();
        assertThat(root.get("codeSubstitutes").isEmpty()).isTrue();
        assertThat(root.at("/properties/ss58Format").asInt()).isEqualTo(42);
        assertThat(root.at("/properties/tokenSymbol").asText()).isEqualTo("ZKL");
        assertThat(root.at("/consensus/slotDurationMillis").asLong()).isEqualTo(2000);
        JsonNode config = root.at("/genesis/runtimeGenesis/config");
        assertThat(config.get("system").isEmpty()).isTrue();
        assertThat(config.at("/balances/balances/0/0").asText()).isEqualTo(ALICE);
        assertThat(config.at("/balances/balances/0/1").asText()).isEqualTo("1000000000000000000");
        assertThat(config.at("/sudo/key").asText()).isEqualTo(ALICE);
        assertThat(config.at("/session/validators/0").asText()).isEqualTo(ALICE);
        assertThat(config.at("/session/epochLength").asLong()).isEqualTo(10);
        assertThat(root.at("/consensus").has("epochLengthInSlots")).isFalse();
    }

    @Test
    void anOmittedEpochLengthReadsAsTenBlocksAndAGivenOneIsKept() throws Exception {
        ObjectNode root = (ObjectNode) MAPPER.readTree(ChainSpecJson.write(ChainSpecs.dev(), false));
        ((ObjectNode) config(root).get("session")).remove("epochLength");
        assertThat(((GenesisConfig) ChainSpecJson.read(MAPPER.writeValueAsBytes(root)).genesis()).epochLength())
                .isEqualTo(10);
        ((ObjectNode) config(root).get("session")).put("epochLength", 7);
        ChainSpec spec = ChainSpecJson.read(MAPPER.writeValueAsBytes(root));
        assertThat(((GenesisConfig) spec.genesis()).epochLength()).isEqualTo(7);
        assertThat(ChainSpecJson.write(spec, false)).contains("\"epochLength\": 7");
    }

    @Test
    void poolNodesRoundTripAndReachTheRuntimeWhichChecksTheirModels() throws Exception {
        ObjectNode root = devTree();
        ObjectNode node = ((ArrayNode) config(root).at("/pools/nodes")).addObject();
        node.put("account", BOB);
        node.putArray("models").add(0).add(3);
        node.put("computeUnitsPerEpoch", 500);
        node.put("bond", "200000000000000");
        ChainSpec spec = ChainSpecJson.read(MAPPER.writeValueAsBytes(root));
        GenesisConfig g = (GenesisConfig) spec.genesis();
        assertThat(g.poolNodes()).containsExactly(DevModels.digitsNode(AccountId32.of(DevAccounts.ALICE.publicKey().bytes())),
                new io.zklayer.pallets.pools.PoolsGenesis.GenesisNode(
                AccountId32.of(DevAccounts.BOB.publicKey().bytes()), List.of(0L, 3L), 500,
                new java.math.BigInteger("200000000000000")));
        assertThat(ChainSpecJson.read(ChainSpecJson.write(spec, false).getBytes(StandardCharsets.UTF_8))).isEqualTo(spec);
        assertThat(MAPPER.readTree(ChainSpecJson.write(ChainSpecs.dev(), false)).at("/genesis/runtimeGenesis/config/pools/nodes")
                .size()).as("the dev preset's //Alice node of the digits model").isEqualTo(1);
        // Only model 0 (digits) is registered in this spec, not model 3: the runtime refuses the node when building genesis.
        assertThatThrownBy(() -> GenesisBuilder.zklayer().build(spec))
                .isInstanceOf(ChainSpecException.class)
                .hasMessageContaining("genesis.runtimeGenesis.config: genesis: pools node")
                .hasMessageContaining("Pools.UnknownModel");
    }

    @Test
    void writingIsPrettyAndStable() {
        String json = ChainSpecJson.write(ChainSpecs.dev(), false);
        assertThat(json).startsWith("{\n  \"name\": \"ZKLayer Development\",\n  \"id\": \"dev\",\n");
        assertThat(json).contains("\"bootNodes\": [],").contains("\"codeSubstitutes\": {},").endsWith("}\n");
        assertThat(json).contains("\"system\": {},");
        assertThat(ChainSpecJson.write(ChainSpecs.dev(), false)).isEqualTo(json);
    }

    @Test
    void rawKeysAreWrittenInAscendingOrder() throws Exception {
        JsonNode top = MAPPER.readTree(ChainSpecJson.write(ChainSpecs.dev(), true)).at("/genesis/raw/top");
        List<String> keys = new ArrayList<>();
        top.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).hasSize(25).isSorted();
        assertThat(keys).allMatch(k -> k.matches("0x[0-9a-f]+"));
    }

    @Test
    void amountsAreNumbersUpTo2Pow53MinusOneAndStringsAbove() {
        BigInteger max = BigInteger.ONE.shiftLeft(53).subtract(BigInteger.ONE);
        assertThat(Amounts.toJson(max).isNumber()).isTrue();
        assertThat(Amounts.toJson(max).asText()).isEqualTo("9007199254740991");
        assertThat(Amounts.toJson(max.add(BigInteger.ONE)).isTextual()).isTrue();
        assertThat(Amounts.toJson(max.add(BigInteger.ONE)).asText()).isEqualTo("9007199254740992");
    }

    @Test
    void amountsAreReadFromNumbersOfAnySizeAndFromDecimalStrings() throws Exception {
        String json = mutated(root -> {
            ((ArrayNode) balances(root).get(0)).set(1, MAPPER.getNodeFactory().numberNode(new BigInteger("1000000000000000000")));
            ((ArrayNode) balances(root).get(1)).set(1, MAPPER.getNodeFactory().numberNode(5_000_000_000L));
            ((ArrayNode) balances(root).get(2)).set(1, MAPPER.getNodeFactory().textNode("340282366920938463462374607426768211455"));
            balances(root).remove(3);
            balances(root).remove(3);
            balances(root).remove(3);
            balances(root).remove(3);
            balances(root).remove(3);
        });
        GenesisConfig g = (GenesisConfig) ChainSpecJson.read(json).genesis();
        assertThat(g.balances()).extracting(e -> e.amount().toString())
                .containsExactly("1000000000000000000", "5000000000", "340282366920938463462374607426768211455");
        assertThat(g.totalIssuance()).isEqualTo(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE));
    }

    @Test
    void readsFromAStreamAndRejectsOneByteOverTheLimitBeforeParsing() throws Exception {
        byte[] json = ChainSpecJson.write(ChainSpecs.dev(), false).getBytes(StandardCharsets.UTF_8);
        assertThat(ChainSpecJson.read(new ByteArrayInputStream(json))).isEqualTo(ChainSpecs.dev());
        assertThat(ChainSpecJson.read(json, json.length)).isEqualTo(ChainSpecs.dev());
        assertThatThrownBy(() -> ChainSpecJson.read(json, json.length - 1))
                .isInstanceOf(ChainSpecException.class)
                .hasMessage("$: the document is " + json.length + " bytes, more than the limit of " + (json.length - 1)
                        + " bytes");
        // Not JSON at all, yet the size is what is reported: the check comes before parsing.
        byte[] garbage = new byte[2000];
        assertThatThrownBy(() -> ChainSpecJson.read(new ByteArrayInputStream(garbage), 1000))
                .isInstanceOf(ChainSpecException.class)
                .hasMessage("$: the document is more than the limit of 1000 bytes");
        assertThat(ChainSpecJson.MAX_BYTES).isEqualTo(64 * 1024 * 1024);
    }

    @Test
    void sudoKeyMayBeNullOrAbsent() throws Exception {
        ChainSpec withNull = ChainSpecJson.read(mutated(root -> ((ObjectNode) config(root).get("sudo")).putNull("key")));
        assertThat(((GenesisConfig) withNull.genesis()).sudoKey()).isEmpty();
        ChainSpec without = ChainSpecJson.read(mutated(root -> config(root).remove("sudo")));
        assertThat(((GenesisConfig) without.genesis()).sudoKey()).isEmpty();
        assertThat(ChainSpecJson.read(ChainSpecJson.write(without, false))).isEqualTo(without);
    }

    @Test
    void optionalSubstrateFieldsAreKept() throws Exception {
        ChainSpec spec = ChainSpecJson.read(mutated(root -> {
            root.put("forkId", "fork1");
            root.putArray("telemetryEndpoints").addArray().add("wss://telemetry.example/submit/").add(0);
            root.putArray("badBlocks").add(H256.blake2b256Of(new byte[] {1}).toHex());
            root.putNull("forkBlocks");
            root.putNull("consensusEngine");
            root.remove("chainType");
        }));
        assertThat(spec.forkId()).contains("fork1");
        assertThat(spec.telemetryEndpoints()).containsExactly(new TelemetryEndpoint("wss://telemetry.example/submit/", 0));
        assertThat(spec.badBlocks()).containsExactly(H256.blake2b256Of(new byte[] {1}));
        assertThat(spec.chainType()).as("Substrate's default").isEqualTo(ChainType.LIVE);
        assertThat(ChainSpecJson.read(ChainSpecJson.write(spec, false))).isEqualTo(spec);
    }

    @Test
    void addressesAreWrittenInTheSpecsSs58Format() {
        ChainSpec dev = ChainSpecs.dev();
        ChainSpec polkadotFormat = new ChainSpec(dev.name(), dev.id(), dev.chainType(), dev.bootNodes(),
                dev.telemetryEndpoints(), dev.protocolId(), dev.forkId(), new ChainProperties(0, 12, "ZKL"),
                dev.consensus(), dev.badBlocks(), dev.genesis());
        String json = ChainSpecJson.write(polkadotFormat, false);
        String alice0 = Ss58.encode(0, DevAccounts.ALICE.publicKey().bytes());
        assertThat(json).contains(alice0).doesNotContain(ALICE);
        assertThat(ChainSpecJson.read(json)).isEqualTo(polkadotFormat);
    }

    static Stream<Arguments> malformedSpecs() {
        return Stream.of(
                Arguments.of("unknown top-level field", (Consumer<ObjectNode>) r -> r.put("nmae", "x"),
                        "nmae: unknown field 'nmae'"),
                Arguments.of("unknown pallet config", (Consumer<ObjectNode>) r -> config(r).putObject("staking"),
                        "genesis.runtimeGenesis.config.staking: unknown field 'staking'"),
                Arguments.of("unknown field in properties", (Consumer<ObjectNode>) r -> ((ObjectNode) r.get("properties")).put("x", 1),
                        "properties.x: unknown field 'x'"),
                Arguments.of("runtime code in human form", (Consumer<ObjectNode>) r -> ((ObjectNode) r.at("/genesis/runtimeGenesis")).put("code", "0x00"),
                        "genesis.runtimeGenesis.code: unknown field 'code'"),
                Arguments.of("bad SS58 checksum", (Consumer<ObjectNode>) r -> ((ArrayNode) balances(r).get(2)).set(0,
                                r.textNode(badChecksum(DevAccounts.CHARLIE.address()))),
                        "genesis.runtimeGenesis.config.balances.balances[2][0]: bad SS58 checksum"),
                Arguments.of("non-base58 address", (Consumer<ObjectNode>) r -> ((ArrayNode) config(r).at("/session/validators")).set(0,
                                r.textNode("0OIl")),
                        "genesis.runtimeGenesis.config.session.validators[0]: bad SS58 character"),
                Arguments.of("address of another network", (Consumer<ObjectNode>) r -> ((ObjectNode) config(r).get("sudo")).put("key",
                                Ss58.encode(0, DevAccounts.ALICE.publicKey().bytes())),
                        "genesis.runtimeGenesis.config.sudo.key: address has SS58 prefix 0 but properties.ss58Format is 42"),
                Arguments.of("negative amount", (Consumer<ObjectNode>) r -> ((ArrayNode) balances(r).get(1)).set(1, r.numberNode(-5)),
                        "genesis.runtimeGenesis.config.balances.balances[1][1]: amount -5 must be positive"),
                Arguments.of("negative amount string", (Consumer<ObjectNode>) r -> ((ArrayNode) balances(r).get(1)).set(1, r.textNode("-5")),
                        "genesis.runtimeGenesis.config.balances.balances[1][1]: amount -5 must be positive"),
                Arguments.of("zero amount", (Consumer<ObjectNode>) r -> ((ArrayNode) balances(r).get(4)).set(1, r.numberNode(0)),
                        "genesis.runtimeGenesis.config.balances.balances[4][1]: amount 0 must be positive"),
                Arguments.of("amount over u128", (Consumer<ObjectNode>) r -> ((ArrayNode) balances(r).get(0)).set(1,
                                r.textNode("340282366920938463463374607431768211456")),
                        "genesis.runtimeGenesis.config.balances.balances[0][1]: amount 340282366920938463463374607431768211456 exceeds the u128 maximum"),
                Arguments.of("fractional amount", (Consumer<ObjectNode>) r -> ((ArrayNode) balances(r).get(0)).set(1, r.numberNode(1.5)),
                        "genesis.runtimeGenesis.config.balances.balances[0][1]: expected an amount"),
                Arguments.of("hex amount", (Consumer<ObjectNode>) r -> ((ArrayNode) balances(r).get(0)).set(1, r.textNode("0x10")),
                        "genesis.runtimeGenesis.config.balances.balances[0][1]: amount \"0x10\" is not 1…39 decimal digits"),
                Arguments.of("total issuance over u128", (Consumer<ObjectNode>) r -> {
                            ((ArrayNode) balances(r).get(0)).set(1, r.textNode("340282366920938463463374607431768211455"));
                        },
                        "genesis.runtimeGenesis.config.balances.balances[1][1]: the total issuance up to this entry exceeds"),
                Arguments.of("duplicate account", (Consumer<ObjectNode>) r -> ((ArrayNode) balances(r).get(5)).set(0, r.textNode(BOB)),
                        "genesis.runtimeGenesis.config.balances.balances[5][0]: account " + AccountId32.of(DevAccounts.BOB.publicKey().bytes())
                                + " is already endowed at genesis.runtimeGenesis.config.balances.balances[1]"),
                Arguments.of("endowment of three elements", (Consumer<ObjectNode>) r -> ((ArrayNode) balances(r).get(3)).add(1),
                        "genesis.runtimeGenesis.config.balances.balances[3]: expected an endowment [address, amount] (an array of 2 elements), got 3"),
                Arguments.of("empty validator set", (Consumer<ObjectNode>) r -> ((ArrayNode) config(r).at("/session/validators")).removeAll(),
                        "genesis.runtimeGenesis.config.session.validators: the validator set is empty"),
                Arguments.of("repeated validator", (Consumer<ObjectNode>) r -> ((ArrayNode) config(r).at("/session/validators")).add(ALICE),
                        "genesis.runtimeGenesis.config.session.validators[1]: validator"),
                Arguments.of("missing session", (Consumer<ObjectNode>) r -> config(r).remove("session"),
                        "genesis.runtimeGenesis.config.session: missing required field 'session'"),
                Arguments.of("non-empty system config", (Consumer<ObjectNode>) r -> ((ObjectNode) config(r).get("system")).put("code", "0x"),
                        "genesis.runtimeGenesis.config.system.code: unknown field 'code'"),
                Arguments.of("unknown chain type", (Consumer<ObjectNode>) r -> r.put("chainType", "development"),
                        "chainType: unknown chain type 'development' (expected Development, Local or Live)"),
                Arguments.of("ss58Format out of range", (Consumer<ObjectNode>) r -> ((ObjectNode) r.get("properties")).put("ss58Format", 16384),
                        "properties.ss58Format: 16384 is outside 0…16383"),
                Arguments.of("tokenDecimals as string", (Consumer<ObjectNode>) r -> ((ObjectNode) r.get("properties")).put("tokenDecimals", "12"),
                        "properties.tokenDecimals: expected an integer, got a string"),
                Arguments.of("missing properties", (Consumer<ObjectNode>) r -> r.remove("properties"),
                        "properties: missing required field 'properties'"),
                Arguments.of("zero epoch length", (Consumer<ObjectNode>) r -> ((ObjectNode) config(r).get("session")).put("epochLength", 0),
                        "genesis.runtimeGenesis.config.session.epochLength: 0 is outside 1…1000000"),
                Arguments.of("epoch length in the consensus section", (Consumer<ObjectNode>) r -> ((ObjectNode) r.get("consensus")).put("epochLengthInSlots", 10),
                        "consensus.epochLengthInSlots: the epoch length moved into the genesis state: set genesis.runtimeGenesis.config.session.epochLength (in blocks) instead"),
                Arguments.of("pool node without models", (Consumer<ObjectNode>) r -> ((ArrayNode) config(r).at("/pools/nodes")).addObject()
                                .put("account", BOB).put("computeUnitsPerEpoch", 1).put("bond", 1).putArray("models"),
                        "genesis.runtimeGenesis.config.pools.nodes[1].models: a node must serve at least one model"),
                Arguments.of("pool node with an unknown field", (Consumer<ObjectNode>) r -> ((ArrayNode) config(r).at("/pools/nodes")).addObject()
                                .put("account", BOB).put("units", 1),
                        "genesis.runtimeGenesis.config.pools.nodes[1].units: unknown field 'units'"),
                Arguments.of("pool node with a model id above u32", (Consumer<ObjectNode>) r -> ((ArrayNode) config(r).at("/pools/nodes")).addObject()
                                .put("account", BOB).put("computeUnitsPerEpoch", 1).put("bond", 1).putArray("models").add(1L << 32),
                        "genesis.runtimeGenesis.config.pools.nodes[1].models[0]: 4294967296 is outside 0…4294967295"),
                Arguments.of("zero slot duration", (Consumer<ObjectNode>) r -> ((ObjectNode) r.get("consensus")).put("slotDurationMillis", 0),
                        "consensus.slotDurationMillis: 0 is outside 1…3600000"),
                Arguments.of("bad id", (Consumer<ObjectNode>) r -> r.put("id", "my chain"),
                        "id: must be 1…64 characters of [A-Za-z0-9_-]"),
                Arguments.of("boot node without peer id", (Consumer<ObjectNode>) r -> r.putArray("bootNodes").add("/ip4/127.0.0.1/tcp/30333"),
                        "bootNodes[0]: '/ip4/127.0.0.1/tcp/30333' must end with /p2p/<base58 peer id>"),
                Arguments.of("code substitutes", (Consumer<ObjectNode>) r -> ((ObjectNode) r.get("codeSubstitutes")).put("100", "0x00"),
                        "codeSubstitutes: code substitutes are not supported"),
                Arguments.of("fork blocks", (Consumer<ObjectNode>) r -> r.putArray("forkBlocks"),
                        "forkBlocks: fork blocks are not supported"),
                Arguments.of("both genesis forms", (Consumer<ObjectNode>) r -> ((ObjectNode) r.get("genesis")).putObject("raw").putObject("top"),
                        "genesis: must hold exactly one of 'runtimeGenesis' (human form) or 'raw' (raw form)"),
                Arguments.of("no genesis form", (Consumer<ObjectNode>) r -> r.putObject("genesis"),
                        "genesis: must hold exactly one of"),
                Arguments.of("raw key not hex", (Consumer<ObjectNode>) r -> r.putObject("genesis").putObject("raw").putObject("top")
                                .put("0x00", "0x01").put("0xzz", "0x01"),
                        "genesis.raw.top[\"0xzz\"]: key is not 0x-prefixed hex"),
                Arguments.of("raw key without prefix", (Consumer<ObjectNode>) r -> r.putObject("genesis").putObject("raw").putObject("top")
                                .put("abcd", "0x01"),
                        "genesis.raw.top[\"abcd\"]: key is not 0x-prefixed hex"),
                Arguments.of("raw value odd length", (Consumer<ObjectNode>) r -> r.putObject("genesis").putObject("raw").putObject("top")
                                .put("0xabcd", "0x012"),
                        "genesis.raw.top[\"0xabcd\"]: value is not 0x-prefixed hex with an even number of digits"),
                Arguments.of("raw key twice in different case", (Consumer<ObjectNode>) r -> r.putObject("genesis").putObject("raw").putObject("top")
                                .put("0xabcd", "0x01").put("0xABCD", "0x02"),
                        "genesis.raw.top[\"0xABCD\"]: key 0xABCD appears twice"),
                Arguments.of("child tries", (Consumer<ObjectNode>) r -> {
                            ObjectNode raw = r.putObject("genesis").putObject("raw");
                            raw.putObject("top");
                            raw.putObject("childrenDefault").putObject("0x01");
                        },
                        "genesis.raw.childrenDefault: child tries are not supported"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedSpecs")
    void rejectsMalformedSpecNamingThePath(String what, Consumer<ObjectNode> change, String expectedStart) throws Exception {
        String json = mutated(change);
        assertThatThrownBy(() -> ChainSpecJson.read(json))
                .as(what)
                .isInstanceOf(ChainSpecException.class)
                .hasMessageStartingWith(expectedStart);
    }

    @Test
    void errorCarriesThePathAndTheReasonApart() throws Exception {
        String json = mutated(r -> ((ObjectNode) r.get("properties")).put("ss58Format", -1));
        ChainSpecException e = org.junit.jupiter.api.Assertions.assertThrows(ChainSpecException.class,
                () -> ChainSpecJson.read(json));
        assertThat(e.path()).isEqualTo("properties.ss58Format");
        assertThat(e.reason()).isEqualTo("-1 is outside 0…16383");
    }

    @Test
    void rejectsDocumentsThatAreNotOneJsonObject() {
        assertThatThrownBy(() -> ChainSpecJson.read("")).isInstanceOf(ChainSpecException.class)
                .hasMessageStartingWith("$: ");
        assertThatThrownBy(() -> ChainSpecJson.read("[]")).isInstanceOf(ChainSpecException.class)
                .hasMessage("$: expected an object, got an array");
        assertThatThrownBy(() -> ChainSpecJson.read("{\"name\": ")).isInstanceOf(ChainSpecException.class)
                .hasMessageContaining("not valid JSON");
        String dev = ChainSpecJson.write(ChainSpecs.dev(), false);
        assertThatThrownBy(() -> ChainSpecJson.read(dev + "{}")).isInstanceOf(ChainSpecException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void rejectsDuplicateKeysNamingWhere() {
        String json = ChainSpecJson.write(ChainSpecs.dev(), false).replace("\"ss58Format\": 42,",
                "\"ss58Format\": 42, \"ss58Format\": 0,");
        assertThatThrownBy(() -> ChainSpecJson.read(json))
                .isInstanceOf(ChainSpecException.class)
                .hasMessageStartingWith("properties.ss58Format: not valid JSON: Duplicate field 'ss58Format'");
    }

    @Test
    void rejectsNestingDeeperThanTheLimit() {
        String deep = "{\"name\": " + "[".repeat(100) + "]".repeat(100) + "}";
        assertThatThrownBy(() -> ChainSpecJson.read(deep))
                .isInstanceOf(ChainSpecException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void genesisConfigChecksAlsoApplyWhenBuiltInCode() {
        AccountId32 alice = AccountId32.of(DevAccounts.ALICE.publicKey().bytes());
        assertThatThrownBy(() -> new GenesisConfig(List.of(), Optional.empty(), List.of()))
                .isInstanceOf(ChainSpecException.class)
                .hasMessageStartingWith("genesis.runtimeGenesis.config.session.validators: the validator set is empty");
        assertThatThrownBy(() -> new GenesisConfig(List.of(new GenesisConfig.Endowment(alice, BigInteger.ONE),
                new GenesisConfig.Endowment(alice, BigInteger.TWO)), Optional.empty(), List.of(alice)))
                .isInstanceOf(ChainSpecException.class)
                .hasMessageStartingWith("genesis.runtimeGenesis.config.balances.balances[1][0]: account");
    }
}
