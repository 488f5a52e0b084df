/**
 * Multi-scalar multiplication on G1 and G2: Pippenger with signed windows on limb arithmetic, G1 buckets
 * filled by batch-affine additions (one shared inversion per batch), windows spread over a small fixed
 * thread pool; fixed-base tables ({@link io.zklayer.zk.msm.G1FixedMsm}) for bases reused across many MSMs.
 */
package io.zklayer.zk.msm;
