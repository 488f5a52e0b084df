/** Radix-2 number-theoretic transforms over BN254's Fr with snarkjs's choice of roots of unity. */
package io.zklayer.zk.ntt;
