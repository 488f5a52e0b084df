/**
 * The optimal ate pairing on BN254: prepared G2 line coefficients, the (multi-)Miller loop, the final
 * exponentiation, and the pairing-product check.
 */
package io.zklayer.zk.pairing;
