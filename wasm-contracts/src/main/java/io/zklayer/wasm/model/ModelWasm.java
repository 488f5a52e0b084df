package io.zklayer.wasm.model;

/**
 * A model compiled to Wasm and the memory layout of its contract.
 *
 * @param wasm the module binary
 * @param inputPtr where {@code call} copies the input (also usable by direct {@code infer} callers)
 * @param outputPtr where {@code call} asks {@code infer} to write the output
 * @param outputLength output bytes of one inference
 * @param activationPtr start of the two int32 activation buffers
 * @param paramsPtr start of the weights and biases (the data segment)
 * @param memoryPages linear memory size in 64 KiB pages (fixed: minimum = maximum)
 */
public record ModelWasm(byte[] wasm, int inputPtr, int outputPtr, int outputLength, int activationPtr,
        int paramsPtr, int memoryPages) {
    /** Copies the binary. */
    public ModelWasm {
        wasm = wasm.clone();
    }

    @Override
    public byte[] wasm() {
        return wasm.clone();
    }
}
