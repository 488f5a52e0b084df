package io.zklayer.node.rpc.methods;

import io.zklayer.node.rpc.RpcMethod;
import io.zklayer.node.rpc.RpcRegistry;
import io.zklayer.node.service.Node;
import io.zklayer.primitives.Hex;
import io.zklayer.runtime.CallHandler;
import io.zklayer.runtime.Descriptors;
import io.zklayer.runtime.Pallet;
import io.zklayer.runtime.storage.StorageEntryDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code zklayer_runtimeDescription}: the runtime's pallets with their calls (and argument types),
 * events, errors, storage entries (hashers, key and value types, defaults) and constants — what a
 * client needs to build calls and read storage until metadata is served.
 */
final class RuntimeRpc {
    private RuntimeRpc() {}

    static void register(RpcRegistry r, Node node) {
        r.add(RpcMethod.of("zklayer_runtimeDescription", List.of(), p -> describe(node)));
    }

    private static Map<String, Object> describe(Node node) {
        List<Object> pallets = new ArrayList<>();
        for (Pallet pallet : node.runtime().pallets()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("index", pallet.index());
            out.put("name", pallet.name());
            out.put("calls", pallet.calls().map(CallHandler::describe).orElse(List.of()));
            out.put("events", pallet.events());
            out.put("errors", pallet.errors());
            List<Object> storage = new ArrayList<>();
            for (StorageEntryDescriptor s : pallet.storage()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("name", s.name());
                e.put("hashers", s.hashers().stream().map(Enum::name).toList());
                e.put("keys", s.keyTypes());
                e.put("value", s.valueType());
                e.put("default", s.defaultValue() == null ? null : Hex.encode(s.defaultValue()));
                e.put("docs", s.docs());
                storage.add(e);
            }
            out.put("storage", storage);
            List<Object> constants = new ArrayList<>();
            for (Descriptors.ConstantDescriptor c : pallet.constants()) {
                constants.add(Map.of("name", c.name(), "type", c.type(), "value", Hex.encode(c.value()), "docs", c.docs()));
            }
            out.put("constants", constants);
            pallets.add(out);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("version", JsonShapes.runtimeVersion(node.runtime().version()));
        result.put("pallets", pallets);
        return result;
    }
}
