/**
 * Groth16 on BN254: verifying keys, proofs and their snarkjs JSON and 256-byte on-chain forms, a
 * single-proof verifier over a prepared key, and a batch verifier.
 *
 * <h2>Stricter than snarkjs</h2>
 * Validators must agree byte for byte on which proofs are valid, so every encoding has exactly one
 * accepted form. Compared with snarkjs 0.7.6 ({@code groth16.verify} / {@code snarkjs groth16 verify})
 * this package additionally REJECTS:
 * <ul>
 *   <li>coordinates ≥ q, even when they reduce to a valid point (snarkjs reduces them mod q);</li>
 *   <li>points in JSON whose third coordinate is not 1 (snarkjs reads it as a Jacobian Z and accepts
 *       e.g. {@code [4x, 8y, "2"]}); only {@code ["0","1","0"]} is read as the point at infinity;</li>
 *   <li>decimal strings with a leading zero and JSON numbers in place of strings;</li>
 *   <li>G2 points on the twist but outside the order-r subgroup (snarkjs checks only the curve
 *       equation), at decoding time, with a message naming the point;</li>
 *   <li>a number of public signals different from the key's nPublic (snarkjs silently uses a prefix of
 *       IC when there are too few and throws when there are too many).</li>
 * </ul>
 * Like snarkjs it rejects public signals ≥ r and points off their curves. Decoding problems are
 * {@link io.zklayer.zk.ZkFormatException}s; a well-formed proof that does not verify is a
 * {@link io.zklayer.zk.groth16.VerificationResult.Invalid}.
 */
package io.zklayer.zk.groth16;
