package io.zklayer.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.zklayer.genesis.ChainSpecs;
import io.zklayer.node.client.RpcClient;
import io.zklayer.node.rpc.RpcServerConfig;
import io.zklayer.node.service.Node;
import io.zklayer.node.service.NodeSettings;
import io.zklayer.node.storage.Pruning;
import io.zklayer.pallets.system.AccountInfo;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.hashing.StorageHasher;
import io.zklayer.primitives.hashing.StorageKeys;
import io.zklayer.primitives.types.AccountId32;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A dev node in this JVM for the {@code tx} end-to-end tests, as the service tests start one:
 * RocksDB in a temporary directory, Alice authoring, instant finality, RPC on a free port of
 * 127.0.0.1. The CLI under test reaches it at {@link #wsUrl()} like any other node.
 */
final class InProcessDevNode implements AutoCloseable {
    final Node node;
    final RpcClient http;

    InProcessDevNode(Path db) throws InterruptedException {
        node = Node.start(new NodeSettings("cli-test", ChainSpecs.dev(), db, Pruning.DEFAULT,
                new RpcServerConfig("127.0.0.1", 0, 64 * 1024, 15 << 20, 20, 8, 16, true),
                Optional.of(DevAccounts.ALICE.keyPair()), true));
        http = RpcClient.connect(httpUrl());
    }

    String wsUrl() {
        return "ws://127.0.0.1:" + node.rpcAddress().getPort();
    }

    String httpUrl() {
        return "http://127.0.0.1:" + node.rpcAddress().getPort();
    }

    static AccountId32 account(DevAccounts who) {
        return AccountId32.of(who.keyPair().publicKey().bytes());
    }

    /** Returns the account's System.Account entry at {@code atBlock}, or at the best block when null. */
    AccountInfo accountInfo(AccountId32 who, String atBlock) {
        String key = Hex.encode(StorageKeys.mapKey("System", "Account", StorageHasher.BLAKE2_128_CONCAT, who.bytes()));
        JsonNode v = atBlock == null ? http.call("state_getStorage", key) : http.call("state_getStorage", key, atBlock);
        return v.isNull() ? AccountInfo.EMPTY : AccountInfo.CODEC.decode(Hex.decode(v.asText()));
    }

    @Override
    public void close() {
        http.close();
        node.close();
    }
}
