/**
 * The BN254 fields: Fp (coordinates) and Fr (scalars) in Montgomery form on four 64-bit limbs, and
 * the extension tower Fp2 = Fp[u]/(u²+1), Fp6 = Fp2[v]/(v³−(9+u)), Fp12 = Fp6[w]/(w²−v) that hosts the
 * pairing — as immutable values for general use, and as allocation-free arithmetic on five 52-bit limbs
 * with lazy reduction ({@link io.zklayer.zk.field.FpLimbs} … {@link io.zklayer.zk.field.Fp12Limbs}) for
 * the pairing and the MSMs.
 */
package io.zklayer.zk.field;
