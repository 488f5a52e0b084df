package io.zklayer.runtime;

import io.zklayer.pallets.balances.BalancesStorage;
import io.zklayer.pallets.system.AccountInfo;
import io.zklayer.pallets.system.SystemStorage;
import io.zklayer.pallets.timestamp.TimestampCall;
import io.zklayer.pallets.timestamp.TimestampPallet;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.crypto.Ed25519KeyPair;
import io.zklayer.primitives.trie.MemoryNodeStore;
import io.zklayer.primitives.trie.Trie;
import io.zklayer.primitives.trie.TrieState;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Call;
import io.zklayer.primitives.types.Digest;
import io.zklayer.primitives.types.EventRecord;
import io.zklayer.primitives.types.ExtrinsicSigner;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import io.zklayer.primitives.types.UncheckedExtrinsic;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A mock chain for runtime tests: the real ZKLayer runtime over an in-memory trie, a genesis built
 * from a builder, and helpers to sign extrinsics and run blocks. Each block begins with the
 * timestamp inherent.
 */
public final class TestChain {
    public static final BigInteger UNIT = RuntimeParameters.UNIT;

    private final Runtime runtime;
    private final Executive executive;
    private final MemoryNodeStore store = new MemoryNodeStore();
    private final ExtrinsicSigner signer;
    private H256 bestHash;
    private byte[] bestRoot;
    private long bestNumber;
    private long now = 1_700_000_000_000L;
    private BlockExecution open;

    private TestChain(RuntimeParameters params, RuntimeGenesisConfig genesis,
                      List<java.util.function.Function<Runtime, Pallet>> extraPallets) {
        Runtime base = ZklayerRuntime.create(params);
        if (extraPallets.isEmpty()) {
            this.runtime = base;
        } else {
            List<Pallet> all = new java.util.ArrayList<>(base.pallets());
            extraPallets.forEach(f -> all.add(f.apply(base)));
            this.runtime = new Runtime(base.version(), all);
        }
        this.executive = new Executive(runtime, params.limits());
        RuntimeGenesisConfig.Built built = genesis.build(runtime, store);
        store.apply(built.state().changes());
        this.bestHash = built.hash();
        this.bestRoot = built.state().root();
        this.signer = new ExtrinsicSigner(runtime.version().specVersion(), runtime.version().transactionVersion(), bestHash);
    }

    /** Returns a builder with Alice as sudo and validator (other validators with {@code validators}) and no balances. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final Map<AccountId32, BigInteger> balances = new LinkedHashMap<>();
        private RuntimeParameters params = RuntimeParameters.defaults();
        private long epochLength = RuntimeGenesisConfig.DEFAULT_EPOCH_LENGTH;
        private io.zklayer.pallets.models.ModelsGenesis models = io.zklayer.pallets.models.ModelsGenesis.EMPTY;
        private final List<PalletGenesis> pallets = new java.util.ArrayList<>();
        private final List<java.util.function.Function<Runtime, Pallet>> extraPallets = new java.util.ArrayList<>();
        private List<AccountId32> validators = List.of(account(DevAccounts.ALICE));

        public Builder balance(DevAccounts who, BigInteger amount) {
            balances.put(TestChain.account(who), amount);
            return this;
        }

        public Builder params(RuntimeParameters p) {
            this.params = p;
            return this;
        }

        /** Sets the genesis validators (Alice alone by default). */
        public Builder validators(DevAccounts... who) {
            this.validators = java.util.Arrays.stream(who).map(TestChain::account).toList();
            return this;
        }

        public Builder epochLength(long blocks) {
            this.epochLength = blocks;
            return this;
        }

        /** Adds a test pallet to the runtime (its calls are not reachable through sudo). */
        public Builder extraPallet(Pallet pallet) {
            extraPallets.add(base -> pallet);
            return this;
        }

        /** Adds a test pallet made from the base runtime's pallets (for example with its Balances). */
        public Builder extraPallet(java.util.function.Function<Runtime, Pallet> factory) {
            extraPallets.add(factory);
            return this;
        }

        public Builder models(io.zklayer.pallets.models.ModelsGenesis genesisModels) {
            this.models = genesisModels;
            return this;
        }

        public Builder genesis(PalletGenesis config) {
            pallets.add(config);
            return this;
        }

        public TestChain build() {
            return new TestChain(params, new RuntimeGenesisConfig(balances, Optional.of(account(DevAccounts.ALICE)),
                    validators, models, epochLength, pallets), extraPallets);
        }
    }

    public static AccountId32 account(DevAccounts who) {
        return AccountId32.of(who.keyPair().publicKey().bytes());
    }

    public Runtime runtime() {
        return runtime;
    }

    public Executive executive() {
        return executive;
    }

    public H256 genesisHash() {
        return signer.genesisHash();
    }

    public ExtrinsicSigner signer() {
        return signer;
    }

    public H256 bestHash() {
        return bestHash;
    }

    public long bestNumber() {
        return bestNumber;
    }

    /** Returns a fresh state view of the best block. */
    public TrieState bestState() {
        return new TrieState(Trie.open(executive.layout(), store, bestRoot));
    }

    /** Signs {@code call} by {@code who} with the account's current nonce. */
    public byte[] signed(DevAccounts who, Call call) {
        return signed(who.keyPair(), call, nonce(account(who)), BigInteger.ZERO);
    }

    public byte[] signed(Ed25519KeyPair key, Call call, long nonce, BigInteger tip) {
        return signer.sign(key, call, nonce, tip).encode();
    }

    /** Returns the call encoding of a pallet call. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <C> Call call(int palletIndex, C call) {
        Pallet pallet = runtime.pallets().stream().filter(p -> p.index() == palletIndex).findFirst().orElseThrow();
        byte[] bytes = ((io.zklayer.primitives.codec.ScaleCodec) pallet.calls().orElseThrow().codec()).encode(call);
        return new Call(palletIndex, bytes[0] & 0xFF, java.util.Arrays.copyOfRange(bytes, 1, bytes.length));
    }

    /** Starts the next block and applies the timestamp inherent. */
    public BlockExecution beginBlock() {
        if (open != null) {
            throw new IllegalStateException("a block is already open");
        }
        open = executive.begin(bestState(), bestHash, bestNumber + 1, Digest.EMPTY);
        now += 2000;
        ApplyOutcome ts = executive.apply(open, timestampInherent(now));
        if (!(ts instanceof ApplyOutcome.Applied)) {
            throw new IllegalStateException("timestamp inherent rejected: " + ts);
        }
        return open;
    }

    public byte[] timestampInherent(long millis) {
        return UncheckedExtrinsic.unsigned(call(TimestampPallet.INDEX, new TimestampCall.Set(millis))).encode();
    }

    /** Returns the open block. */
    public BlockExecution openBlock() {
        if (open == null) {
            throw new IllegalStateException("no block is open");
        }
        return open;
    }

    /** Applies {@code extrinsic} in the open block. */
    public ApplyOutcome apply(byte[] extrinsic) {
        return executive.apply(open, extrinsic);
    }

    /** Finishes the open block, makes it best and returns its header. */
    public Header finishBlock() {
        Header header = executive.finish(open);
        var commit = open.state().commit();
        store.apply(commit.changes());
        bestRoot = commit.root();
        bestHash = header.hash();
        bestNumber = header.number();
        open = null;
        return header;
    }

    /** Runs one block with {@code extrinsics}; returns their outcomes. */
    public List<ApplyOutcome> block(byte[]... extrinsics) {
        beginBlock();
        List<ApplyOutcome> out = new java.util.ArrayList<>();
        for (byte[] x : extrinsics) {
            out.add(apply(x));
        }
        finishBlock();
        return out;
    }

    public AccountInfo accountInfo(AccountId32 who) {
        return SystemStorage.ACCOUNT.get(bestState(), who);
    }

    public BigInteger free(DevAccounts who) {
        return accountInfo(account(who)).data().free();
    }

    public long nonce(AccountId32 who) {
        return accountInfo(who).nonce();
    }

    public BigInteger totalIssuance() {
        return BalancesStorage.TOTAL_ISSUANCE.get(bestState());
    }

    /** Returns the events of the best block, decoded with the runtime's layout. */
    public List<EventRecord> events() {
        byte[] raw = bestState().get(SystemStorage.EVENTS_KEY).orElse(new byte[] {0});
        return EventRecord.listCodec(runtime.eventLayout()).decode(raw);
    }

    /** Returns the events of the best block as {@code Pallet.EventName} strings, in order. */
    public List<String> eventNames() {
        List<String> out = new java.util.ArrayList<>();
        for (EventRecord r : events()) {
            Pallet p = runtime.pallets().stream().filter(x -> x.index() == r.event().palletIndex()).findFirst().orElseThrow();
            String name = p.events().stream().filter(e -> e.index() == r.event().eventIndex()).findFirst()
                    .map(Descriptors.EventDescriptor::name).orElse("?" + r.event().eventIndex());
            out.add(p.name() + "." + name);
        }
        return out;
    }

    /** Returns the decoded events of pallet {@code codec}'s type, in order. */
    public <E> List<E> events(io.zklayer.primitives.codec.ScaleCodec<E> codec, int palletIndex) {
        List<E> out = new java.util.ArrayList<>();
        for (EventRecord r : events()) {
            if (r.event().palletIndex() == palletIndex) {
                byte[] fields = r.event().fields();
                byte[] withIndex = new byte[fields.length + 1];
                withIndex[0] = (byte) r.event().eventIndex();
                System.arraycopy(fields, 0, withIndex, 1, fields.length);
                out.add(codec.decode(withIndex));
            }
        }
        return out;
    }
}
