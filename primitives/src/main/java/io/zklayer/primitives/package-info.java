/**
 * The base of the ZKLayer node: encodings, hashes, keys and chain types whose bytes equal
 * Substrate's. This module has no I/O, threads or storage engines and imports no other module.
 */
package io.zklayer.primitives;
