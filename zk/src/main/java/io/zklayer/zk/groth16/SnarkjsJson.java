package io.zklayer.zk.groth16;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zklayer.zk.ZkFormatException;
import io.zklayer.zk.curve.G1Point;
import io.zklayer.zk.curve.G2Point;
import io.zklayer.zk.field.Fp;
import io.zklayer.zk.field.Fp12;
import io.zklayer.zk.field.Fp2;
import io.zklayer.zk.field.Fp6;
import io.zklayer.zk.field.Fr;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes snarkjs's Groth16 JSON documents: {@code verification_key.json}, {@code proof.json}
 * and {@code public.json}.
 *
 * <p>Shapes (all numbers are decimal strings): G1 {@code [x, y, "1"]}; G2 {@code [[x.c0, x.c1], [y.c0,
 * y.c1], ["1", "0"]]} (real part first, unlike Ethereum); the point at infinity {@code ["0", "1", "0"]}
 * (G2: {@code [["0","0"], ["1","0"], ["0","0"]]}). Reading is stricter than snarkjs: a coordinate ≥ q,
 * a third coordinate other than 1 (snarkjs reads it as a Jacobian Z), a point off its curve, a G2 point
 * outside the order-r subgroup, a public signal ≥ r, or a field that is not a decimal string are
 * {@link ZkFormatException}s naming the field, e.g. {@code "proof.pi_a: z must be \"1\", got \"2\""}.
 */
public final class SnarkjsJson {
    /** Largest document accepted, in characters (a vk with ~100k public inputs). */
    public static final int MAX_DOCUMENT_CHARS = 32 * 1024 * 1024;
    /** Largest number of public signals accepted. */
    public static final int MAX_PUBLIC_SIGNALS = 1 << 17;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SnarkjsJson() {}

    private static JsonNode parse(String json, String what) {
        if (json.length() > MAX_DOCUMENT_CHARS) {
            throw new ZkFormatException(what + ": document longer than " + MAX_DOCUMENT_CHARS + " characters");
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ZkFormatException(what + ": not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Returns the proof in a snarkjs {@code proof.json}. */
    public static Proof readProof(String json) {
        JsonNode root = parse(json, "proof");
        requireObject(root, "proof");
        checkTag(root, "protocol", "groth16", "proof");
        checkTag(root, "curve", "bn128", "proof");
        return new Proof(g1(root.get("pi_a"), "proof.pi_a"), g2(root.get("pi_b"), "proof.pi_b"),
                g1(root.get("pi_c"), "proof.pi_c"));
    }

    /** Returns the verifying key in a snarkjs {@code verification_key.json} (its vk_alphabeta_12 is ignored). */
    public static VerifyingKey readVerifyingKey(String json) {
        JsonNode root = parse(json, "verification key");
        requireObject(root, "verification key");
        checkTag(root, "protocol", "groth16", "verification key");
        checkTag(root, "curve", "bn128", "verification key");
        JsonNode icNode = root.get("IC");
        if (icNode == null || !icNode.isArray() || icNode.isEmpty()) {
            throw new ZkFormatException("verification key.IC: must be a non-empty array");
        }
        List<G1Point> ic = new ArrayList<>(icNode.size());
        for (int i = 0; i < icNode.size(); i++) {
            ic.add(g1(icNode.get(i), "verification key.IC[" + i + "]"));
        }
        JsonNode n = root.get("nPublic");
        if (n != null && (!n.canConvertToInt() || n.asInt() != ic.size() - 1)) {
            throw new ZkFormatException("verification key.nPublic: " + n + " does not match IC length " + ic.size() + " - 1");
        }
        return new VerifyingKey(g1(root.get("vk_alpha_1"), "verification key.vk_alpha_1"),
                g2(root.get("vk_beta_2"), "verification key.vk_beta_2"),
                g2(root.get("vk_gamma_2"), "verification key.vk_gamma_2"),
                g2(root.get("vk_delta_2"), "verification key.vk_delta_2"), ic);
    }

    /** Returns the signals in a snarkjs {@code public.json}: an array of decimal strings, each below r. */
    public static List<Fr> readPublicSignals(String json) {
        JsonNode root = parse(json, "public signals");
        if (!root.isArray()) {
            throw new ZkFormatException("public signals: must be a JSON array");
        }
        if (root.size() > MAX_PUBLIC_SIGNALS) {
            throw new ZkFormatException("public signals: more than " + MAX_PUBLIC_SIGNALS + " entries");
        }
        List<Fr> out = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            String where = "public[" + i + "]";
            String text = decimal(root.get(i), where);
            try {
                out.add(Fr.fromDecimal(text));
            } catch (ZkFormatException e) {
                throw new ZkFormatException(where + ": not a field element below r: " + text, e);
            }
        }
        return out;
    }

    /** Returns {@code proof.json} text for the proof, in snarkjs's layout. */
    public static String writeProof(Proof proof) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("pi_a", g1Json(proof.a()));
        root.set("pi_b", g2Json(proof.b()));
        root.set("pi_c", g1Json(proof.c()));
        root.put("protocol", "groth16");
        root.put("curve", "bn128");
        return write(root);
    }

    /** Returns {@code public.json} text for the signals. */
    public static String writePublicSignals(List<Fr> signals) {
        ArrayNode arr = JsonNodeFactory.instance.arrayNode();
        signals.forEach(s -> arr.add(s.toString()));
        return write(arr);
    }

    /** Returns {@code verification_key.json} text, including vk_alphabeta_12 = e(α, β). */
    public static String writeVerifyingKey(VerifyingKey key, Fp12 alphaBeta) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("protocol", "groth16");
        root.put("curve", "bn128");
        root.put("nPublic", key.publicCount());
        root.set("vk_alpha_1", g1Json(key.alpha()));
        root.set("vk_beta_2", g2Json(key.beta()));
        root.set("vk_gamma_2", g2Json(key.gamma()));
        root.set("vk_delta_2", g2Json(key.delta()));
        ArrayNode ab = root.putArray("vk_alphabeta_12");
        for (Fp6 half : new Fp6[] {alphaBeta.c0, alphaBeta.c1}) {
            ArrayNode h = ab.addArray();
            for (Fp2 c : new Fp2[] {half.c0, half.c1, half.c2}) {
                h.add(fp2Json(c));
            }
        }
        ArrayNode ic = root.putArray("IC");
        key.ic().forEach(p -> ic.add(g1Json(p)));
        return write(root);
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("serializing a JSON tree cannot fail", e);
        }
    }

    static ArrayNode g1Json(G1Point p) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        if (p.isInfinity()) {
            a.add("0").add("1").add("0");
            return a;
        }
        G1Point n = p.normalize();
        a.add(n.x.toString()).add(n.y.toString()).add("1");
        return a;
    }

    static ArrayNode g2Json(G2Point p) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        if (p.isInfinity()) {
            a.add(fp2Json(Fp2.ZERO)).add(fp2Json(Fp2.ONE)).add(fp2Json(Fp2.ZERO));
            return a;
        }
        G2Point n = p.normalize();
        a.add(fp2Json(n.x)).add(fp2Json(n.y)).add(fp2Json(Fp2.ONE));
        return a;
    }

    private static ArrayNode fp2Json(Fp2 v) {
        return JsonNodeFactory.instance.arrayNode().add(v.c0.toString()).add(v.c1.toString());
    }

    private static void requireObject(JsonNode n, String what) {
        if (n == null || !n.isObject()) {
            throw new ZkFormatException(what + ": must be a JSON object");
        }
    }

    private static void checkTag(JsonNode root, String field, String expected, String what) {
        JsonNode v = root.get(field);
        if (v != null && !expected.equals(v.asText())) {
            throw new ZkFormatException(what + "." + field + ": expected \"" + expected + "\", got " + v);
        }
    }

    private static String decimal(JsonNode n, String where) {
        if (n == null || !n.isTextual()) {
            throw new ZkFormatException(where + ": must be a decimal string, got " + n);
        }
        String text = n.asText();
        if (text.length() > 1 && text.charAt(0) == '0') {
            throw new ZkFormatException(where + ": decimal string has a leading zero: " + text);
        }
        return text;
    }

    private static Fp fp(JsonNode n, String where) {
        String text = decimal(n, where);
        try {
            return Fp.fromDecimal(text);
        } catch (ZkFormatException e) {
            throw new ZkFormatException(where + ": coordinate is not canonical (must be a decimal below q): " + text, e);
        }
    }

    private static JsonNode array(JsonNode n, int size, String where) {
        if (n == null || !n.isArray() || n.size() != size) {
            throw new ZkFormatException(where + ": must be an array of " + size + " entries");
        }
        return n;
    }

    static G1Point g1(JsonNode n, String where) {
        array(n, 3, where);
        Fp x = fp(n.get(0), where + "[0]");
        Fp y = fp(n.get(1), where + "[1]");
        String z = decimal(n.get(2), where + "[2]");
        if (z.equals("0") && x.isZero() && y.isOne()) {
            return G1Point.INFINITY;
        }
        if (!z.equals("1")) {
            throw new ZkFormatException(where + ": z must be \"1\" (affine), got \"" + z + "\"");
        }
        try {
            return G1Point.fromAffine(x, y);
        } catch (ZkFormatException e) {
            throw new ZkFormatException(where + ": " + e.getMessage(), e);
        }
    }

    private static Fp2 fp2(JsonNode n, String where) {
        array(n, 2, where);
        return new Fp2(fp(n.get(0), where + "[0]"), fp(n.get(1), where + "[1]"));
    }

    static G2Point g2(JsonNode n, String where) {
        array(n, 3, where);
        Fp2 x = fp2(n.get(0), where + "[0]");
        Fp2 y = fp2(n.get(1), where + "[1]");
        Fp2 z = fp2(n.get(2), where + "[2]");
        if (z.isZero() && x.isZero() && y.isOne()) {
            return G2Point.INFINITY;
        }
        if (!z.isOne()) {
            throw new ZkFormatException(where + ": z must be [\"1\", \"0\"] (affine), got " + z);
        }
        try {
            return G2Point.fromAffine(x, y);
        } catch (ZkFormatException e) {
            throw new ZkFormatException(where + ": " + e.getMessage(), e);
        }
    }
}
