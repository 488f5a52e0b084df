/** circomlib-compatible Poseidon over BN254's Fr: parameters (Grain LFSR), the native hash and its R1CS gadget. */
package io.zklayer.zk.poseidon;
