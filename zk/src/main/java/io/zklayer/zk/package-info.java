/**
 * Zero-knowledge core of ZKLayer: BN254 fields and curves ({@code field}, {@code curve}), the optimal
 * ate pairing ({@code pairing}), Groth16 verification and batch verification with snarkjs-compatible
 * JSON ({@code groth16}), and the error type shared by every decoder of the module.
 */
package io.zklayer.zk;
