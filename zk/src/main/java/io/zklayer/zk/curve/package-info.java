/**
 * The BN254 (alt_bn128) groups G1 (over Fp) and G2 (on the sextic twist over Fp2) in Jacobian
 * coordinates, with on-curve and subgroup checks and the Ethereum precompile and compressed encodings.
 */
package io.zklayer.zk.curve;
