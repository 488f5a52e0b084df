package io.zklayer.node.rpc.methods;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.DigestItem;
import io.zklayer.primitives.types.Header;
import io.zklayer.primitives.types.OpaqueExtrinsic;
import io.zklayer.runtime.RuntimeVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Substrate's JSON shapes: hex with {@code 0x}, header numbers as hex strings, digest items as
 * their SCALE encodings under {@code digest.logs}.
 */
public final class JsonShapes {
    private JsonShapes() {}

    /** Returns a header as Substrate's RPC shows it. */
    public static Map<String, Object> header(Header h) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("parentHash", h.parentHash().toHex());
        out.put("number", "0x" + Long.toHexString(h.number()));
        out.put("stateRoot", h.stateRoot().toHex());
        out.put("extrinsicsRoot", h.extrinsicsRoot().toHex());
        List<String> logs = new ArrayList<>();
        for (DigestItem item : h.digest().logs()) {
            logs.add(Hex.encode(DigestItem.CODEC.encode(item)));
        }
        out.put("digest", Map.of("logs", logs));
        return out;
    }

    /** Returns a signed block as {@code chain_getBlock} shows it. */
    public static Map<String, Object> signedBlock(Block b, byte[] justification) {
        List<String> xts = new ArrayList<>();
        for (OpaqueExtrinsic x : b.extrinsics()) {
            xts.add(Hex.encode(x.encode()));
        }
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("header", header(b.header()));
        block.put("extrinsics", xts);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("block", block);
        out.put("justifications", justification == null ? null : List.of(Hex.encode(justification)));
        return out;
    }

    /** Returns a runtime version as {@code state_getRuntimeVersion} shows it. */
    public static Map<String, Object> runtimeVersion(RuntimeVersion v) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("specName", v.specName());
        out.put("implName", v.implName());
        out.put("authoringVersion", v.authoringVersion());
        out.put("specVersion", v.specVersion());
        out.put("implVersion", v.implVersion());
        List<List<Object>> apis = new ArrayList<>();
        for (RuntimeVersion.Api api : v.apis()) {
            apis.add(List.of(api.idHex(), api.version()));
        }
        out.put("apis", apis);
        out.put("transactionVersion", v.transactionVersion());
        out.put("stateVersion", v.stateVersion());
        return out;
    }
}
