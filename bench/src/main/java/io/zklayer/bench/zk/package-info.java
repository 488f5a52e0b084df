/** JMH benchmarks of the zk module: pairing, Groth16 verify / batch verify / prove, and MSM. */
package io.zklayer.bench.zk;
