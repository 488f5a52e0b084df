/**
 * The SCALE codec (Substrate's Simple Concatenated Aggregate Little-Endian encoding): a strict
 * reader, a writer, and typed codecs that compose.
 */
package io.zklayer.primitives.codec;
