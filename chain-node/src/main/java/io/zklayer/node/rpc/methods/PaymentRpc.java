package io.zklayer.node.rpc.methods;

import io.zklayer.node.rpc.RpcErrorCode;
import io.zklayer.node.rpc.RpcException;
import io.zklayer.node.rpc.RpcMethod;
import io.zklayer.node.rpc.RpcRegistry;
import io.zklayer.node.service.Node;
import io.zklayer.pallets.payment.TransactionPaymentPallet;
import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.types.UncheckedExtrinsic;
import io.zklayer.runtime.DispatchInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code payment_queryInfo}: the weight, class and fee (before tip) of an extrinsic. */
final class PaymentRpc {
    private PaymentRpc() {}

    static void register(RpcRegistry r, Node node) {
        r.add(RpcMethod.of("payment_queryInfo", List.of("extrinsic", "at"), p -> {
            byte[] bytes = p.hex(0);
            BlockRefs.at(p, 1, node);
            DispatchInfo info;
            try {
                info = node.runtime().decodeCall(UncheckedExtrinsic.CODEC.decode(bytes).call()).info();
            } catch (ScaleDecodeException e) {
                throw new RpcException(RpcErrorCode.BAD_FORMAT, e.getMessage());
            }
            var fee = node.runtime().pallet(TransactionPaymentPallet.class).partialFee(bytes.length, info);
            Map<String, Object> weight = new LinkedHashMap<>();
            weight.put("refTime", info.weight().refTime());
            weight.put("proofSize", info.weight().proofSize());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("weight", weight);
            out.put("class", info.dispatchClass().name().toLowerCase());
            out.put("partialFee", fee.toString());
            return out;
        }));
    }
}
