package io.zklayer.node.txpool;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.consensus.BlockAuthor;
import io.zklayer.consensus.BlockImporter;
import io.zklayer.consensus.ChainHead;
import io.zklayer.consensus.ForkChoice;
import io.zklayer.consensus.HeaderVerifier;
import io.zklayer.consensus.ImportResult;
import io.zklayer.consensus.MemoryChainBackend;
import io.zklayer.consensus.OffenceReporter;
import io.zklayer.consensus.SlotClock;
import io.zklayer.consensus.epoch.StateEpochSource;
import io.zklayer.pallets.balances.BalancesCall;
import io.zklayer.pallets.balances.BalancesPallet;
import io.zklayer.pallets.system.SystemStorage;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.hashing.Hashing;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.Call;
import io.zklayer.primitives.types.ExtrinsicSigner;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.MultiAddress;
import io.zklayer.primitives.types.OpaqueExtrinsic;
import io.zklayer.runtime.Executive;
import io.zklayer.runtime.Runtime;
import io.zklayer.runtime.RuntimeGenesisConfig;
import io.zklayer.runtime.RuntimeParameters;
import io.zklayer.runtime.ZklayerRuntime;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Transactions of blocks that leave the best chain come back: on a real runtime, a transfer that
 * only a retracted block included is validated again, ready in the pool and included by the next
 * block on the new best chain, while one the new chain also includes stays out; the same when
 * finality, not an import, moves the best block to the other fork.
 */
class PoolMaintenanceTest {
    private static final long SLOT_MILLIS = 2000;
    private static final BigInteger UNIT = RuntimeParameters.UNIT;
    private static final Runtime RUNTIME = ZklayerRuntime.create(RuntimeParameters.defaults());
    private static final Executive EXECUTIVE = new Executive(RUNTIME, RuntimeParameters.defaults().limits());
    private static final RuntimeGenesisConfig GENESIS = new RuntimeGenesisConfig(Map.of(
            account(DevAccounts.ALICE), UNIT.multiply(BigInteger.valueOf(1000)),
            account(DevAccounts.CHARLIE), UNIT.multiply(BigInteger.valueOf(1000))),
            Optional.of(account(DevAccounts.ALICE)), List.of(account(DevAccounts.ALICE), account(DevAccounts.BOB)))
            .withEpochLength(100);

    private final AtomicLong now = new AtomicLong(1_000_000L * SLOT_MILLIS);
    private final SlotClock clock = new SlotClock(SLOT_MILLIS, now::get);
    private long slot = clock.currentSlot() - 50;
    private final Map<H256, List<byte[]>> bodies = new HashMap<>();

    /** One node's chain: backend, importer and the two validators' authors. */
    private final class Chain {
        final MemoryChainBackend backend = new MemoryChainBackend(RUNTIME, GENESIS, EXECUTIVE.layout());
        final BlockImporter importer = new BlockImporter(backend, EXECUTIVE,
                new HeaderVerifier(backend, new StateEpochSource(backend), clock, 1), new ForkChoice(backend),
                OffenceReporter.LOGGING, false);

        /** Authors the next block on the best block, in the next slot either validator owns, with {@code txs}. */
        Block author(List<byte[]> txs) {
            for (int tries = 0; tries < 64; tries++) {
                slot++;
                for (DevAccounts key : List.of(DevAccounts.ALICE, DevAccounts.BOB)) {
                    BlockAuthor a = new BlockAuthor(backend, EXECUTIVE, importer, clock, key.keyPair());
                    if (a.author(slot, () -> txs, Long.MAX_VALUE) instanceof BlockAuthor.Outcome.Authored done) {
                        assertThat(done.skipped()).isEmpty();
                        remember(done.block());
                        return done.block();
                    }
                }
            }
            throw new AssertionError("no validator owns a slot");
        }

        TransactionValidity validate(byte[] xt) {
            ChainHead best = backend.best();
            io.zklayer.runtime.TransactionValidity v = EXECUTIVE.validate(backend.stateAt(best.hash()), best.hash(),
                    best.number(), xt);
            if (v instanceof io.zklayer.runtime.TransactionValidity.Valid ok) {
                return new TransactionValidity.Valid(ok.priority(), ok.requires().stream().map(Tag::new).toList(),
                        ok.provides().stream().map(Tag::new).toList(), ok.longevity(), ok.propagate());
            }
            return new TransactionValidity.Invalid(v.toString());
        }

        BigInteger free(DevAccounts who) {
            return SystemStorage.ACCOUNT.get(backend.stateAt(backend.best().hash()), account(who)).data().free();
        }
    }

    private static AccountId32 account(DevAccounts d) {
        return AccountId32.of(d.publicKey().bytes());
    }

    private void remember(Block block) {
        List<byte[]> xts = new ArrayList<>();
        block.extrinsics().forEach(x -> xts.add(x.encode()));
        bodies.put(block.hash(), xts);
    }

    private static byte[] transfer(H256 genesis, DevAccounts from, DevAccounts to, long nonce) {
        byte[] b = BalancesCall.CODEC.encode(new BalancesCall.TransferKeepAlive(MultiAddress.id(account(to)), UNIT));
        Call call = new Call(BalancesPallet.INDEX, b[0] & 0xFF, Arrays.copyOfRange(b, 1, b.length));
        return new ExtrinsicSigner(ZklayerRuntime.VERSION.specVersion(), ZklayerRuntime.VERSION.transactionVersion(), genesis)
                .sign(from.keyPair(), call, nonce, BigInteger.ZERO).encode();
    }

    private static TransactionPool pool() {
        return new TransactionPool(TransactionPool.Config.defaults(), System::nanoTime);
    }

    private static boolean includes(Block block, byte[] xt) {
        return block.extrinsics().stream().map(OpaqueExtrinsic::encode).anyMatch(x -> Arrays.equals(x, xt));
    }

    /** Imports {@code block} into {@code node} and, as the node's chain-events thread does, updates the pool. */
    private static void importInto(Chain node, Block block, PoolMaintenance maintenance) {
        ImportResult r = node.importer.importBlock(block);
        assertThat(r).isInstanceOf(ImportResult.Imported.class);
        if (((ImportResult.Imported) r).best()) {
            maintenance.bestChanged(new ChainHead(block.hash(), block.header().number()), node::validate);
        }
    }

    @Test
    void aTransactionOnlyTheRetractedBranchIncludedIsReadyAgainAndIncludedOnTheNewBestChain() {
        Chain node = new Chain();
        Chain other = new Chain();
        H256 genesis = node.backend.genesis().hash();
        TransactionPool pool = pool();
        PoolMaintenance maintenance = new PoolMaintenance(pool, node.backend,
                h -> Optional.ofNullable(bodies.get(h)), node.backend.best());
        byte[] onlyRetracted = transfer(genesis, DevAccounts.CHARLIE, DevAccounts.DAVE, 0);
        byte[] inBoth = transfer(genesis, DevAccounts.ALICE, DevAccounts.BOB, 0);
        List<String> statuses = new ArrayList<>();
        pool.watch(Hashing.blake2b256(onlyRetracted), (h, s) -> statuses.add(s.getClass().getSimpleName()));
        assertThat(pool.submit(onlyRetracted, node::validate)).isInstanceOf(SubmitOutcome.Accepted.class);
        assertThat(pool.submit(inBoth, node::validate)).isInstanceOf(SubmitOutcome.Accepted.class);

        // The node authors A1 with both transfers from its pool.
        Block a1 = node.author(pool.readyInOrder());
        maintenance.bestChanged(new ChainHead(a1.hash(), 1), node::validate);
        assertThat(includes(a1, onlyRetracted) && includes(a1, inBoth)).isTrue();
        assertThat(pool.readyCount() + pool.futureCount()).isZero();

        // Another node built B1 (with only the Alice -> Bob transfer) and B2 on genesis: the longer chain.
        Block b1 = other.author(List.of(inBoth));
        Block b2 = other.author(List.of());
        importInto(node, b1, maintenance);
        importInto(node, b2, maintenance);
        assertThat(node.backend.best()).isEqualTo(new ChainHead(b2.hash(), 2));

        assertThat(pool.contains(Hashing.blake2b256(onlyRetracted))).as("the retracted transfer is back").isTrue();
        assertThat(pool.readyInOrder()).as("ready, and nothing else (not the re-included transfer, not the inherent)")
                .containsExactly(onlyRetracted);
        assertThat(statuses).containsSubsequence("Ready", "InBlock", "Retracted", "Ready");

        BigInteger daveBefore = node.free(DevAccounts.DAVE);
        Block b3 = node.author(pool.readyInOrder());
        maintenance.bestChanged(new ChainHead(b3.hash(), 3), node::validate);
        assertThat(includes(b3, onlyRetracted)).as("included on the new best chain").isTrue();
        assertThat(node.free(DevAccounts.DAVE)).isEqualTo(daveBefore.add(UNIT));
        assertThat(pool.readyCount()).isZero();
        assertThat(statuses.get(statuses.size() - 1)).isEqualTo("InBlock");
    }

    @Test
    void whenFinalityMovesTheBestBlockToTheOtherForkTheRetractedTransactionsComeBack() {
        Chain node = new Chain();
        Chain other = new Chain();
        H256 genesis = node.backend.genesis().hash();
        TransactionPool pool = pool();
        PoolMaintenance maintenance = new PoolMaintenance(pool, node.backend,
                h -> Optional.ofNullable(bodies.get(h)), node.backend.best());
        byte[] transfer = transfer(genesis, DevAccounts.CHARLIE, DevAccounts.DAVE, 0);
        Block b1 = other.author(List.of());
        Block a1 = node.author(List.of(transfer));
        Block a2 = node.author(List.of());
        maintenance.bestChanged(new ChainHead(a2.hash(), 2), node::validate);
        importInto(node, b1, maintenance);
        assertThat(node.backend.best()).as("the longer fork stays best").isEqualTo(new ChainHead(a2.hash(), 2));
        assertThat(pool.contains(Hashing.blake2b256(transfer))).isFalse();

        // The other validators finalize B1: the best block moves there without an import.
        ChainHead finalized = new ChainHead(b1.hash(), 1);
        assertThat(node.importer.finalizeBlock(finalized, null)).isTrue();
        assertThat(node.backend.best()).isEqualTo(finalized);
        Optional<PoolMaintenance.Update> update = maintenance.finalized(finalized, node.backend.best(), node::validate);

        assertThat(update).isPresent();
        assertThat(update.get().route().retracted()).containsExactly(new ChainHead(a2.hash(), 2), new ChainHead(a1.hash(), 1));
        assertThat(update.get().resubmitted()).as("the transfer; not the retracted blocks' timestamp inherents").isEqualTo(1);
        assertThat(pool.readyInOrder()).containsExactly(transfer);
        assertThat(maintenance.finalized(finalized, node.backend.best(), node::validate))
                .as("a second notice of the same finality changes nothing").isEmpty();
    }
}
