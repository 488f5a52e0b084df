package io.zklayer.node.rpc.methods;

import io.zklayer.node.rpc.RpcErrorCode;
import io.zklayer.node.rpc.RpcException;
import io.zklayer.node.rpc.RpcMethod;
import io.zklayer.node.rpc.RpcParams;
import io.zklayer.node.rpc.RpcRegistry;
import io.zklayer.node.rpc.SubscriptionMethod;
import io.zklayer.node.service.Node;
import io.zklayer.node.txpool.SubmitOutcome;
import io.zklayer.node.txpool.TransactionStatus;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.hashing.Hashing;
import io.zklayer.primitives.types.UncheckedExtrinsic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code author_*} methods: submitting extrinsics (and watching them), the pending pool. */
final class AuthorRpc {
    private AuthorRpc() {}

    static void register(RpcRegistry r, Node node) {
        r.add(RpcMethod.of("author_submitExtrinsic", List.of("extrinsic"), p -> Hex.encode(submit(node, p))));
        r.add(RpcMethod.of("author_pendingExtrinsics", List.of(), p ->
                node.pool().pending().stream().map(Hex::encode).toList()));
        r.add(RpcMethod.unsafe("author_removeExtrinsic", List.of("bytesOrHash"), p -> {
            var arr = p.array(0);
            List<byte[]> hashes = new ArrayList<>();
            for (int i = 0; i < arr.size(); i++) {
                var item = arr.get(i);
                String text = item.isTextual() ? item.asText() : item.path("hash").asText(item.path("extrinsic").asText(""));
                if (!Hex.isPrefixedHex(text)) {
                    throw p.invalid(0, "item " + i + " is not 0x-hex");
                }
                byte[] b = Hex.decode(text);
                hashes.add(b.length == 32 && item.isTextual() ? b : Hashing.blake2b256(b));
            }
            return node.pool().remove(hashes).stream().map(Hex::encode).toList();
        }));
        r.add(SubscriptionMethod.of("author_submitAndWatchExtrinsic", "author_unwatchExtrinsic", "author_extrinsicUpdate",
                List.of("extrinsic"), (p, sink) -> {
                    byte[] bytes = decode(p);
                    byte[] hash = Hashing.blake2b256(bytes);
                    Runnable[] stop = new Runnable[1];
                    stop[0] = node.pool().watch(hash, (h, status) -> {
                        sink.send(json(status));
                        if (status.isFinal()) {
                            stop[0].run();
                            sink.close();
                        }
                    });
                    try {
                        check(node.submitTransaction(bytes));
                    } catch (RuntimeException e) {
                        stop[0].run();
                        throw e;
                    }
                    return () -> stop[0].run();
                }));
    }

    private static byte[] submit(Node node, RpcParams p) {
        byte[] bytes = decode(p);
        check(node.submitTransaction(bytes));
        return Hashing.blake2b256(bytes);
    }

    private static byte[] decode(RpcParams p) {
        byte[] bytes = p.hex(0);
        try {
            UncheckedExtrinsic.CODEC.decode(bytes);
        } catch (ScaleDecodeException e) {
            throw new RpcException(RpcErrorCode.BAD_FORMAT, e.getMessage());
        }
        return bytes;
    }

    private static void check(SubmitOutcome outcome) {
        if (outcome instanceof SubmitOutcome.Rejected r) {
            RpcErrorCode code = switch (r.reason()) {
                case INVALID -> RpcErrorCode.INVALID_TRANSACTION;
                case UNKNOWN -> RpcErrorCode.UNKNOWN_TRANSACTION;
                case ALREADY_IMPORTED -> RpcErrorCode.ALREADY_IMPORTED;
                case TEMPORARILY_BANNED -> RpcErrorCode.TEMPORARILY_BANNED;
                case PRIORITY_TOO_LOW -> RpcErrorCode.POOL_PRIORITY_TOO_LOW;
                case POOL_FULL, TOO_LARGE -> RpcErrorCode.IMMEDIATELY_DROPPED;
            };
            throw new RpcException(code, r.detail());
        }
    }

    /** Returns Substrate's JSON form of a transaction status. */
    static Object json(TransactionStatus s) {
        if (s instanceof TransactionStatus.Future) {
            return "future";
        }
        if (s instanceof TransactionStatus.Ready) {
            return "ready";
        }
        if (s instanceof TransactionStatus.InBlock b) {
            return Map.of("inBlock", Hex.encode(b.blockHash()));
        }
        if (s instanceof TransactionStatus.Retracted b) {
            return Map.of("retracted", Hex.encode(b.blockHash()));
        }
        if (s instanceof TransactionStatus.Finalized b) {
            return Map.of("finalized", Hex.encode(b.blockHash()));
        }
        if (s instanceof TransactionStatus.Usurped u) {
            return Map.of("usurped", Hex.encode(u.byHash()));
        }
        if (s instanceof TransactionStatus.Dropped) {
            return "dropped";
        }
        return "invalid";
    }
}
