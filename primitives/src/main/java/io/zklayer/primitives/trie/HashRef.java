package io.zklayer.primitives.trie;

/** A child (or root) known only by the blake2b-256 hash under which the node store holds it. */
record HashRef(byte[] hash) {}
