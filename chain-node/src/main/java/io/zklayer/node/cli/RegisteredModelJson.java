package io.zklayer.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.model.InputSpec;
import io.zklayer.primitives.model.OutputSpec;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.groth16.SnarkjsJson;
import io.zklayer.zk.groth16.VerifyingKey;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A registered model as the CLI reads it from the node's {@code zklayer_model} answer: what a
 * workload needs (id, input format, output encoding, price) and what checking a proof needs (weight
 * commitment and verifying key).
 *
 * @param id the model id
 * @param name the model name
 * @param version the version of the name
 * @param input the input format
 * @param output the output encoding
 * @param pricePerInference the price per inference in planck
 * @param weightCommitment the registered Poseidon weight commitment
 * @param verifyingKey the circuit's verifying key, when the node returns it
 * @param active whether it takes workloads (not deprecated)
 */
record RegisteredModelJson(long id, String name, long version, InputSpec input, OutputSpec output, BigInteger pricePerInference,
                           Fr weightCommitment, Optional<VerifyingKey> verifyingKey, boolean active) {
    /**
     * Returns the model in a {@code zklayer_model} answer.
     *
     * @throws IllegalStateException naming the field that does not have the documented shape
     */
    static RegisteredModelJson parse(JsonNode m) {
        try {
            JsonNode in = m.get("input");
            List<Integer> shape = new ArrayList<>();
            in.get("shape").forEach(d -> shape.add(d.asInt()));
            JsonNode out = m.get("output");
            OutputSpec spec = switch (out.get("kind").asText()) {
                case "argmax" -> new OutputSpec.ArgMax();
                case "logits" -> new OutputSpec.Logits();
                case "threshold" -> new OutputSpec.Threshold(out.get("index").asInt(), out.get("threshold").asInt());
                default -> throw new IllegalStateException("output.kind " + out.get("kind"));
            };
            Optional<VerifyingKey> vk = m.hasNonNull("verifyingKey")
                    ? Optional.of(SnarkjsJson.readVerifyingKey(m.get("verifyingKey").toString())) : Optional.empty();
            return new RegisteredModelJson(m.get("id").asLong(), m.get("name").asText(), m.get("version").asLong(),
                    new InputSpec(shape, in.get("min").asInt(), in.get("max").asInt()), spec,
                    new BigInteger(m.get("pricePerInference").asText()), Fr.fromBytesBE(Hex.decode(m.get("weightCommitment").asText()), 0),
                    vk, m.get("deprecatedAt") == null || m.get("deprecatedAt").isNull());
        } catch (RuntimeException e) {
            throw new IllegalStateException("the node's zklayer_model answer does not have the expected shape (" + e.getMessage() + "): " + m,
                    e);
        }
    }

    /** Returns the output described for a person: {@code class 7} for argmax, the logits, or the predicate's truth. */
    String describe(byte[] bytes) {
        if (output instanceof OutputSpec.ArgMax && bytes.length == 4) {
            return "class " + Integer.toUnsignedString(le32(bytes, 0)) + " (" + Hex.encode(bytes) + ")";
        }
        if (output instanceof OutputSpec.Logits && bytes.length % 4 == 0) {
            List<Integer> v = new ArrayList<>();
            for (int i = 0; i < bytes.length; i += 4) {
                v.add(le32(bytes, i));
            }
            return "logits " + v;
        }
        if (output instanceof OutputSpec.Threshold t && bytes.length == 1) {
            return (bytes[0] == 1 ? "true" : "false") + " (value[" + t.index() + "] >= " + t.threshold() + ")";
        }
        return Hex.encode(bytes);
    }

    private static int le32(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }
}
