package io.zklayer.wasm.engine;

import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.runtime.Instance;

/** The mutable state of one contract call seen by the host functions: input, output and gas. */
final class CallState {
    private final byte[] input;
    private final GasSchedule schedule;
    private final int gasGlobal;
    private final int maxOutputBytes;
    private byte[] output = new byte[0];

    CallState(byte[] input, GasSchedule schedule, int gasGlobal, int maxOutputBytes) {
        this.input = input;
        this.schedule = schedule;
        this.gasGlobal = gasGlobal;
        this.maxOutputBytes = maxOutputBytes;
    }

    byte[] input() {
        return input;
    }

    GasSchedule schedule() {
        return schedule;
    }

    int maxOutputBytes() {
        return maxOutputBytes;
    }

    byte[] output() {
        return output;
    }

    void setOutput(byte[] bytes) {
        this.output = bytes;
    }

    /**
     * Subtracts {@code cost} from the gas global, exactly as injected code does, and traps when it
     * goes negative; the engine then reports {@link CallOutcome.OutOfGas}.
     */
    void charge(Instance inst, long cost) {
        GlobalInstance gas = inst.global(gasGlobal);
        long left = gas.getValue() - cost;
        gas.setValue(left);
        if (left < 0) {
            throw new HostApi.HostTrap("out of gas in a host call");
        }
    }
}
