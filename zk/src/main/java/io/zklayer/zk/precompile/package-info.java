/** Ethereum's BN254 precompiles (EIP-196 add and scalar multiplication, EIP-197 pairing check). */
package io.zklayer.zk.precompile;
