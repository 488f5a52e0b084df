/** JMH benchmarks of the state trie: bulk insert and commit, incremental root after a block of changes. */
package io.zklayer.bench.trie;
