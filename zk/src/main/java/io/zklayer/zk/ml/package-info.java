/**
 * The model circuit: a quantized model ({@link io.zklayer.primitives.model.QuantizedModel}) compiled to
 * R1CS so that a model node can prove with Groth16 that it ran the registered model on the user's input.
 *
 * <ul>
 *   <li>{@link io.zklayer.zk.ml.ModelCircuit}: the constraint system, which depends only on the model's
 *       architecture (shapes, requantization parameters, ReLU flags, clamps, input range, output spec),
 *       never on its weights;</li>
 *   <li>{@link io.zklayer.zk.ml.WeightCommitment} and {@link io.zklayer.zk.ml.InputCommitment}: the
 *       Poseidon commitments that the circuit recomputes from its private weights and input;</li>
 *   <li>{@link io.zklayer.zk.ml.ModelWitness}: the witness, taken from the
 *       {@link io.zklayer.primitives.model.ReferenceExecutor} run and checked against it;</li>
 *   <li>{@link io.zklayer.zk.ml.ModelPublicSignals}: the public signals a verifier rebuilds from the
 *       output bytes, the registered weight commitment and the input bytes;</li>
 *   <li>{@link io.zklayer.zk.ml.ModelCircuitKeys}: Groth16 keys for a circuit, proving and verifying.</li>
 * </ul>
 */
package io.zklayer.zk.ml;
