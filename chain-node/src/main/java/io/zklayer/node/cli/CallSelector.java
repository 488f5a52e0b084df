package io.zklayer.node.cli;

import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.types.Call;
import io.zklayer.runtime.CallHandler;
import io.zklayer.runtime.Descriptors;
import io.zklayer.runtime.Pallet;
import io.zklayer.runtime.Runtime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds a runtime call by the names or indexes {@code tx call} is given, and checks that the
 * SCALE arguments decode as that call's: {@code --pallet Balances --call transfer_keep_alive}
 * (or {@code --pallet 3 --call 3}) with {@code --args-hex 0x00 ‖ <32-byte account> ‖ <Compact
 * value>} is the call {@code (3, 3, args)}, encoded {@code 0x0303 ‖ args}. Names match without
 * regard to case. Every error names the option and lists what the runtime offers.
 *
 * @param runtime the runtime whose pallets and calls are looked up (the CLI's own, the same code as the node's)
 */
record CallSelector(Runtime runtime) {
    /** Checks the runtime is present. */
    CallSelector {
        Objects.requireNonNull(runtime, "runtime");
    }

    /**
     * Returns the call with SCALE {@code args}, checked to decode exactly as the call's arguments.
     *
     * @throws InvalidConfigException naming {@code --pallet}, {@code --call} or {@code --args-hex}
     */
    Call select(String pallet, String call, byte[] args) {
        Pallet p = pallet(pallet);
        CallHandler<?> handler = p.calls().orElseThrow(() -> new InvalidConfigException("--pallet " + pallet
                + ": pallet " + p.name() + " has no calls (pallets with calls: " + palletsWithCalls() + ")"));
        Descriptors.CallDescriptor descriptor = call(p, handler, call);
        Call selected = new Call(p.index(), descriptor.index(), args);
        try {
            runtime.decodeCall(selected);
        } catch (ScaleDecodeException e) {
            throw new InvalidConfigException("--args-hex: not the arguments of " + signature(p, descriptor) + ": "
                    + e.getMessage(), e);
        }
        return selected;
    }

    /** Returns {@code Pallet.call(arg: Type, …)} of a call, as the error messages show it. */
    static String signature(Pallet pallet, Descriptors.CallDescriptor call) {
        return pallet.name() + "." + call.name() + "(" + call.args().stream()
                .map(a -> a.name().isEmpty() ? a.type() : a.name() + ": " + a.type())
                .collect(Collectors.joining(", ")) + ")";
    }

    /** Returns the pallet and call names of {@code call}: {@code Balances.transfer_keep_alive}, or indexes when unknown. */
    String name(Call call) {
        Optional<Pallet> p = runtime.pallets().stream().filter(x -> x.index() == call.palletIndex()).findFirst();
        if (p.isEmpty()) {
            return "pallet " + call.palletIndex() + " call " + call.callIndex();
        }
        return p.get().name() + "." + p.get().calls().flatMap(h -> h.describe().stream()
                .filter(d -> d.index() == call.callIndex()).findFirst())
                .map(Descriptors.CallDescriptor::name).orElse("call " + call.callIndex());
    }

    private Pallet pallet(String text) {
        List<Pallet> pallets = runtime.pallets();
        Optional<Pallet> found = index(text).isPresent()
                ? pallets.stream().filter(p -> p.index() == index(text).getAsInt()).findFirst()
                : pallets.stream().filter(p -> p.name().equalsIgnoreCase(text.strip())).findFirst();
        return found.orElseThrow(() -> new InvalidConfigException("--pallet: the runtime has no pallet '" + text
                + "' (pallets: " + pallets.stream().map(p -> p.index() + " " + p.name()).collect(Collectors.joining(", "))
                + ")"));
    }

    private static Descriptors.CallDescriptor call(Pallet pallet, CallHandler<?> handler, String text) {
        List<Descriptors.CallDescriptor> calls = handler.describe();
        Optional<Descriptors.CallDescriptor> found = index(text).isPresent()
                ? calls.stream().filter(c -> c.index() == index(text).getAsInt()).findFirst()
                : calls.stream().filter(c -> c.name().equalsIgnoreCase(text.strip())).findFirst();
        return found.orElseThrow(() -> new InvalidConfigException("--call: pallet " + pallet.name() + " has no call '"
                + text + "' (calls: " + calls.stream().map(c -> c.index() + " " + c.name())
                .collect(Collectors.joining(", ")) + ")"));
    }

    private String palletsWithCalls() {
        return runtime.pallets().stream().filter(p -> p.calls().isPresent()).map(Pallet::name)
                .collect(Collectors.joining(", "));
    }

    // "3" is an index (0…255); anything else is a name.
    private static java.util.OptionalInt index(String text) {
        String t = text.strip();
        if (t.matches("[0-9]{1,3}") && Integer.parseInt(t) <= 255) {
            return java.util.OptionalInt.of(Integer.parseInt(t));
        }
        return java.util.OptionalInt.empty();
    }
}
