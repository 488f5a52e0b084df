package io.zklayer.pallets.system;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleReader;
import io.zklayer.primitives.codec.ScaleWriter;
import io.zklayer.primitives.codec.Tuple2;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Digest;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Phase;
import io.zklayer.runtime.CallHandler;
import io.zklayer.runtime.Descriptors;
import io.zklayer.runtime.DispatchInfo;
import io.zklayer.runtime.Origin;
import io.zklayer.runtime.Pallet;
import io.zklayer.runtime.PalletEvent;
import io.zklayer.runtime.RuntimeContext;
import io.zklayer.primitives.trie.TrieState;
import io.zklayer.runtime.storage.StorageEntryDescriptor;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The System pallet: block number and parent hash, recent block hashes, account nonces and
 * reference counts, the block's events, and the {@code remark} calls. Every other pallet builds on
 * it; the executive drives its block lifecycle.
 */
public final class SystemPallet implements Pallet, CallHandler<SystemCall>, RuntimeContext.EventSink {
    /** Fixed pallet index. */
    public static final int INDEX = 0;
    /** Pallet name and storage prefix. */
    public static final String NAME = "System";
    /** How many recent block hashes are kept (Substrate's BlockHashCount). */
    public static final long BLOCK_HASH_COUNT = 4096;
    /**
     * The SS58 address prefix the runtime declares (Substrate's {@code SS58Prefix} constant): 42, the
     * generic Substrate prefix. Clients display addresses with the chain spec's {@code ss58Format}
     * property when it is set.
     */
    public static final int SS58_PREFIX = 42;

    private static final Map<String, String> CALL_DOCS = Map.of(
            "remark", "Make some on-chain remark.",
            "set_storage", "Set some items of storage (root only).",
            "kill_storage", "Kill some items from storage (root only).",
            "remark_with_event", "Make some on-chain remark and emit an event.");
    private static final Map<String, String> EVENT_DOCS = Map.of(
            "ExtrinsicSuccess", "An extrinsic completed successfully.",
            "ExtrinsicFailed", "An extrinsic failed.",
            "NewAccount", "A new account was created.",
            "KilledAccount", "An account was reaped.",
            "Remarked", "On on-chain remark happened.");

    @Override
    public int index() {
        return INDEX;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<CallHandler<?>> calls() {
        return Optional.of(this);
    }

    @Override
    public Optional<ScaleCodec<? extends PalletEvent>> eventCodec() {
        return Optional.of(SystemEvent.CODEC);
    }

    @Override
    public List<Descriptors.EventDescriptor> events() {
        return Descriptors.events(SystemEvent.CODEC, EVENT_DOCS::get);
    }

    @Override
    public List<Descriptors.ErrorDescriptor> errors() {
        return Pallet.describeErrors(SystemError.class);
    }

    @Override
    public List<StorageEntryDescriptor> storage() {
        return SystemStorage.descriptors();
    }

    @Override
    public List<Descriptors.ConstantDescriptor> constants() {
        return List.of(new Descriptors.ConstantDescriptor("BlockHashCount", "u32",
                        ScaleCodecs.U32.encode(BLOCK_HASH_COUNT), "Maximum number of block number to block hash mappings to keep."),
                new Descriptors.ConstantDescriptor("SS58Prefix", "u16", ScaleCodecs.U16.encode(SS58_PREFIX),
                        "The designated SS58 prefix of this chain."));
    }

    @Override
    public ScaleCodec<SystemCall> codec() {
        return SystemCall.CODEC;
    }

    @Override
    public List<Descriptors.CallDescriptor> describe() {
        return Descriptors.calls(SystemCall.CODEC, CALL_DOCS::get);
    }

    @Override
    public DispatchInfo info(SystemCall call) {
        if (call instanceof SystemCall.Remark r) {
            return DispatchInfo.normal(SystemWeights.remark(r.remark().length));
        }
        if (call instanceof SystemCall.RemarkWithEvent r) {
            return DispatchInfo.normal(SystemWeights.remark(r.remark().length) + SystemWeights.EVENT);
        }
        if (call instanceof SystemCall.SetStorage s) {
            return DispatchInfo.normal(SystemWeights.STORAGE_WRITE * Math.max(1, s.items().size()));
        }
        return DispatchInfo.normal(SystemWeights.STORAGE_WRITE * Math.max(1, ((SystemCall.KillStorage) call).keys().size()));
    }

    @Override
    public void dispatch(SystemCall call, Origin origin, RuntimeContext ctx) {
        if (call instanceof SystemCall.Remark) {
            origin.ensureSigned();
        } else if (call instanceof SystemCall.RemarkWithEvent r) {
            AccountId32 who = origin.ensureSigned();
            ctx.deposit(new SystemEvent.Remarked(who, H256.blake2b256Of(r.remark())));
        } else if (call instanceof SystemCall.SetStorage s) {
            origin.ensureRoot();
            for (Tuple2<byte[], byte[]> item : s.items()) {
                ctx.storage().put(item.first(), item.second());
            }
        } else if (call instanceof SystemCall.KillStorage k) {
            origin.ensureRoot();
            for (byte[] key : k.keys()) {
                ctx.storage().remove(key);
            }
        }
    }

    // ---- block lifecycle, driven by the executive ----

    /** Starts block {@code number}: records the parent hash, resets per-block items and events. */
    public void initialize(TrieState s, long number, H256 parentHash, Digest digest) {
        SystemStorage.NUMBER.put(s, number);
        SystemStorage.PARENT_HASH.put(s, parentHash);
        SystemStorage.DIGEST.put(s, digest);
        SystemStorage.BLOCK_HASH.put(s, number - 1, parentHash);
        if (number - 1 - BLOCK_HASH_COUNT >= 0) {
            SystemStorage.BLOCK_HASH.remove(s, number - 1 - BLOCK_HASH_COUNT);
        }
        s.remove(SystemStorage.EVENTS_KEY);
        SystemStorage.EVENT_COUNT.put(s, 0L);
        SystemStorage.EXTRINSIC_COUNT.put(s, 0L);
        SystemStorage.ALL_EXTRINSICS_LEN.put(s, 0L);
        SystemStorage.BLOCK_WEIGHT.put(s, SystemStorage.PerClassWeight.ZERO);
    }

    @Override
    public void deposit(RuntimeContext ctx, Phase phase, int palletIndex, byte[] indexAndFields) {
        ScaleWriter record = new ScaleWriter(indexAndFields.length + 8);
        Phase.CODEC.encode(record, phase);
        record.u8(palletIndex).raw(indexAndFields).compact(0); // no topics
        ctx.bufferEventRecord(record.toByteArray());
    }

    /**
     * Appends the events buffered in {@code ctx} to {@code System.Events} and updates
     * {@code EventCount}: one write per block however many events it has.
     */
    public void flushEvents(RuntimeContext ctx) {
        List<byte[]> records = ctx.takeEventRecords();
        if (records.isEmpty()) {
            return;
        }
        TrieState s = ctx.storage();
        byte[] existing = s.get(SystemStorage.EVENTS_KEY).orElse(null);
        long count = 0;
        byte[] body = new byte[0];
        if (existing != null) {
            ScaleReader r = new ScaleReader(existing);
            count = r.compactLong("Vec<EventRecord> length");
            body = r.raw(r.remaining(), "Vec<EventRecord>");
        }
        int size = body.length;
        for (byte[] rec : records) {
            size += rec.length;
        }
        ScaleWriter out = new ScaleWriter(size + 8);
        out.compact(count + records.size()).raw(body);
        records.forEach(out::raw);
        s.put(SystemStorage.EVENTS_KEY, out.toByteArray());
        SystemStorage.EVENT_COUNT.put(s, count + records.size());
    }

    /** Returns an account's info (the empty account when it does not exist). */
    public AccountInfo account(TrieState s, AccountId32 who) {
        return SystemStorage.ACCOUNT.get(s, who);
    }

    /** Returns whether the account exists (has a provider). */
    public boolean exists(TrieState s, AccountId32 who) {
        return SystemStorage.ACCOUNT.contains(s, who);
    }

    /**
     * Stores {@code info}, creating the account (event {@code NewAccount}) or reaping it when it has
     * no providers and no consumers left (event {@code KilledAccount}).
     */
    public void putAccount(RuntimeContext ctx, AccountId32 who, AccountInfo info) {
        TrieState s = ctx.storage();
        boolean existed = SystemStorage.ACCOUNT.contains(s, who);
        if (info.providers() == 0 && info.consumers() == 0 && info.sufficients() == 0) {
            if (existed) {
                SystemStorage.ACCOUNT.remove(s, who);
                ctx.deposit(new SystemEvent.KilledAccount(who));
            }
            return;
        }
        SystemStorage.ACCOUNT.put(s, who, info);
        if (!existed) {
            ctx.deposit(new SystemEvent.NewAccount(who));
        }
    }

    /** Adds one to the account's nonce. */
    public void incrementNonce(RuntimeContext ctx, AccountId32 who) {
        AccountInfo info = account(ctx.storage(), who);
        putAccount(ctx, who, info.withNonce(Math.addExact(info.nonce(), 1)));
    }

    /** Returns the hash of block {@code number} if it is recent, else zero. */
    public H256 blockHash(TrieState s, long number) {
        return SystemStorage.BLOCK_HASH.get(s, number);
    }
}
