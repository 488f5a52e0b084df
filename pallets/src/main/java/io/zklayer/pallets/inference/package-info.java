/**
 * The Inference pallet: the workload market. Users escrow payment for workloads, the chain assigns
 * them to pool nodes by a deterministic draw weighted by spare capacity, nodes are paid for results
 * whose Groth16 proofs verify and slashed for false proofs and missed deadlines; public models run
 * on chain under a gas limit. See {@link io.zklayer.pallets.inference.InferencePallet}.
 */
package io.zklayer.pallets.inference;
