package io.zklayer.wasm.engine;

/**
 * Which Chicory machine runs contract code. Both run the same instrumented binary, so outputs and
 * gas are identical; the compiler is ~40× faster and is what nodes use, the interpreter exists
 * to cross-check the compiler in tests.
 */
public enum EngineKind {
    /** Chicory's bytecode compiler with interpreter fallback disabled. */
    COMPILER,
    /** Chicory's interpreter. */
    INTERPRETER
}
