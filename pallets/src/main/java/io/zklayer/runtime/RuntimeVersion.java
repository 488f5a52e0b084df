package io.zklayer.runtime;

import java.util.List;

/**
 * The runtime's version as {@code state_getRuntimeVersion} reports it. A transaction signs
 * {@code specVersion} and {@code transactionVersion}, so changing the call layout means raising
 * {@code transactionVersion}.
 *
 * @param specName the chain's runtime name
 * @param implName the implementation's name
 * @param authoringVersion the authoring version
 * @param specVersion raised whenever runtime rules change
 * @param implVersion raised for implementation-only changes
 * @param apis the runtime APIs: 8-byte id (hex) and version
 * @param transactionVersion raised when call or extrinsic encodings change
 * @param stateVersion the state-trie layout (1: values of 33 bytes or more stored by hash)
 */
public record RuntimeVersion(String specName, String implName, long authoringVersion, long specVersion,
                             long implVersion, List<Api> apis, long transactionVersion, int stateVersion) {
    /** A runtime API the node answers through {@code state_call}: its id and version. */
    public record Api(String idHex, long version) {}

    public RuntimeVersion {
        apis = List.copyOf(apis);
    }
}
