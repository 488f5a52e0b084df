package io.zklayer.bench.runtime;

import io.zklayer.consensus.MemoryChainBackend;
import io.zklayer.consensus.BlockAuthor;
import io.zklayer.consensus.BlockImporter;
import io.zklayer.consensus.SlotClock;
import io.zklayer.pallets.balances.BalancesCall;
import io.zklayer.pallets.balances.BalancesPallet;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.crypto.DeriveJunction;
import io.zklayer.primitives.crypto.Ed25519KeyPair;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.Call;
import io.zklayer.primitives.types.ExtrinsicSigner;
import io.zklayer.primitives.types.MultiAddress;
import io.zklayer.runtime.Executive;
import io.zklayer.runtime.Runtime;
import io.zklayer.runtime.RuntimeGenesisConfig;
import io.zklayer.runtime.RuntimeParameters;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A chain of full blocks of signed transfers, built once for the import benchmarks.
 *
 * <p>Genesis endows {@code accounts} accounts with keys {@code //bench//i} (hard derivations of the
 * dev phrase, as {@code Ed25519KeyPair.fromSecretUri("//bench//" + i)} gives) with 1,000 units each;
 * Alice is sudo and the only validator, so she authors every slot. Account {@code i} sends
 * {@code balances.transfer_keep_alive(//bench//(i+1 mod n), 0.001 unit)}, immortal, no tip. The
 * transfers are queued round-robin (every account's nonce {@code r} before any nonce {@code r+1}),
 * and Alice's {@link BlockAuthor} fills each block until the runtime refuses the next one with
 * {@code EXHAUSTS_RESOURCES} (the block's Normal weight or length limit), so every block is full —
 * or takes a fixed number of transfers per block when asked.
 * Slots are consecutive from {@link #FIRST_SLOT}; each block's timestamp is its slot's start.
 */
final class TransferBlocks {
    /** The slot of block #1 (2023-11-14 with 2-second slots, the preset slot duration). */
    static final long FIRST_SLOT = 850_000_000L;
    /** The slot duration of the ZKLayer presets, in ms. */
    static final long SLOT_MILLIS = 2000;

    private static final BigInteger ENDOWMENT = RuntimeParameters.UNIT.multiply(BigInteger.valueOf(1000));
    private static final BigInteger AMOUNT = RuntimeParameters.UNIT.divide(BigInteger.valueOf(1000));

    private final RuntimeGenesisConfig genesis;
    private final List<Block> blocks;
    private final int[] transfersPerBlock;
    private final long[] extrinsicBytesPerBlock;

    private TransferBlocks(RuntimeGenesisConfig genesis, List<Block> blocks, int[] transfersPerBlock,
                           long[] extrinsicBytesPerBlock) {
        this.genesis = genesis;
        this.blocks = List.copyOf(blocks);
        this.transfersPerBlock = transfersPerBlock;
        this.extrinsicBytesPerBlock = extrinsicBytesPerBlock;
    }

    /** Returns the key of account {@code //bench//i} of the dev phrase. */
    static Ed25519KeyPair benchKey(Ed25519KeyPair devRoot, int i) {
        return devRoot.derive(DeriveJunction.parse("//bench"), DeriveJunction.parse("//" + i));
    }

    /**
     * Builds genesis and {@code blockCount} blocks on it with {@code runtime}, each holding
     * {@code perBlock} transfers, or as many as fit when {@code perBlock} is empty (full blocks).
     *
     * @throws IllegalStateException if a block could not be authored, left a transfer out as
     *     invalid, was not full when it should be, or could not hold {@code perBlock} transfers
     */
    static TransferBlocks build(Runtime runtime, RuntimeParameters params, int accounts, int blockCount,
                                OptionalInt perBlock) {
        if (accounts < 2 || blockCount < 1 || (perBlock.isPresent() && perBlock.getAsInt() < 1)) {
            throw new IllegalArgumentException("transfer blocks: need at least 2 accounts, 1 block and 1 transfer per"
                    + " block, got " + accounts + ", " + blockCount + " and " + perBlock);
        }
        Ed25519KeyPair root = Ed25519KeyPair.fromPhrase(DevAccounts.DEV_PHRASE, "");
        Ed25519KeyPair[] keys = new Ed25519KeyPair[accounts];
        Map<AccountId32, BigInteger> balances = new LinkedHashMap<>();
        for (int i = 0; i < accounts; i++) {
            keys[i] = benchKey(root, i);
            balances.put(AccountId32.of(keys[i].publicKey().bytes()), ENDOWMENT);
        }
        AccountId32 alice = AccountId32.of(DevAccounts.ALICE.keyPair().publicKey().bytes());
        RuntimeGenesisConfig genesis = new RuntimeGenesisConfig(balances, Optional.of(alice), List.of(alice));

        Executive executive = new Executive(runtime, params.limits());
        MemoryChainBackend backend = new MemoryChainBackend(runtime, genesis, executive.layout());
        long[] slot = {FIRST_SLOT};
        SlotClock clock = new SlotClock(SLOT_MILLIS, () -> slot[0] * SLOT_MILLIS);
        BlockImporter importer = new BlockImporter(backend, executive, clock, true, 1);
        BlockAuthor author = new BlockAuthor(backend, executive, importer, clock, DevAccounts.ALICE.keyPair());
        ExtrinsicSigner signer = new ExtrinsicSigner(runtime.version().specVersion(),
                runtime.version().transactionVersion(), backend.genesis().hash());

        TransferQueue queue = new TransferQueue(keys, signer);
        int chunk = perBlock.orElse(accounts * 20);
        List<Block> blocks = new ArrayList<>();
        int[] transfers = new int[blockCount];
        long[] bytes = new long[blockCount];
        for (int b = 0; b < blockCount; b++, slot[0]++) {
            List<byte[]> offered = queue.next(chunk);
            BlockAuthor.Outcome out = author.author(slot[0], () -> offered, Long.MAX_VALUE);
            if (!(out instanceof BlockAuthor.Outcome.Authored a)) {
                throw new IllegalStateException("transfer blocks: slot " + slot[0] + " gave " + out);
            }
            if (!a.skipped().isEmpty()) {
                throw new IllegalStateException("transfer blocks: block #" + (b + 1) + " left out "
                        + a.skipped().size() + " invalid transfers");
            }
            if (perBlock.isEmpty() && a.included() >= chunk) {
                throw new IllegalStateException("transfer blocks: block #" + (b + 1) + " took all " + chunk
                        + " offered transfers, so it is not full; offer more");
            }
            if (perBlock.isPresent() && a.included() != chunk) {
                throw new IllegalStateException("transfer blocks: block #" + (b + 1) + " holds " + a.included()
                        + " of the " + chunk + " transfers asked for");
            }
            queue.consumed(a.included());
            blocks.add(a.block());
            transfers[b] = a.included();
            bytes[b] = a.block().extrinsics().stream().mapToLong(x -> x.encode().length).sum();
        }
        return new TransferBlocks(genesis, blocks, transfers, bytes);
    }

    /** Returns the genesis configuration the blocks build on. */
    RuntimeGenesisConfig genesis() {
        return genesis;
    }

    /** Returns the blocks, #1 first. */
    List<Block> blocks() {
        return blocks;
    }

    /** Returns the number of transfers in block {@code index} (0 is block #1). */
    int transfers(int index) {
        return transfersPerBlock[index];
    }

    /** Returns the total encoded length of block {@code index}'s extrinsics, inherent included. */
    long extrinsicBytes(int index) {
        return extrinsicBytesPerBlock[index];
    }

    /** Returns the slot of the last block: an importer's clock must be at least there. */
    long lastSlot() {
        return FIRST_SLOT + blocks.size() - 1;
    }

    /** Returns a one-line summary for the benchmark log. */
    String describe() {
        return blocks.size() + " blocks of " + Arrays.toString(transfersPerBlock) + " transfers, "
                + Arrays.toString(extrinsicBytesPerBlock) + " extrinsic bytes";
    }

    /** The round-robin stream of signed transfers, signed on demand and kept until included. */
    private static final class TransferQueue {
        private final Ed25519KeyPair[] keys;
        private final MultiAddress[] addresses;
        private final ExtrinsicSigner signer;
        private final List<byte[]> signed = new ArrayList<>();
        private long consumed;

        TransferQueue(Ed25519KeyPair[] keys, ExtrinsicSigner signer) {
            this.keys = keys;
            this.signer = signer;
            this.addresses = new MultiAddress[keys.length];
            for (int i = 0; i < keys.length; i++) {
                addresses[i] = MultiAddress.id(AccountId32.of(keys[i].publicKey().bytes()));
            }
        }

        /** Returns the next {@code count} transfers not yet included. */
        List<byte[]> next(int count) {
            while (signed.size() < count) {
                long k = consumed + signed.size();
                int from = (int) (k % keys.length);
                long nonce = k / keys.length;
                signed.add(signer.sign(keys[from], transfer(addresses[(from + 1) % keys.length]), nonce,
                        BigInteger.ZERO).encode());
            }
            return List.copyOf(signed.subList(0, count));
        }

        /** Drops the first {@code count} transfers: they were included. */
        void consumed(int count) {
            signed.subList(0, count).clear();
            consumed += count;
        }

        private static Call transfer(MultiAddress to) {
            byte[] b = BalancesCall.CODEC.encode(new BalancesCall.TransferKeepAlive(to, AMOUNT));
            return new Call(BalancesPallet.INDEX, b[0] & 0xFF, Arrays.copyOfRange(b, 1, b.length));
        }
    }
}
