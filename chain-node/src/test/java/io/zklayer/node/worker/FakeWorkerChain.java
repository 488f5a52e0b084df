package io.zklayer.node.worker;

import io.zklayer.pallets.inference.InferenceEvent;
import io.zklayer.pallets.inference.InferencePallet;
import io.zklayer.pallets.inference.InferenceStorage;
import io.zklayer.pallets.inference.Workload;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleEnum;
import io.zklayer.primitives.hashing.Hashing;
import io.zklayer.primitives.hashing.StorageKeys;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.EventLayout;
import io.zklayer.primitives.types.EventRecord;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Phase;
import io.zklayer.primitives.types.RuntimeEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A chain for worker tests, at the worker's seam ({@link WorkerChain}): blocks are added by hand with
 * their storage (copied from the parent, then changed) and their Inference events; submissions are
 * recorded and accepted.
 */
final class FakeWorkerChain implements WorkerChain {
    static final H256 GENESIS = H256.of(Hashing.blake2b256(new byte[] {0}));
    /** Decodes the Inference events only, as a runtime with the Inference pallet at index 8 would. */
    static final EventLayout LAYOUT = (pallet, event) -> pallet != InferencePallet.INDEX ? Optional.empty()
            : ((ScaleEnum<InferenceEvent>) InferenceEvent.CODEC).variants().stream().filter(v -> v.index() == event)
                    .<io.zklayer.primitives.codec.ScaleCodec<?>>map(ScaleEnum.VariantInfo::codec).findFirst();

    private final List<Head> heads = new ArrayList<>();
    private final Map<H256, Map<String, byte[]>> states = new HashMap<>();
    private final List<Consumer<Head>> listeners = new CopyOnWriteArrayList<>();
    final List<byte[]> submitted = new CopyOnWriteArrayList<>();
    long nonce = 7;

    FakeWorkerChain() {
        heads.add(new Head(0, GENESIS));
        states.put(GENESIS, new HashMap<>());
    }

    /** Adds block n+1 with {@code workloads} written and {@code events} emitted; notifies listeners when {@code announce}. */
    synchronized Head addBlock(Map<Long, Workload> workloads, List<InferenceEvent> events, boolean announce) {
        Head parent = heads.get(heads.size() - 1);
        Head head = new Head(parent.number() + 1, H256.of(Hashing.blake2b256(("block" + (parent.number() + 1)).getBytes())));
        Map<String, byte[]> state = new HashMap<>(states.get(parent.hash()));
        long next = Optional.ofNullable(state.get(Hex.encode(InferenceStorage.NEXT_WORKLOAD_ID.key())))
                .map(ScaleCodecs.U64::decode).orElse(0L);
        for (Map.Entry<Long, Workload> w : workloads.entrySet()) {
            state.put(Hex.encode(InferenceStorage.WORKLOADS.key(w.getKey())), Workload.CODEC.encode(w.getValue()));
            next = Math.max(next, w.getKey() + 1);
        }
        state.put(Hex.encode(InferenceStorage.NEXT_WORKLOAD_ID.key()), ScaleCodecs.U64.encode(next));
        List<EventRecord> records = new ArrayList<>();
        for (InferenceEvent e : events) {
            byte[] enc = InferenceEvent.CODEC.encode(e);
            records.add(new EventRecord(Phase.applyExtrinsic(1),
                    new RuntimeEvent(InferencePallet.INDEX, enc[0] & 0xff, Arrays.copyOfRange(enc, 1, enc.length)), List.of()));
        }
        state.put(Hex.encode(StorageKeys.prefix("System", "Events")), EventRecord.encodeAll(records));
        states.put(head.hash(), state);
        heads.add(head);
        if (announce) {
            listeners.forEach(l -> l.accept(head));
        }
        return head;
    }

    @Override
    public synchronized Head best() {
        return heads.get(heads.size() - 1);
    }

    @Override
    public Runnable onNewBest(Consumer<Head> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public synchronized Optional<byte[]> storage(byte[] key, H256 at) {
        return Optional.ofNullable(states.get(at).get(Hex.encode(key)));
    }

    @Override
    public long nextNonce(AccountId32 who) {
        return nonce + submitted.size();
    }

    @Override
    public Submission submit(byte[] extrinsic) {
        submitted.add(extrinsic);
        return new Submission.Accepted(H256.of(Hashing.blake2b256(extrinsic)));
    }

    @Override
    public H256 genesisHash() {
        return GENESIS;
    }

    @Override
    public long specVersion() {
        return 1;
    }

    @Override
    public long transactionVersion() {
        return 1;
    }
}
