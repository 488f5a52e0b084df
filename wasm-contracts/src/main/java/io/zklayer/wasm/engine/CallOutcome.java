package io.zklayer.wasm.engine;

import java.util.Arrays;

/**
 * How a contract call ended. Every expected ending is a value, never an exception: the chain
 * charges gas and emits events from these.
 */
public sealed interface CallOutcome permits CallOutcome.Success, CallOutcome.OutOfGas, CallOutcome.Trap,
        CallOutcome.InvalidModule {

    /**
     * The entry function returned status 0.
     *
     * @param output the bytes the contract wrote with {@code env.output_write} (empty if none)
     * @param gasUsed gas charged, at most the limit
     */
    record Success(byte[] output, long gasUsed) implements CallOutcome {
        /** Copies the output so the record stays immutable. */
        public Success {
            output = output.clone();
        }

        @Override
        public byte[] output() {
            return output.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Success s && s.gasUsed == gasUsed && Arrays.equals(s.output, output);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(output) * 31 + Long.hashCode(gasUsed);
        }

        @Override
        public String toString() {
            return "Success[output=" + output.length + " bytes, gasUsed=" + gasUsed + "]";
        }
    }

    /**
     * The gas limit ran out before the call finished; all of it is consumed.
     *
     * @param gasLimit the limit that was exhausted
     */
    record OutOfGas(long gasLimit) implements CallOutcome {
    }

    /**
     * The call stopped abnormally: a Wasm trap, the call-depth limit, a host-API misuse, or a
     * non-zero status from the entry function.
     *
     * @param reason what happened, e.g. {@code "call depth limit 512 exceeded"}
     * @param gasUsed gas charged up to the trap
     */
    record Trap(String reason, long gasUsed) implements CallOutcome {
    }

    /**
     * The module was rejected before running.
     *
     * @param reason the rule broken and where, e.g. {@code "function 0: opcode F32_ADD at byte 41 is
     *     not allowed (floats are not deterministic)"}
     */
    record InvalidModule(String reason) implements CallOutcome, LoadResult {
    }
}
