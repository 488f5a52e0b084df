package io.zklayer.pallets.inference;

import io.zklayer.pallets.models.ModelCircuitSpec;
import io.zklayer.pallets.models.ModelIo;
import io.zklayer.pallets.models.ModelPricing;
import io.zklayer.pallets.models.ModelsCall;
import io.zklayer.pallets.models.ModelsGenesis;
import io.zklayer.pallets.testing.DigitsCircuit;
import io.zklayer.pallets.verifier.EncodedVerifyingKey;
import io.zklayer.primitives.model.Dense;
import io.zklayer.primitives.model.InputSpec;
import io.zklayer.primitives.model.OutputSpec;
import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.H256;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.ml.ModelCircuit;
import io.zklayer.zk.ml.ModelCircuitKeys;
import io.zklayer.zk.ml.ModelWitness;
import io.zklayer.zk.ml.WeightCommitment;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Models with Groth16 keys for market tests: a tiny 4-input model (setup in well under a second)
 * for most tests, and the shipped digits model with the keys the registry tests use too
 * ({@link DigitsCircuit}: one seeded setup per JVM).
 */
public final class TestModels {
    /**
     * A model with its circuit keys.
     *
     * @param model the quantized model
     * @param keys the circuit's keys (seeded test setup)
     */
    public record Prover(QuantizedModel model, ModelCircuitKeys keys) {
        /** Returns a genesis registration of this model by {@code owner} (ids follow the genesis list order). */
        public ModelsGenesis.Model genesis(AccountId32 owner, String name, BigInteger price, long computeUnits,
                                           Optional<byte[]> wasm) {
            return new ModelsGenesis.Model(owner, new ModelsCall.RegisterModel(name, "test model " + name,
                    new ModelIo(model.input(), model.output(), model.finalSize()),
                    new ModelCircuitSpec(WeightCommitment.of(model), EncodedVerifyingKey.of(keys.verifyingKey())), wasm,
                    new ModelPricing(price, computeUnits)));
        }

        /** Returns the id of the circuit's verifying key in the Verifier pallet. */
        public H256 keyId() {
            return EncodedVerifyingKey.of(keys.verifyingKey()).keyId();
        }

        /** Returns the model's output on {@code input} and a proof of it (deterministic blinding). */
        public Result prove(byte[] input, long seed) {
            ModelWitness w = ModelWitness.of(keys.circuit(), model, input);
            byte[] proof = keys.prove(w, Fr.of(seed + 1), Fr.of(seed + 2)).toBytes();
            return new Result(w.output(), proof);
        }
    }

    /** An output with its 256-byte proof. */
    public record Result(byte[] output, byte[] proof) {}

    private static Prover tiny;
    private static Prover digits;

    private TestModels() {}

    /** Returns the tiny model: input [4] in [-8, 8], dense 4→3, argmax. */
    public static synchronized Prover tiny() {
        if (tiny == null) {
            QuantizedModel m = new QuantizedModel(new InputSpec(List.of(4), -8, 8),
                    List.of(new Dense(4, 3, new byte[] {1, 2, -1, 0, 0, -1, 3, 1, 2, 0, 0, -2}, new int[] {0, 1, -1}, 1, 0,
                            false, -1000, 1000)),
                    new OutputSpec.ArgMax());
            tiny = new Prover(m, ModelCircuitKeys.testSetup(ModelCircuit.of(m), 11));
        }
        return tiny;
    }

    /** Returns the digits model with the keys of the shared seeded setup ({@link DigitsCircuit}, made once per JVM). */
    static synchronized Prover digits() {
        if (digits == null) {
            digits = new Prover(DigitsCircuit.model(), DigitsCircuit.keys());
        }
        return digits;
    }

    /** Returns the digits samples (64 bytes each, 0..16) in file order. */
    static List<byte[]> digitsSamples() {
        return DigitsCircuit.samples().stream().map(DigitsCircuit.Sample::pixels).toList();
    }
}
