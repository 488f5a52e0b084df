package io.zklayer.wasm.engine;

/** Thrown inside the engine when a module breaks a rule; turned into {@link CallOutcome.InvalidModule}. */
final class InvalidModuleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidModuleException(String reason) {
        super(reason, null, false, false);
    }
}
