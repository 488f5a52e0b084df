/**
 * The pool worker: a model node's prover. It watches the chain for workloads the Inference pallet
 * assigns to this node, runs the model's Wasm contract on the workload's input, proves the run with the
 * model artifact's Groth16 proving key, and submits {@code inference.submit_result} signed with the
 * node's key, logging each step with its timing.
 *
 * <ul>
 *   <li>{@link io.zklayer.node.worker.WorkerChain}: the RPC-shaped view of the chain the worker needs
 *       (new best blocks, storage reads, the account's next nonce, submitting an extrinsic), with an
 *       in-process implementation on a running {@link io.zklayer.node.service.Node};</li>
 *   <li>{@link io.zklayer.node.worker.ModelShelf}: the model artifacts the node serves, indexed by
 *       Poseidon weight commitment, with their provers;</li>
 *   <li>{@link io.zklayer.node.worker.PoolWorker}: the loop itself.</li>
 * </ul>
 */
package io.zklayer.node.worker;
