/**
 * Radix-2 number-theoretic transforms over BN254's Fr with snarkjs's choice of roots of unity: on immutable
 * elements, and for the prover on {@link io.zklayer.zk.field.FrLimbs} (the move of a vector to the odd coset).
 */
package io.zklayer.zk.ntt;
