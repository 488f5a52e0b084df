/** JMH benchmarks of the sdk: proving model runs with an artifact's prover, from the plain and the prepared proving key. */
package io.zklayer.bench.sdk;
