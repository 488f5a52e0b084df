package io.zklayer.node.worker;

import io.zklayer.pallets.inference.InferenceEvent;
import io.zklayer.pallets.inference.InferencePallet;
import io.zklayer.pallets.inference.InferenceStorage;
import io.zklayer.pallets.inference.Workload;
import io.zklayer.primitives.hashing.StorageKeys;
import io.zklayer.primitives.types.EventLayout;
import io.zklayer.primitives.types.EventRecord;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.RuntimeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads over a {@link WorkerChain}: the Inference pallet's events of a block (decoded from
 * {@code System.Events} with the runtime's event layout) and its workloads.
 */
final class ChainReads {
    private static final byte[] EVENTS_KEY = StorageKeys.prefix("System", "Events");

    private final WorkerChain chain;
    private final EventLayout layout;

    ChainReads(WorkerChain chain, EventLayout layout) {
        this.chain = chain;
        this.layout = layout;
    }

    /** Returns the Inference events of block {@code at}, in order. */
    List<InferenceEvent> inferenceEvents(H256 at) {
        Optional<byte[]> raw = chain.storage(EVENTS_KEY, at);
        List<InferenceEvent> out = new ArrayList<>();
        if (raw.isEmpty()) {
            return out;
        }
        for (EventRecord r : EventRecord.listCodec(layout).decode(raw.get())) {
            RuntimeEvent e = r.event();
            if (e.palletIndex() == InferencePallet.INDEX) {
                byte[] encoded = new byte[1 + e.fields().length];
                encoded[0] = (byte) e.eventIndex();
                System.arraycopy(e.fields(), 0, encoded, 1, e.fields().length);
                out.add(InferenceEvent.CODEC.decode(encoded));
            }
        }
        return out;
    }

    /** Returns workload {@code id} in the state of block {@code at}. */
    Optional<Workload> workload(long id, H256 at) {
        return chain.storage(InferenceStorage.WORKLOADS.key(id), at).map(Workload.CODEC::decode);
    }

    /** Returns the id the next workload will get, in the state of block {@code at}. */
    long nextWorkloadId(H256 at) {
        return chain.storage(InferenceStorage.NEXT_WORKLOAD_ID.key(), at).map(io.zklayer.primitives.codec.ScaleCodecs.U64::decode)
                .orElse(0L);
    }
}
