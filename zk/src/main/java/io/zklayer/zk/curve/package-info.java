/**
 * The BN254 (alt_bn128) groups G1 (over Fp) and G2 (on the sextic twist over Fp2) in Jacobian
 * coordinates, with on-curve and subgroup checks and the Ethereum precompile and compressed encodings;
 * allocation-free versions of the group law on limb arithmetic ({@link io.zklayer.zk.curve.G1Limbs},
 * {@link io.zklayer.zk.curve.G2Limbs}) for MSMs, and G1's GLV endomorphism
 * ({@link io.zklayer.zk.curve.G1Endomorphism}).
 */
package io.zklayer.zk.curve;
