package io.zklayer.wasm.engine;

/**
 * The price list of contract execution, in gas units.
 *
 * <p>Every Wasm instruction of the contract costs {@code instruction}; a {@code memory.grow}
 * additionally costs {@code memoryPage} per requested page (charged even when the grow fails);
 * every host call costs {@code hostCall} plus {@code hostByte} per byte it copies. The injected
 * metering code itself is free. Changing any figure changes consensus, so the schedule is part of
 * a runtime version.
 *
 * @param instruction cost of one original instruction
 * @param memoryPage cost of one requested 64 KiB page
 * @param hostCall base cost of a host call
 * @param hostByte cost per byte copied by a host call
 */
public record GasSchedule(long instruction, long memoryPage, long hostCall, long hostByte) {
    /** The schedule of the ZKLayer runtime. */
    public static final GasSchedule DEFAULT = new GasSchedule(1, 4096, 50, 1);

    /** Checks that every price is non-negative and small enough that sums cannot overflow. */
    public GasSchedule {
        if (instruction < 1) {
            throw new IllegalArgumentException("gas schedule: instruction must be at least 1, or loops would run free");
        }
        check("instruction", instruction);
        check("memoryPage", memoryPage);
        check("hostCall", hostCall);
        check("hostByte", hostByte);
    }

    private static void check(String name, long v) {
        if (v < 0 || v > 1_000_000) {
            throw new IllegalArgumentException("gas schedule: " + name + " must be in [0, 1000000], got " + v);
        }
    }
}
