/**
 * Multi-scalar multiplication on G1 and G2: Pippenger with signed windows on limb arithmetic, buckets
 * filled by batch-affine additions (one shared inversion per batch; {@code G1WindowSum}, {@code G2WindowSum}),
 * scalar-one terms summed apart by a pairwise batch-affine tree, windows spread over a small fixed
 * thread pool; fixed-base tables ({@link io.zklayer.zk.msm.G1FixedMsm}) for bases reused across many MSMs.
 */
package io.zklayer.zk.msm;
