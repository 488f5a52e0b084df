package io.zklayer.runtime.api;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.hashing.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A runtime API as clients see it: the trait name, its version, and methods with SCALE type names
 * for their parameters and result. A method is called through {@code state_call} as
 * {@code <Trait>_<method>} with the concatenated SCALE encodings of its parameters; its id in the
 * runtime version is blake2b-64 of the trait name: {@code Core} → {@code 0xdf6acb689907609b}.
 *
 * @param name the trait name, e.g. {@code AccountNonceApi}
 * @param version the API version the runtime implements
 * @param methods the methods
 * @param docs one line of docs
 */
public record RuntimeApiDescriptor(String name, int version, List<Method> methods, String docs) {
    public RuntimeApiDescriptor {
        methods = List.copyOf(methods);
    }

    /** A method: its name, parameters, result type name and docs. */
    public record Method(String name, List<Param> inputs, String output, String docs) {
        public Method {
            inputs = List.copyOf(inputs);
        }
    }

    /** A method parameter: name and SCALE type name. */
    public record Param(String name, String type) {}

    /** Returns the API id: {@code 0x} and the 8-byte blake2b hash of the trait name. */
    public String idHex() {
        return idOf(name);
    }

    /** Returns the API id of the trait {@code traitName}. */
    public static String idOf(String traitName) {
        return Hex.encode(Hashing.blake2b(traitName.getBytes(StandardCharsets.UTF_8), 8));
    }

    /** Returns a method. */
    static Method method(String name, String output, String docs, Param... inputs) {
        return new Method(name, List.of(inputs), output, docs);
    }

    /** Returns a parameter. */
    static Param param(String name, String type) {
        return new Param(name, type);
    }
}
