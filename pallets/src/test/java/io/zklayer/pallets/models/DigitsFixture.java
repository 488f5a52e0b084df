package io.zklayer.pallets.models;

import io.zklayer.pallets.testing.DigitsCircuit;
import io.zklayer.pallets.verifier.EncodedVerifyingKey;
import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.primitives.model.ReferenceExecutor;
import io.zklayer.wasm.model.ModelWasmCompiler;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.groth16.Proof;
import io.zklayer.zk.ml.InputCommitment;
import io.zklayer.zk.ml.ModelCircuitKeys;
import io.zklayer.zk.ml.ModelWitness;
import io.zklayer.zk.ml.WeightCommitment;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Helpers for registry tests around the digits model; the model, its data set and the circuit keys
 * come from the shared {@link DigitsCircuit} (one seeded setup per test JVM).
 */
final class DigitsFixture {
    private DigitsFixture() {}

    static QuantizedModel model() {
        return DigitsCircuit.model();
    }

    static List<DigitsCircuit.Sample> samples() {
        return DigitsCircuit.samples();
    }

    /** Returns the keys of the digits circuit (seeded, INSECURE test setup). */
    static ModelCircuitKeys keys() {
        return DigitsCircuit.keys();
    }

    static Fr weightCommitment() {
        return WeightCommitment.of(model());
    }

    /** Returns the class the model predicts for {@code pixels}. */
    static int predict(byte[] pixels) {
        byte[] out = ReferenceExecutor.infer(model(), pixels);
        return out[0] & 0xff;
    }

    /** Returns the argmax output encoding of class {@code c}: {@code c 00 00 00}. */
    static byte[] classBytes(long c) {
        return new byte[] {(byte) c, 0, 0, 0};
    }

    /** Returns a deterministic proof of the model's output on {@code pixels} (blinding from {@code seed}). */
    static byte[] prove(byte[] pixels, int seed) {
        ModelWitness w = ModelWitness.of(keys().circuit(), model(), pixels);
        Proof proof = keys().prove(w, Fr.of(1000L + seed), Fr.of(2000L + seed));
        return proof.toBytes();
    }

    static Fr inputCommitment(byte[] pixels) {
        return InputCommitment.of(pixels);
    }

    /** Returns the registration of the digits model with {@code key}, its public Wasm code and the given price. */
    static ModelsCall.RegisterModel registration(String name, EncodedVerifyingKey key, BigInteger price) {
        ModelIo io = new ModelIo(model().input(), model().output(), 10);
        return new ModelsCall.RegisterModel(name, "8x8 handwritten digits, 10 classes", io,
                new ModelCircuitSpec(weightCommitment(), key), Optional.of(ModelWasmCompiler.compile(model()).wasm()),
                new ModelPricing(price, 100));
    }
}
