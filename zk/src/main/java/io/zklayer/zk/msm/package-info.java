/** Multi-scalar multiplication on G1 and G2 (Pippenger, signed windows, a small fixed thread pool). */
package io.zklayer.zk.msm;
