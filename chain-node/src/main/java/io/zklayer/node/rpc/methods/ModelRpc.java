package io.zklayer.node.rpc.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zklayer.node.rpc.RpcMethod;
import io.zklayer.node.rpc.RpcParams;
import io.zklayer.node.rpc.RpcRegistry;
import io.zklayer.node.service.Node;
import io.zklayer.pallets.models.ModelInfo;
import io.zklayer.pallets.models.ModelsStorage;
import io.zklayer.pallets.verifier.VerifierStorage;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.model.OutputSpec;
import io.zklayer.primitives.trie.TrieState;
import io.zklayer.zk.groth16.PreparedVerifyingKey;
import io.zklayer.zk.groth16.SnarkjsJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry's {@code zklayer_*} methods, each with an optional {@code at} block hash:
 * <ul>
 *   <li>{@code zklayer_models(at?)}: every registered model version, without its verifying key;</li>
 *   <li>{@code zklayer_model(idOrName, at?)}: one model by id (a number) or name (its latest version),
 *       with its verifying key as snarkjs's {@code verification_key.json} object, or null.</li>
 * </ul>
 * A model, for example:
 * <pre>
 * {"id": 0, "name": "digits", "version": 1, "owner": "5FA9nQ…", "description": "…",
 *  "input": {"shape": [8, 8], "min": 0, "max": 16}, "output": {"kind": "argmax"}, "outputValues": 10,
 *  "inputBytes": 64, "outputBytes": 4, "weightCommitment": "0x0c3a…", "verifyingKeyId": "0x7d0c…",
 *  "publicCode": false, "pricePerInference": "1000000000000", "computeUnits": 10, "registeredAt": 0,
 *  "deprecatedAt": null, "usage": {"inferences": 5, "distinctUsers": 1, "repeatUsers": 1, "lastUsedAt": 12},
 *  "accuracy": {"correct": 0, "total": 0}}
 * </pre>
 */
final class ModelRpc {
    /** The most models {@code zklayer_models} lists. */
    static final int MAX_MODELS = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelRpc() {}

    static void register(RpcRegistry r, Node node) {
        r.add(RpcMethod.of("zklayer_models", List.of("at"), p -> {
            TrieState s = BlockRefs.state(node, BlockRefs.at(p, 0, node));
            long next = ModelsStorage.NEXT_MODEL_ID.get(s);
            List<Object> out = new ArrayList<>();
            for (long id = 0; id < next && out.size() < MAX_MODELS; id++) {
                final long modelId = id;
                ModelsStorage.MODELS.getOptional(s, id).ifPresent(m -> out.add(model(node, s, modelId, m, false)));
            }
            return out;
        }));
        r.add(RpcMethod.of("zklayer_model", List.of("idOrName", "at"), p -> {
            TrieState s = BlockRefs.state(node, BlockRefs.at(p, 1, node));
            Optional<Long> id = id(p, s);
            return id.flatMap(i -> ModelsStorage.MODELS.getOptional(s, i).map(m -> model(node, s, i, m, true))).orElse(null);
        }));
    }

    private static Optional<Long> id(RpcParams p, TrieState s) {
        JsonNode v = p.raw(0);
        if (v != null && v.isIntegralNumber()) {
            long id = p.unsignedLong(0);
            if (id > 0xFFFF_FFFFL) {
                throw p.invalid(0, "a model id is a u32, got " + id);
            }
            return Optional.of(id);
        }
        if (v != null && v.isTextual()) {
            String name = v.asText();
            if (name.matches("[0-9]{1,10}")) {
                return Optional.of(Long.parseLong(name));
            }
            if (name.isEmpty() || name.length() > 256) {
                throw p.invalid(0, "a model name is 1…256 characters");
            }
            return ModelsStorage.NAMES.getOptional(s, name).map(ModelsStorage.NameInfo::latestId);
        }
        throw p.invalid(0, "expected a model id (number) or name (string)");
    }

    static Map<String, Object> model(Node node, TrieState s, long id, ModelInfo m, boolean withKey) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("name", m.name());
        out.put("version", m.version());
        out.put("owner", MarketJson.address(node, m.owner()));
        out.put("description", m.description());
        out.put("input", Map.of("shape", m.io().input().shape(), "min", m.io().input().min(), "max", m.io().input().max()));
        out.put("output", output(m.io().output()));
        out.put("outputValues", m.io().outputValues());
        out.put("inputBytes", m.io().inputLength());
        out.put("outputBytes", m.io().outputLength());
        out.put("weightCommitment", Hex.encode(m.weightCommitment().toBytesBE()));
        out.put("verifyingKeyId", m.keyId().toHex());
        out.put("publicCode", m.hasPublicCode());
        out.put("pricePerInference", m.pricePerInference().toString());
        out.put("computeUnits", m.computeUnits());
        out.put("registeredAt", m.registeredAt());
        out.put("deprecatedAt", m.deprecatedAt().orElse(null));
        ModelsStorage.UsageStats u = ModelsStorage.USAGE.get(s, id);
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("inferences", u.inferences());
        usage.put("distinctUsers", u.distinctUsers());
        usage.put("repeatUsers", u.repeatUsers());
        usage.put("lastUsedAt", u.lastUsedAt().orElse(null));
        out.put("usage", usage);
        ModelsStorage.Accuracy a = ModelsStorage.ACCURACY.get(s, id);
        out.put("accuracy", Map.of("correct", a.correct(), "total", a.total()));
        if (withKey) {
            out.put("verifyingKey", VerifierStorage.KEY_BYTES.getOptional(s, m.keyId()).map(k -> {
                var vk = k.toVerifyingKey();
                try {
                    return (Object) JSON.readTree(SnarkjsJson.writeVerifyingKey(vk, PreparedVerifyingKey.of(vk).alphaBeta()));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("writing a verifying key as JSON cannot fail", e);
                }
            }).orElse(null));
        }
        return out;
    }

    private static Map<String, Object> output(OutputSpec o) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (o instanceof OutputSpec.ArgMax) {
            out.put("kind", "argmax");
        } else if (o instanceof OutputSpec.Logits) {
            out.put("kind", "logits");
        } else {
            OutputSpec.Threshold t = (OutputSpec.Threshold) o;
            out.put("kind", "threshold");
            out.put("index", t.index());
            out.put("threshold", t.threshold());
        }
        return out;
    }
}
