package io.zklayer.sdk.pack;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zklayer.primitives.model.Dense;
import io.zklayer.primitives.model.Flatten;
import io.zklayer.primitives.model.InputSpec;
import io.zklayer.primitives.model.Layer;
import io.zklayer.primitives.model.ModelFormatException;
import io.zklayer.primitives.model.OutputSpec;
import io.zklayer.primitives.model.QuantizedModel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The readable JSON form of a model file, equivalent to the binary {@code .zkm} form:
 *
 * <pre>
 * {
 *   "format": "zklayer-quantized-model",
 *   "version": 1,
 *   "input": {"shape": [8, 8], "min": 0, "max": 16},
 *   "layers": [
 *     {"type": "flatten"},
 *     {"type": "dense", "inputs": 64, "outputs": 32, "multiplier": 40123, "shift": 21, "relu": true,
 *      "clamp": [0, 127], "bias": [...32 ints], "weights": [[...64 ints], ...32 rows]}
 *   ],
 *   "output": {"type": "argmax"}          (or "logits", or "threshold" with "index" and "threshold")
 * }
 * </pre>
 *
 * <p>The reader is strict: unknown or missing fields, duplicate keys, non-integers and values out of
 * range are errors naming the JSON path ({@code layers[1].weights[3][7]}). The writer's output is
 * deterministic: the same model always gives the same text.
 */
public final class ModelJson {
    /** Value of the {@code format} field. */
    public static final String FORMAT = "zklayer-quantized-model";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private ModelJson() {
    }

    /** Returns the JSON text of {@code model}. */
    public static String write(QuantizedModel model) {
        StringBuilder s = new StringBuilder();
        s.append("{\n  \"format\": \"").append(FORMAT).append("\",\n  \"version\": 1,\n");
        InputSpec in = model.input();
        s.append("  \"input\": {\"shape\": ").append(ints(in.shape().stream().mapToInt(Integer::intValue).toArray()))
                .append(", \"min\": ").append(in.min()).append(", \"max\": ").append(in.max()).append("},\n");
        s.append("  \"layers\": [");
        for (int l = 0; l < model.layers().size(); l++) {
            s.append(l == 0 ? "\n" : ",\n");
            Layer layer = model.layers().get(l);
            if (layer instanceof Dense d) {
                s.append("    {\"type\": \"dense\", \"inputs\": ").append(d.inputs()).append(", \"outputs\": ")
                        .append(d.outputs()).append(", \"multiplier\": ").append(d.multiplier()).append(", \"shift\": ")
                        .append(d.shift()).append(", \"relu\": ").append(d.relu()).append(", \"clamp\": [")
                        .append(d.clampMin()).append(", ").append(d.clampMax()).append("],\n     \"bias\": ")
                        .append(ints(d.bias())).append(",\n     \"weights\": [");
                byte[] w = d.weights();
                for (int j = 0; j < d.outputs(); j++) {
                    int[] row = new int[d.inputs()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = w[j * d.inputs() + i];
                    }
                    s.append(j == 0 ? "\n       " : ",\n       ").append(ints(row));
                }
                s.append("]}");
            } else {
                s.append("    {\"type\": \"flatten\"}");
            }
        }
        s.append("\n  ],\n  \"output\": ");
        OutputSpec out = model.output();
        if (out instanceof OutputSpec.Logits) {
            s.append("{\"type\": \"logits\"}");
        } else if (out instanceof OutputSpec.ArgMax) {
            s.append("{\"type\": \"argmax\"}");
        } else if (out instanceof OutputSpec.Threshold t) {
            s.append("{\"type\": \"threshold\", \"index\": ").append(t.index()).append(", \"threshold\": ")
                    .append(t.threshold()).append('}');
        }
        return s.append("\n}\n").toString();
    }

    /**
     * Parses and checks the JSON form.
     *
     * @throws ModelFormatException naming the JSON path of the first problem
     */
    public static QuantizedModel read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ModelFormatException("model json: not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null) {
            throw new ModelFormatException("model json: empty document");
        }
        object(root, "$", Set.of("format", "version", "input", "layers", "output"));
        if (!FORMAT.equals(text(root, "format", "$"))) {
            throw new ModelFormatException("model json: $.format must be \"" + FORMAT + "\"");
        }
        long version = integer(field(root, "version", "$"), "$.version", 0, Integer.MAX_VALUE);
        if (version != 1) {
            throw new ModelFormatException("model json: $.version " + version + " is not supported (expected 1)");
        }
        JsonNode in = field(root, "input", "$");
        object(in, "$.input", Set.of("shape", "min", "max"));
        List<Integer> shape = new ArrayList<>();
        JsonNode shapeNode = array(field(in, "shape", "$.input"), "$.input.shape", InputSpec.MAX_RANK);
        for (int i = 0; i < shapeNode.size(); i++) {
            shape.add((int) integer(shapeNode.get(i), "$.input.shape[" + i + "]", 1, InputSpec.MAX_DIM));
        }
        InputSpec input = new InputSpec(shape, (int) integer(field(in, "min", "$.input"), "$.input.min", -128, 127),
                (int) integer(field(in, "max", "$.input"), "$.input.max", -128, 127));
        JsonNode layersNode = array(field(root, "layers", "$"), "$.layers", QuantizedModel.MAX_LAYERS);
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < layersNode.size(); l++) {
            layers.add(layer(layersNode.get(l), "$.layers[" + l + "]"));
        }
        OutputSpec output = output(field(root, "output", "$"));
        return new QuantizedModel(input, layers, output);
    }

    private static Layer layer(JsonNode node, String path) {
        String type = text(node, "type", path);
        if ("flatten".equals(type)) {
            object(node, path, Set.of("type"));
            return new Flatten();
        }
        if (!"dense".equals(type)) {
            throw new ModelFormatException("model json: " + path + ".type \"" + type + "\" is not dense or flatten");
        }
        object(node, path, Set.of("type", "inputs", "outputs", "multiplier", "shift", "relu", "clamp", "bias",
                "weights"));
        int inputs = (int) integer(field(node, "inputs", path), path + ".inputs", 1, Dense.MAX_WIDTH);
        int outputs = (int) integer(field(node, "outputs", path), path + ".outputs", 1, Dense.MAX_WIDTH);
        int multiplier = (int) integer(field(node, "multiplier", path), path + ".multiplier", 0, Integer.MAX_VALUE);
        int shift = (int) integer(field(node, "shift", path), path + ".shift", 0, 62);
        JsonNode relu = field(node, "relu", path);
        if (!relu.isBoolean()) {
            throw new ModelFormatException("model json: " + path + ".relu must be true or false");
        }
        JsonNode clamp = array(field(node, "clamp", path), path + ".clamp", 2);
        if (clamp.size() != 2) {
            throw new ModelFormatException("model json: " + path + ".clamp must be [min, max]");
        }
        int lo = (int) integer(clamp.get(0), path + ".clamp[0]", Integer.MIN_VALUE, Integer.MAX_VALUE);
        int hi = (int) integer(clamp.get(1), path + ".clamp[1]", Integer.MIN_VALUE, Integer.MAX_VALUE);
        JsonNode biasNode = array(field(node, "bias", path), path + ".bias", outputs);
        if (biasNode.size() != outputs) {
            throw new ModelFormatException("model json: " + path + ".bias has " + biasNode.size() + " values, expected "
                    + outputs);
        }
        int[] bias = new int[outputs];
        for (int j = 0; j < outputs; j++) {
            bias[j] = (int) integer(biasNode.get(j), path + ".bias[" + j + "]", Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        JsonNode rows = array(field(node, "weights", path), path + ".weights", outputs);
        if (rows.size() != outputs) {
            throw new ModelFormatException("model json: " + path + ".weights has " + rows.size() + " rows, expected "
                    + outputs);
        }
        byte[] w = new byte[inputs * outputs];
        for (int j = 0; j < outputs; j++) {
            String rowPath = path + ".weights[" + j + "]";
            JsonNode row = array(rows.get(j), rowPath, inputs);
            if (row.size() != inputs) {
                throw new ModelFormatException("model json: " + rowPath + " has " + row.size() + " values, expected "
                        + inputs);
            }
            for (int i = 0; i < inputs; i++) {
                w[j * inputs + i] = (byte) integer(row.get(i), rowPath + "[" + i + "]", -128, 127);
            }
        }
        try {
            return new Dense(inputs, outputs, w, bias, multiplier, shift, relu.booleanValue(), lo, hi);
        } catch (ModelFormatException e) {
            throw new ModelFormatException("model json: " + path + ": " + e.getMessage(), e);
        }
    }

    private static OutputSpec output(JsonNode node) {
        String type = text(node, "type", "$.output");
        switch (type) {
            case "logits":
                object(node, "$.output", Set.of("type"));
                return new OutputSpec.Logits();
            case "argmax":
                object(node, "$.output", Set.of("type"));
                return new OutputSpec.ArgMax();
            case "threshold":
                object(node, "$.output", Set.of("type", "index", "threshold"));
                return new OutputSpec.Threshold(
                        (int) integer(field(node, "index", "$.output"), "$.output.index", 0, Integer.MAX_VALUE),
                        (int) integer(field(node, "threshold", "$.output"), "$.output.threshold", Integer.MIN_VALUE,
                                Integer.MAX_VALUE));
            default:
                throw new ModelFormatException("model json: $.output.type \"" + type
                        + "\" is not logits, argmax or threshold");
        }
    }

    private static void object(JsonNode node, String path, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            throw new ModelFormatException("model json: " + path + " must be an object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw new ModelFormatException("model json: " + path + "." + name + " is not a known field");
            }
        }
    }

    private static JsonNode field(JsonNode node, String name, String path) {
        if (node == null || !node.isObject()) {
            throw new ModelFormatException("model json: " + path + " must be an object");
        }
        JsonNode v = node.get(name);
        if (v == null) {
            throw new ModelFormatException("model json: " + path + "." + name + " is missing");
        }
        return v;
    }

    private static String text(JsonNode node, String name, String path) {
        JsonNode v = field(node, name, path);
        if (!v.isTextual()) {
            throw new ModelFormatException("model json: " + path + "." + name + " must be a string");
        }
        return v.textValue();
    }

    private static JsonNode array(JsonNode node, String path, int maxSize) {
        if (node == null || !node.isArray()) {
            throw new ModelFormatException("model json: " + path + " must be an array");
        }
        if (node.size() > maxSize) {
            throw new ModelFormatException("model json: " + path + " has " + node.size() + " elements, at most "
                    + maxSize + " allowed");
        }
        return node;
    }

    private static long integer(JsonNode node, String path, long min, long max) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new ModelFormatException("model json: " + path + " must be an integer in [" + min + ", " + max + "]");
        }
        long v = node.longValue();
        if (v < min || v > max) {
            throw new ModelFormatException("model json: " + path + " = " + v + " is outside [" + min + ", " + max + "]");
        }
        return v;
    }

    private static String ints(int[] values) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                s.append(", ");
            }
            s.append(values[i]);
        }
        return s.append(']').toString();
    }
}
