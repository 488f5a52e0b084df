package io.zklayer.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zklayer.pallets.models.ModelInfo;
import io.zklayer.pallets.models.ModelsStorage;
import io.zklayer.pallets.verifier.EncodedVerifyingKey;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.model.OutputSpec;
import io.zklayer.primitives.trie.MemoryNodeStore;
import io.zklayer.primitives.trie.TrieState;
import io.zklayer.primitives.types.AccountId32;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ModelsGenesisJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AccountId32 ALICE = AccountId32.of(DevAccounts.ALICE.publicKey().bytes());
    private final GenesisBuilder builder = GenesisBuilder.zklayer();

    private static String snarkjsKey() throws IOException {
        try (InputStream in = ModelsGenesisJsonTest.class.getResourceAsStream("/models/mlp_verification_key.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Returns the dev spec as a JSON tree with one genesis model (the mlp circuit's snarkjs key, 9 logits). */
    private static ObjectNode devSpecWithModel() throws IOException {
        ObjectNode spec = (ObjectNode) JSON.readTree(ChainSpecJson.write(ChainSpecs.dev(), false));
        ObjectNode config = (ObjectNode) spec.at("/genesis/runtimeGenesis/config");
        ArrayNode models = config.putObject("models").putArray("models");
        ObjectNode m = models.addObject();
        m.put("owner", DevAccounts.ALICE.publicKey().toSs58());
        m.put("name", "mlp");
        m.put("description", "64-16-10 quantized MLP from the snarkjs vectors");
        ObjectNode io = m.putObject("io");
        ObjectNode input = io.putObject("input");
        input.putArray("shape").add(8).add(8);
        input.put("min", 0);
        input.put("max", 16);
        io.put("output", "logits");
        io.put("outputValues", 9);
        m.put("weightCommitment", "0x" + "00".repeat(31) + "2a");
        m.set("verifyingKey", JSON.readTree(snarkjsKey()));
        m.putNull("wasmCode");
        m.put("pricePerInference", 1_000_000_000_000L);
        m.put("computeUnits", 100);
        return spec;
    }

    private static ChainSpec read(JsonNode spec) {
        return ChainSpecJson.read(spec.toString());
    }

    @Test
    void aGenesisModelWithASnarkjsKeyIsRegisteredAndWritesBackInScaleFormToTheSameGenesis() throws IOException {
        ChainSpec spec = read(devSpecWithModel());
        GenesisConfig g = (GenesisConfig) spec.genesis();
        assertThat(g.models().models()).hasSize(1);
        var registration = g.models().models().get(0).registration();
        assertThat(registration.io().output()).isEqualTo(new OutputSpec.Logits());
        assertThat(registration.circuit().weightCommitmentBytes()).isEqualTo(io.zklayer.primitives.Hex.decode("0x" + "00".repeat(31) + "2a"));
        assertThat(registration.circuit().verifyingKey()).isEqualTo(EncodedVerifyingKey.fromSnarkjsJson(snarkjsKey()));

        GenesisBlock block = builder.build(spec);
        TrieState state = block.stateIn(new MemoryNodeStore());
        ModelInfo info = ModelsStorage.MODELS.get(state, 0L);
        assertThat(info.name()).isEqualTo("mlp");
        assertThat(info.owner()).isEqualTo(ALICE);
        assertThat(info.pricePerInference()).isEqualTo(BigInteger.TEN.pow(12));
        assertThat(info.keyId()).isEqualTo(registration.circuit().verifyingKey().keyId());
        assertThat(block.hash()).isNotEqualTo(builder.build(ChainSpecs.dev()).hash());

        String written = ChainSpecJson.write(spec, false);
        JsonNode key = JSON.readTree(written).at("/genesis/runtimeGenesis/config/models/models/0/verifyingKey");
        assertThat(key.asText()).startsWith("0x").hasSize(2 + 2 * registration.circuit().verifyingKey().length());
        ChainSpec again = ChainSpecJson.read(written);
        assertThat(again.genesis()).isEqualTo(spec.genesis());
        assertThat(builder.build(again).hash()).isEqualTo(block.hash());
        assertThat(builder.build(spec.toRaw()).hash()).isEqualTo(block.hash());
    }

    @Test
    void badModelFieldsNameTheirJsonPath() throws IOException {
        String models = "genesis.runtimeGenesis.config.models.models[0]";
        ObjectNode spec = devSpecWithModel();
        ObjectNode m = (ObjectNode) spec.at("/genesis/runtimeGenesis/config/models/models/0");
        ((ObjectNode) m.get("io")).put("output", "softmax");
        assertThatThrownBy(() -> read(spec)).isInstanceOf(ChainSpecException.class)
                .hasMessageStartingWith(models + ".io.output: unknown output 'softmax'");

        ObjectNode spec2 = devSpecWithModel();
        ((ObjectNode) spec2.at("/genesis/runtimeGenesis/config/models/models/0")).put("weightCommitment", "0x2a");
        assertThatThrownBy(() -> read(spec2)).isInstanceOf(ChainSpecException.class)
                .hasMessageStartingWith(models + ".weightCommitment: a weight commitment has 32 bytes, got 1");

        ObjectNode spec3 = devSpecWithModel();
        ((ObjectNode) spec3.at("/genesis/runtimeGenesis/config/models/models/0/verifyingKey")).put("nPublic", 3);
        assertThatThrownBy(() -> read(spec3)).isInstanceOf(ChainSpecException.class)
                .hasMessageStartingWith(models + ".verifyingKey: verification key.nPublic");

        ObjectNode spec4 = devSpecWithModel();
        ((ObjectNode) spec4.at("/genesis/runtimeGenesis/config/models/models/0")).put("extra", 1);
        assertThatThrownBy(() -> read(spec4)).isInstanceOf(ChainSpecException.class)
                .hasMessageStartingWith(models + ".extra: unknown field 'extra'");
    }

    @Test
    void aGenesisModelBreakingARegistryRuleFailsTheBuildNamingTheModelAndTheRule() throws IOException {
        ObjectNode spec = devSpecWithModel();
        ((ObjectNode) spec.at("/genesis/runtimeGenesis/config/models/models/0/io")).put("outputValues", 10);
        ChainSpec parsed = read(spec);
        assertThatThrownBy(() -> builder.build(parsed)).isInstanceOf(ChainSpecException.class)
                .hasMessageContaining("model 'mlp' is refused: Models.KeySignalMismatch");
    }
}
