package io.zklayer.node.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.zklayer.genesis.ChainSpec;
import io.zklayer.genesis.ChainSpecs;
import io.zklayer.node.client.RpcClient;
import io.zklayer.node.rpc.RpcServerConfig;
import io.zklayer.node.storage.Pruning;
import io.zklayer.pallets.balances.BalancesCall;
import io.zklayer.pallets.balances.BalancesPallet;
import io.zklayer.pallets.system.AccountInfo;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.crypto.Ed25519KeyPair;
import io.zklayer.primitives.hashing.StorageHasher;
import io.zklayer.primitives.hashing.StorageKeys;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Call;
import io.zklayer.primitives.types.ExtrinsicSigner;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.MultiAddress;
import io.zklayer.runtime.ZklayerRuntime;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Starts an in-process dev node (RocksDB in a temp dir, real RPC on a free port) and talks to it. */
final class DevNodeHarness implements AutoCloseable {
    final Node node;
    final RpcClient ws;
    final RpcClient http;
    final H256 genesisHash;

    DevNodeHarness(Path db) throws InterruptedException {
        this(db, new RpcServerConfig("127.0.0.1", 0, 64 * 1024, 15 << 20, 20, 3, 16, true));
    }

    DevNodeHarness(Path db, RpcServerConfig rpc) throws InterruptedException {
        this(db, rpc, ChainSpecs.dev());
    }

    /** Starts a dev node on {@code spec} (a variant of the dev preset, e.g. with shorter slots and epochs). */
    DevNodeHarness(Path db, ChainSpec spec) throws InterruptedException {
        this(db, new RpcServerConfig("127.0.0.1", 0, 64 * 1024, 15 << 20, 20, 3, 16, true), spec);
    }

    DevNodeHarness(Path db, RpcServerConfig rpc, ChainSpec spec) throws InterruptedException {
        node = Node.start(new NodeSettings("test", spec, db, Pruning.DEFAULT, rpc,
                Optional.of(DevAccounts.ALICE.keyPair()), true));
        ws = RpcClient.connect("ws://127.0.0.1:" + node.rpcAddress().getPort());
        http = RpcClient.connect("http://127.0.0.1:" + node.rpcAddress().getPort());
        genesisHash = H256.fromHex(http.call("chain_getBlockHash", 0).asText());
    }

    static AccountId32 account(DevAccounts who) {
        return AccountId32.of(who.keyPair().publicKey().bytes());
    }

    static String ss58(DevAccounts who) {
        return who.keyPair().publicKey().toSs58();
    }

    static Call transferKeepAlive(DevAccounts to, BigInteger amount) {
        byte[] b = BalancesCall.CODEC.encode(new BalancesCall.TransferKeepAlive(MultiAddress.id(account(to)), amount));
        return new Call(BalancesPallet.INDEX, b[0] & 0xFF, Arrays.copyOfRange(b, 1, b.length));
    }

    static Call transferAllowDeath(AccountId32 to, BigInteger amount) {
        byte[] b = BalancesCall.CODEC.encode(new BalancesCall.TransferAllowDeath(MultiAddress.id(to), amount));
        return new Call(BalancesPallet.INDEX, b[0] & 0xFF, Arrays.copyOfRange(b, 1, b.length));
    }

    ExtrinsicSigner signer() {
        return new ExtrinsicSigner(ZklayerRuntime.VERSION.specVersion(), ZklayerRuntime.VERSION.transactionVersion(),
                genesisHash);
    }

    String signed(Ed25519KeyPair key, Call call, long nonce) {
        return Hex.encode(signer().sign(key, call, nonce, BigInteger.ZERO).encode());
    }

    long nextIndex(DevAccounts who) {
        return http.call("system_accountNextIndex", ss58(who)).asLong();
    }

    AccountInfo accountInfo(DevAccounts who, String atBlock) {
        String key = Hex.encode(StorageKeys.mapKey("System", "Account", StorageHasher.BLAKE2_128_CONCAT,
                account(who).bytes()));
        JsonNode v = atBlock == null ? http.call("state_getStorage", key) : http.call("state_getStorage", key, atBlock);
        return v.isNull() ? AccountInfo.EMPTY : AccountInfo.CODEC.decode(Hex.decode(v.asText()));
    }

    long bestNumber() {
        return Long.decode(http.call("chain_getHeader").get("number").asText());
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        ws.close();
        http.close();
        node.close();
    }
}
