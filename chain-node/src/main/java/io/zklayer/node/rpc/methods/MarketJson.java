package io.zklayer.node.rpc.methods;

import io.zklayer.node.service.Node;
import io.zklayer.pallets.inference.InferenceStorage;
import io.zklayer.pallets.inference.Workload;
import io.zklayer.pallets.inference.WorkloadInput;
import io.zklayer.pallets.inference.WorkloadStatus;
import io.zklayer.pallets.pools.PoolsStorage;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.crypto.Ss58;
import io.zklayer.primitives.types.AccountId32;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON shapes of the {@code zklayer_*} market methods. Accounts are SS58 in the chain's format,
 * balances decimal strings (they exceed 2^53), bytes {@code 0x} hex, block numbers and ids numbers.
 * A workload, for example:
 *
 * <pre>
 * {"id": 0, "owner": "5FA9nQ…", "model": 0, "input": {"inline": "0x0000050d…"},
 *  "inputCommitment": "0x1c2f…", "maxPrice": "2000000000000", "price": "1000000000000",
 *  "deadlineBlocks": 10, "submittedAt": 4, "attempts": 1,
 *  "status": {"kind": "completed", "node": "5FA9nQ…", "output": "0x00000000", "at": 6}}
 * </pre>
 */
final class MarketJson {
    private MarketJson() {}

    static String address(Node node, AccountId32 who) {
        return Ss58.encode(node.settings().spec().properties().ss58Format(), who.bytes());
    }

    static Map<String, Object> workload(Node node, long id, Workload w) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("owner", address(node, w.owner()));
        out.put("model", w.model());
        out.put("input", w.input() instanceof WorkloadInput.Inline i ? Map.of("inline", Hex.encode(i.bytes()))
                : Map.of("commitment", Hex.encode(((WorkloadInput.Commitment) w.input()).commitment())));
        out.put("inputCommitment", Hex.encode(w.inputCommitment()));
        out.put("maxPrice", w.maxPrice().toString());
        out.put("price", w.price().toString());
        out.put("deadlineBlocks", w.deadlineBlocks());
        out.put("submittedAt", w.submittedAt());
        out.put("attempts", w.attempts());
        out.put("status", status(node, w.status()));
        return out;
    }

    static Map<String, Object> status(Node node, WorkloadStatus s) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (s instanceof WorkloadStatus.Queued) {
            out.put("kind", "queued");
        } else if (s instanceof WorkloadStatus.Assigned a) {
            out.put("kind", "assigned");
            out.put("node", address(node, a.node()));
            out.put("assignedAt", a.assignedAt());
            out.put("deadline", a.deadline());
        } else if (s instanceof WorkloadStatus.Completed c) {
            out.put("kind", "completed");
            out.put("node", c.node().map(n -> address(node, n)).orElse(null));
            out.put("output", Hex.encode(c.output()));
            out.put("at", c.at());
        } else {
            WorkloadStatus.Refunded r = (WorkloadStatus.Refunded) s;
            out.put("kind", "refunded");
            out.put("reason", r.reason().name().toLowerCase(Locale.ROOT));
            out.put("at", r.at());
        }
        return out;
    }

    static Map<String, Object> poolNode(Node node, AccountId32 who, PoolsStorage.PoolNode n, PoolsStorage.EpochCapacity capacity,
            InferenceStorage.NodeStats stats) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("account", address(node, who));
        out.put("models", n.models());
        out.put("computeUnitsPerEpoch", n.computeUnitsPerEpoch());
        out.put("bond", n.bond().toString());
        out.put("status", n.status().name().toLowerCase(Locale.ROOT));
        out.put("statusEpoch", n.statusEpoch());
        out.put("capacity", capacity == null ? null : Map.of("total", capacity.total(), "used", capacity.used()));
        out.put("completed", stats.completed());
        out.put("missed", stats.missed());
        out.put("invalid", stats.invalid());
        return out;
    }
}
