/**
 * Rank-1 constraint systems: linear combinations, constraints, a builder that assigns the witness as it
 * goes, satisfiability checks, and readers for circom's {@code .r1cs} and snarkjs's {@code .wtns} files.
 */
package io.zklayer.zk.r1cs;
