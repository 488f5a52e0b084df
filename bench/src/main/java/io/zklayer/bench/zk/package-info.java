/** JMH benchmarks of the zk module: field arithmetic, pairing, Groth16 verify / batch verify / prove, and MSM. */
package io.zklayer.bench.zk;
