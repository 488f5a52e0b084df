package io.zklayer.node.cli;

import java.util.Locale;

/**
 * Which JSON-RPC methods the node answers, as {@code --rpc-methods} sets it (Substrate's
 * {@code RpcMethods}): {@code safe} refuses the unsafe ones ({@code author_insertKey},
 * {@code author_rotateKeys}, node administration), {@code unsafe} answers everything, and
 * {@code auto} means safe when the RPC port listens on all interfaces and unsafe when it listens on
 * loopback only.
 */
public enum RpcMethodsPolicy {
    /** Safe when external, unsafe on loopback. */
    AUTO,
    /** Only the safe methods. */
    SAFE,
    /** Every method, including key insertion and node administration. */
    UNSAFE;

    /** Returns the lower-case name the flag takes: {@code auto}, {@code safe}, {@code unsafe}. */
    public String flagValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the policy a flag value names, ignoring case.
     *
     * @throws InvalidConfigException for any other value
     */
    public static RpcMethodsPolicy parse(String value) {
        for (RpcMethodsPolicy policy : values()) {
            if (policy.flagValue().equalsIgnoreCase(value)) {
                return policy;
            }
        }
        throw new InvalidConfigException("--rpc-methods must be auto, safe or unsafe, got '" + value + "'");
    }
}
