package io.zklayer.node.service;

import io.zklayer.genesis.ChainSpec;
import io.zklayer.node.network.NetworkSettings;
import io.zklayer.node.rpc.RpcServerConfig;
import io.zklayer.node.storage.Pruning;
import io.zklayer.primitives.crypto.Ed25519KeyPair;
import io.zklayer.node.cli.Misbehaviour;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a node needs to start, resolved from the command line: the chain spec, where the database
 * lives, the RPC server, the authoring key if it is a validator, and its networking.
 *
 * @param name the node's name (system_name is the implementation; this is for logs)
 * @param spec the chain spec
 * @param databaseDir the RocksDB directory
 * @param pruning how many states to keep
 * @param rpc the RPC server configuration
 * @param authoringKey the key to author blocks with, if this node is a validator
 * @param instantFinality whether blocks are final when imported (dev chains)
 * @param network the libp2p networking; empty for a node on its own (in-process tests)
 * @param misbehave the faults this validator injects on purpose (test chains only, checked by the launcher);
 *     empty for an honest node
 */
public record NodeSettings(String name, ChainSpec spec, Path databaseDir, Pruning pruning, RpcServerConfig rpc,
                           Optional<Ed25519KeyPair> authoringKey, boolean instantFinality,
                           Optional<NetworkSettings> network, Set<Misbehaviour> misbehave) {
    /** Checks for nulls. */
    public NodeSettings {
        Objects.requireNonNull(authoringKey, "authoringKey");
        Objects.requireNonNull(network, "network");
        misbehave = misbehave.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(misbehave));
    }

    /** Returns the settings of an honest node. */
    public NodeSettings(String name, ChainSpec spec, Path databaseDir, Pruning pruning, RpcServerConfig rpc,
                        Optional<Ed25519KeyPair> authoringKey, boolean instantFinality, Optional<NetworkSettings> network) {
        this(name, spec, databaseDir, pruning, rpc, authoringKey, instantFinality, network, Set.of());
    }

    /** Returns the settings of a node without networking. */
    public NodeSettings(String name, ChainSpec spec, Path databaseDir, Pruning pruning, RpcServerConfig rpc,
                        Optional<Ed25519KeyPair> authoringKey, boolean instantFinality) {
        this(name, spec, databaseDir, pruning, rpc, authoringKey, instantFinality, Optional.empty());
    }
}
