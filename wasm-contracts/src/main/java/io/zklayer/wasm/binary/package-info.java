/**
 * Just enough of the WebAssembly binary format to write modules and to splice code into existing
 * ones: LEB128 numbers, section framing and opcode bytes. Decoding and validation of instructions is
 * left to Chicory's parser.
 */
package io.zklayer.wasm.binary;
