package io.zklayer.pallets.inference;

import io.zklayer.primitives.model.InputSpec;
import io.zklayer.primitives.model.OutputSpec;
import io.zklayer.primitives.types.H256;
import io.zklayer.zk.field.Fr;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * What the market needs to know of a registered model, as the registry holds it.
 *
 * @param id the model id (u32)
 * @param active whether new workloads may be submitted (false once deprecated)
 * @param input the input shape and range: a workload's input has {@code input.size()} bytes in range
 * @param output how the output bytes encode the result (argmax, logits, threshold)
 * @param outputLength the number of output bytes
 * @param price what one inference costs, paid to the node that proves it
 * @param computeUnits the compute units one inference uses of a node's per-epoch capacity
 * @param weightCommitment the Poseidon commitment to the model's weights (a public signal of its proofs)
 * @param verifyingKeyId the id of the model circuit's Groth16 verifying key in the Verifier pallet
 * @param publicWasm the model's Wasm contract when the model is public: its workloads then run on
 *     chain, without nodes or proofs
 */
public record MarketModel(long id, boolean active, InputSpec input, OutputSpec output, int outputLength,
                          BigInteger price, long computeUnits, Fr weightCommitment, H256 verifyingKeyId,
                          Optional<byte[]> publicWasm) {
    /** Checks for nulls and ranges. */
    public MarketModel {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(weightCommitment, "weightCommitment");
        Objects.requireNonNull(verifyingKeyId, "verifyingKeyId");
        Objects.requireNonNull(publicWasm, "publicWasm");
        if (computeUnits < 1 || outputLength < 1 || price.signum() < 0) {
            throw new IllegalArgumentException("model " + id + ": compute units and output length must be positive,"
                    + " price non-negative");
        }
    }

    /** Returns whether the model's workloads run on chain (it has public Wasm code). */
    public boolean runsOnChain() {
        return publicWasm.isPresent();
    }
}
