package io.zklayer.genesis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zklayer.pallets.models.ModelCircuitSpec;
import io.zklayer.pallets.models.ModelIo;
import io.zklayer.pallets.models.ModelPricing;
import io.zklayer.pallets.models.ModelsCall;
import io.zklayer.pallets.models.ModelsGenesis;
import io.zklayer.pallets.verifier.EncodedVerifyingKey;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.model.InputSpec;
import io.zklayer.primitives.model.ModelFormatException;
import io.zklayer.primitives.model.OutputSpec;
import io.zklayer.primitives.types.AccountId32;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code models} section of a chain spec's human genesis: the models registered at genesis.
 *
 * <pre>
 * "models": {"models": [{
 *   "owner": "5FA9nQDV…TTpu",
 *   "name": "digits",
 *   "description": "8x8 handwritten digits",
 *   "io": {"input": {"shape": [8, 8], "min": 0, "max": 16}, "output": "argmax", "outputValues": 10},
 *   "weightCommitment": "0x…",          32 bytes, big-endian, below r
 *   "verifyingKey": "0x…",               the key's SCALE form, or a snarkjs verification_key.json object
 *   "wasmCode": "0x0061736d…",           or null for a model without public code
 *   "pricePerInference": 1000000000000,
 *   "computeUnits": 100
 * }]}
 * </pre>
 * {@code output} is {@code "logits"}, {@code "argmax"} or {@code {"threshold": {"index": 0, "threshold": 5}}}.
 * Reading checks every field's shape and names its JSON path; the registry's own rules (name characters,
 * key signal count, Wasm contract rules) are checked when genesis is built. Writing puts the key in its
 * SCALE form, so a spec written and read back builds the same genesis.
 */
final class ModelsGenesisJson {
    /** The JSON path of the model list. */
    static final String PATH = GenesisConfig.PATH + ".models.models";

    private static final Set<String> FIELDS = Set.of("owner", "name", "description", "io", "weightCommitment",
            "verifyingKey", "wasmCode", "pricePerInference", "computeUnits");
    private static final Set<String> REQUIRED = Set.of("owner", "name", "io", "weightCommitment", "verifyingKey",
            "pricePerInference", "computeUnits");

    private ModelsGenesisJson() {}

    /** Reads the {@code models} section at {@code section}. */
    static ModelsGenesis read(JsonCursor section, Function<JsonCursor, AccountId32> account) {
        JsonCursor list = section.object(Set.of("models"), Set.of("models")).field("models");
        List<ModelsGenesis.Model> models = new ArrayList<>();
        for (JsonCursor m : list.array()) {
            models.add(model(m, account));
        }
        return new ModelsGenesis(models);
    }

    private static ModelsGenesis.Model model(JsonCursor m, Function<JsonCursor, AccountId32> account) {
        m.object(FIELDS, REQUIRED);
        AccountId32 owner = account.apply(m.field("owner"));
        String name = m.field("name").text();
        String description = m.optionalField("description").map(JsonCursor::text).orElse("");
        ModelIo io = io(m.field("io"));
        EncodedVerifyingKey key = key(m.field("verifyingKey"));
        JsonCursor commitment = m.field("weightCommitment");
        ModelCircuitSpec circuit;
        try {
            circuit = ModelCircuitSpec.of(hex(commitment, "weight commitment"), key);
        } catch (IllegalArgumentException e) {
            throw commitment.error(e.getMessage());
        }
        Optional<byte[]> wasm = m.optionalField("wasmCode").map(w -> hex(w, "Wasm code"));
        ModelPricing pricing = new ModelPricing(Amounts.read(m.field("pricePerInference")),
                m.field("computeUnits").longIn(1, Long.MAX_VALUE));
        return new ModelsGenesis.Model(owner, new ModelsCall.RegisterModel(name, description, io,
                circuit, wasm, pricing));
    }

    private static ModelIo io(JsonCursor c) {
        c.object(Set.of("input", "output", "outputValues"), Set.of("input", "output", "outputValues"));
        JsonCursor in = c.field("input").object(Set.of("shape", "min", "max"), Set.of("shape", "min", "max"));
        List<Integer> shape = in.field("shape").array().stream().map(d -> d.intIn(1, InputSpec.MAX_DIM)).toList();
        InputSpec input;
        try {
            input = new InputSpec(shape, in.field("min").intIn(-128, 127), in.field("max").intIn(-128, 127));
        } catch (ModelFormatException e) {
            throw in.error(e.getMessage());
        }
        OutputSpec output = output(c.field("output"));
        long values = c.field("outputValues").longIn(1, 4096);
        try {
            return new ModelIo(input, output, values);
        } catch (IllegalArgumentException e) {
            throw c.error(e.getMessage());
        }
    }

    private static OutputSpec output(JsonCursor c) {
        if (c.node().isTextual()) {
            return switch (c.text()) {
                case "logits" -> new OutputSpec.Logits();
                case "argmax" -> new OutputSpec.ArgMax();
                default -> throw c.error("unknown output '" + c.text() + "' (expected \"logits\", \"argmax\" or "
                        + "{\"threshold\": {...}})");
            };
        }
        JsonCursor t = c.object(Set.of("threshold"), Set.of("threshold")).field("threshold")
                .object(Set.of("index", "threshold"), Set.of("index", "threshold"));
        return new OutputSpec.Threshold(t.field("index").intIn(0, 4095), t.field("threshold").intIn(Integer.MIN_VALUE,
                Integer.MAX_VALUE));
    }

    private static EncodedVerifyingKey key(JsonCursor c) {
        if (c.node().isObject()) {
            try {
                return EncodedVerifyingKey.fromSnarkjsJson(c.node().toString());
            } catch (IllegalArgumentException e) {
                // the snarkjs reader's format errors name the JSON field, e.g. "verification key.IC[3]: ..."
                throw c.error(e.getMessage());
            }
        }
        try {
            return EncodedVerifyingKey.CODEC.decode(hex(c, "verifying key"));
        } catch (ScaleDecodeException e) {
            throw c.error(e.getMessage());
        }
    }

    private static byte[] hex(JsonCursor c, String what) {
        String s = c.text();
        if (!Hex.isPrefixedHex(s)) {
            throw c.error(what + " is not 0x-prefixed hex with an even number of digits");
        }
        return Hex.decode(s.toLowerCase(Locale.ROOT));
    }

    /** Writes the {@code models} section into {@code config}. */
    static void write(ObjectNode config, ModelsGenesis genesis, Function<AccountId32, String> address) {
        ArrayNode list = config.putObject("models").putArray("models");
        for (ModelsGenesis.Model m : genesis.models()) {
            ModelsCall.RegisterModel r = m.registration();
            ObjectNode node = list.addObject();
            node.put("owner", address.apply(m.owner()));
            node.put("name", r.name());
            node.put("description", r.description());
            ObjectNode io = node.putObject("io");
            ObjectNode input = io.putObject("input");
            ArrayNode shape = input.putArray("shape");
            r.io().input().shape().forEach(shape::add);
            input.put("min", r.io().input().min());
            input.put("max", r.io().input().max());
            OutputSpec out = r.io().output();
            if (out instanceof OutputSpec.Threshold t) {
                ObjectNode th = io.putObject("output").putObject("threshold");
                th.put("index", t.index());
                th.put("threshold", t.threshold());
            } else {
                io.put("output", out instanceof OutputSpec.ArgMax ? "argmax" : "logits");
            }
            io.put("outputValues", r.io().outputValues());
            node.put("weightCommitment", Hex.encode(r.circuit().weightCommitmentBytes()));
            node.put("verifyingKey", Hex.encode(r.circuit().verifyingKey().bytes()));
            if (r.wasmCode().isPresent()) {
                node.put("wasmCode", Hex.encode(r.wasmCode().get()));
            } else {
                node.putNull("wasmCode");
            }
            node.set("pricePerInference", Amounts.toJson(r.pricing().pricePerInference()));
            node.put("computeUnits", r.pricing().computeUnits());
        }
    }
}
