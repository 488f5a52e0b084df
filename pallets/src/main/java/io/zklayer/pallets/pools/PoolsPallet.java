package io.zklayer.pallets.pools;

import io.zklayer.pallets.balances.BalancesPallet;
import io.zklayer.pallets.session.SessionPallet;
import io.zklayer.pallets.system.SystemPallet;
import io.zklayer.pallets.pools.PoolsStorage.EpochCapacity;
import io.zklayer.pallets.pools.PoolsStorage.NodeStatus;
import io.zklayer.pallets.pools.PoolsStorage.PoolNode;
import io.zklayer.pallets.pools.PoolsStorage.UnbondingChunk;
import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.runtime.BalanceMath;
import io.zklayer.runtime.CallHandler;
import io.zklayer.runtime.Descriptors;
import io.zklayer.runtime.DispatchInfo;
import io.zklayer.runtime.Origin;
import io.zklayer.runtime.Pallet;
import io.zklayer.runtime.PalletEvent;
import io.zklayer.runtime.PalletId;
import io.zklayer.runtime.Permill;
import io.zklayer.runtime.RuntimeContext;
import io.zklayer.runtime.storage.StorageEntryDescriptor;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Pools pallet: model nodes bond tokens, declare the models they serve and the compute units
 * they offer per epoch, and are assigned workloads by the Inference pallet.
 *
 * <h2>Interface</h2>
 * <ul>
 *   <li>{@code register_node(models, compute_units_per_epoch, bond)}: reserves {@code bond} under the
 *       named reserve {@code "zkpools "}; the node is active from the next epoch.</li>
 *   <li>{@code deregister()}: the node keeps serving until the epoch ends, then leaves; its bond
 *       unbonds for {@code UnbondingEpochs} epochs.</li>
 *   <li>{@code withdraw_unbonded()}: releases the unbonding chunks whose unlock epoch has come.</li>
 *   <li>Penalties for the Inference pallet: {@link #penalize} slashes a share of the bond (10% for a
 *       missed deadline, 50% for an invalid result by default) and removes the node's remaining
 *       capacity for the epoch. A node whose bond falls below {@code MinBond} leaves at the next
 *       epoch.</li>
 * </ul>
 *
 * <h2>Epoch change</h2>
 * In the last block of each epoch ({@link #onEpochChange}): leaving nodes are removed and their
 * bonds start unbonding, pending nodes become active, and the capacity of every active node and the
 * node list of every model are snapshotted for the new epoch. Assignment only ever looks at the
 * snapshot, so a node is never assigned more than the units it offered for the epoch.
 *
 * <h2>Slashed funds</h2>
 * Slashed bonds go to the treasury account ({@link PalletId#TREASURY}, Substrate's
 * {@code "modl" ‖ "py/trsry"}), where governance can spend them. When the treasury account does not
 * exist yet and the slash is below the existential deposit (so it could not create it), the amount
 * is burned instead; {@code NodeSlashed.to_treasury} says which happened.
 */
public final class PoolsPallet implements Pallet, CallHandler<PoolsCall> {
    /** Fixed pallet index. */
    public static final int INDEX = 7;
    /** Pallet name and storage prefix. */
    public static final String NAME = "Pools";
    /** The named reserve holding bonds and unbonding funds. */
    public static final byte[] RESERVE_ID = "zkpools ".getBytes(StandardCharsets.US_ASCII);

    private static final Map<String, String> CALL_DOCS = Map.of(
            "register_node", "Register the signer as a node serving the given models with a bond; active from the next epoch.",
            "deregister", "Leave the pools at the end of the current epoch; the bond then unbonds.",
            "withdraw_unbonded", "Release every unbonding chunk whose unlock epoch has come.");

    private final SystemPallet system;
    private final BalancesPallet balances;
    private final PoolsParameters params;
    private final ModelDirectory models;

    /** Creates the pallet; {@code models} answers which model ids nodes may serve. */
    public PoolsPallet(SystemPallet system, BalancesPallet balances, PoolsParameters params, ModelDirectory models) {
        this.system = system;
        this.balances = balances;
        this.params = params;
        this.models = models;
    }

    /** Returns the parameters. */
    public PoolsParameters parameters() {
        return params;
    }

    // ---- queries used by the Inference pallet, RPC and tests ----

    /** Returns the registered node {@code who}, if any. */
    public static Optional<PoolNode> node(RuntimeContext ctx, AccountId32 who) {
        return PoolsStorage.NODES.getOptional(ctx.storage(), who);
    }

    /** Returns whether {@code who} is active in the current epoch (it has a capacity snapshot). */
    public static boolean isActive(RuntimeContext ctx, AccountId32 who) {
        return PoolsStorage.CAPACITY.contains(ctx.storage(), who);
    }

    /** Returns the nodes active in the current epoch for {@code modelId}, by account bytes ascending. */
    public static List<AccountId32> pool(RuntimeContext ctx, long modelId) {
        return PoolsStorage.MODEL_POOL.get(ctx.storage(), modelId);
    }

    /** Returns the compute units {@code who} may still be assigned this epoch (0 when not active). */
    public static long spareCapacity(RuntimeContext ctx, AccountId32 who) {
        return PoolsStorage.CAPACITY.getOptional(ctx.storage(), who).map(EpochCapacity::spare).orElse(0L);
    }

    /**
     * Records that {@code units} were assigned to {@code who} this epoch.
     *
     * @throws IllegalStateException when the node is not active or has fewer spare units (a bug in the caller)
     */
    public static void consumeCapacity(RuntimeContext ctx, AccountId32 who, long units) {
        EpochCapacity c = PoolsStorage.CAPACITY.getOptional(ctx.storage(), who).orElseThrow(() ->
                new IllegalStateException("pools: " + who + " is not active in the current epoch"));
        if (units < 0 || c.spare() < units) {
            throw new IllegalStateException("pools: " + who + " has " + c.spare() + " spare units, cannot assign " + units);
        }
        PoolsStorage.CAPACITY.put(ctx.storage(), who, new EpochCapacity(c.total(), c.used() + units));
    }

    /** Returns the account's unbonding chunks. */
    public static List<UnbondingChunk> unbonding(RuntimeContext ctx, AccountId32 who) {
        return PoolsStorage.UNBONDING.get(ctx.storage(), who);
    }

    // ---- penalties ----

    /**
     * Slashes {@code who} for {@code reason}: the configured share of its bond (or, when it already
     * left, of its unbonding funds, newest first) goes to the treasury or is burned, and its remaining
     * capacity this epoch drops to zero. A node left with less than {@code MinBond} leaves at the
     * next epoch. Returns the amount slashed (zero when the account holds no bond).
     */
    public BigInteger penalize(RuntimeContext ctx, AccountId32 who, SlashReason reason) {
        Permill share = reason == SlashReason.MISSED_DEADLINE ? params.missedDeadlineSlash() : params.invalidResultSlash();
        PoolsStorage.CAPACITY.getOptional(ctx.storage(), who).ifPresent(c ->
                PoolsStorage.CAPACITY.put(ctx.storage(), who, new EpochCapacity(c.used(), c.used())));
        BigInteger amount;
        Optional<PoolNode> registered = PoolsStorage.NODES.getOptional(ctx.storage(), who);
        if (registered.isPresent()) {
            PoolNode n = registered.get();
            amount = share.of(n.bond());
            PoolNode updated = n.withBond(n.bond().subtract(amount));
            if (updated.bond().compareTo(params.minBond()) < 0 && updated.status() != NodeStatus.LEAVING) {
                long leavesAt = Math.addExact(SessionPallet.currentEpoch(ctx.storage()), 1);
                updated = updated.withStatus(NodeStatus.LEAVING, leavesAt);
                ctx.deposit(new PoolsEvent.NodeDeregistered(who, leavesAt));
            }
            PoolsStorage.NODES.put(ctx.storage(), who, updated);
        } else {
            amount = slashUnbonding(ctx, who, share);
        }
        if (amount.signum() == 0) {
            return amount;
        }
        AccountId32 treasury = PalletId.TREASURY.account();
        boolean toTreasury = system.account(ctx.storage(), treasury).data().total().signum() > 0
                || amount.compareTo(balances.existentialDeposit()) >= 0;
        if (toTreasury) {
            balances.repatriateReservedNamed(ctx, RESERVE_ID, who, treasury, amount);
        } else {
            balances.slashReservedNamed(ctx, RESERVE_ID, who, amount);
        }
        ctx.deposit(new PoolsEvent.NodeSlashed(who, amount, reason, toTreasury));
        return amount;
    }

    private static BigInteger slashUnbonding(RuntimeContext ctx, AccountId32 who, Permill share) {
        List<UnbondingChunk> chunks = new ArrayList<>(PoolsStorage.UNBONDING.get(ctx.storage(), who));
        BigInteger total = chunks.stream().map(UnbondingChunk::amount).reduce(BigInteger.ZERO, BigInteger::add);
        BigInteger amount = share.of(total);
        BigInteger left = amount;
        for (int i = chunks.size() - 1; i >= 0 && left.signum() > 0; i--) {
            UnbondingChunk c = chunks.get(i);
            BigInteger take = c.amount().min(left);
            left = left.subtract(take);
            if (take.equals(c.amount())) {
                chunks.remove(i);
            } else {
                chunks.set(i, new UnbondingChunk(c.amount().subtract(take), c.unlockEpoch()));
            }
        }
        if (chunks.isEmpty()) {
            PoolsStorage.UNBONDING.remove(ctx.storage(), who);
        } else {
            PoolsStorage.UNBONDING.put(ctx.storage(), who, chunks);
        }
        return amount;
    }

    // ---- calls ----

    @Override
    public void dispatch(PoolsCall call, Origin origin, RuntimeContext ctx) {
        AccountId32 who = origin.ensureSigned();
        if (call instanceof PoolsCall.RegisterNode r) {
            register(ctx, who, r);
        } else if (call instanceof PoolsCall.Deregister) {
            deregister(ctx, who);
        } else if (call instanceof PoolsCall.WithdrawUnbonded) {
            withdrawUnbonded(ctx, who);
        } else {
            throw new IllegalStateException("unhandled pools call " + call);
        }
    }

    private void register(RuntimeContext ctx, AccountId32 who, PoolsCall.RegisterNode r) {
        List<Long> modelIds = checkNode(ctx, r.models(), r.computeUnitsPerEpoch(), r.bond(), who);
        long count = PoolsStorage.NODE_COUNT.get(ctx.storage());
        long activeFrom = Math.addExact(SessionPallet.currentEpoch(ctx.storage()), 1);
        balances.reserveNamed(ctx, RESERVE_ID, who, r.bond());
        PoolsStorage.NODES.put(ctx.storage(), who, new PoolNode(modelIds, r.computeUnitsPerEpoch(), r.bond(),
                NodeStatus.PENDING, activeFrom));
        PoolsStorage.NODE_COUNT.put(ctx.storage(), count + 1);
        ctx.deposit(new PoolsEvent.NodeRegistered(who, modelIds, r.computeUnitsPerEpoch(), r.bond(), activeFrom));
    }

    /** Checks a registration and returns the model list in ascending order. */
    private List<Long> checkNode(RuntimeContext ctx, List<Long> modelIds, long units, BigInteger bond, AccountId32 who) {
        if (PoolsStorage.NODES.contains(ctx.storage(), who)) {
            throw PoolsError.ALREADY_REGISTERED.fail();
        }
        if (modelIds.isEmpty()) {
            throw PoolsError.NO_MODELS.fail();
        }
        if (modelIds.size() > params.maxModelsPerNode()) {
            throw PoolsError.TOO_MANY_MODELS.fail();
        }
        TreeSet<Long> sorted = new TreeSet<>(modelIds);
        if (sorted.size() != modelIds.size()) {
            throw PoolsError.DUPLICATE_MODEL.fail();
        }
        for (long m : sorted) {
            if (!models.acceptsNodes(ctx, m)) {
                throw PoolsError.UNKNOWN_MODEL.fail();
            }
        }
        if (units < 1) {
            throw PoolsError.ZERO_CAPACITY.fail();
        }
        if (units > params.maxComputeUnitsPerEpoch()) {
            throw PoolsError.CAPACITY_TOO_LARGE.fail();
        }
        if (bond.compareTo(params.minBond()) < 0) {
            throw PoolsError.BOND_TOO_LOW.fail();
        }
        if (PoolsStorage.NODE_COUNT.get(ctx.storage()) >= params.maxNodes()) {
            throw PoolsError.TOO_MANY_NODES.fail();
        }
        return List.copyOf(sorted);
    }

    private static void deregister(RuntimeContext ctx, AccountId32 who) {
        PoolNode n = PoolsStorage.NODES.getOptional(ctx.storage(), who).orElseThrow(PoolsError.NOT_REGISTERED::fail);
        if (n.status() == NodeStatus.LEAVING) {
            throw PoolsError.ALREADY_LEAVING.fail();
        }
        long leavesAt = Math.addExact(SessionPallet.currentEpoch(ctx.storage()), 1);
        PoolsStorage.NODES.put(ctx.storage(), who, n.withStatus(NodeStatus.LEAVING, leavesAt));
        ctx.deposit(new PoolsEvent.NodeDeregistered(who, leavesAt));
    }

    private void withdrawUnbonded(RuntimeContext ctx, AccountId32 who) {
        long epoch = SessionPallet.currentEpoch(ctx.storage());
        List<UnbondingChunk> chunks = PoolsStorage.UNBONDING.get(ctx.storage(), who);
        List<UnbondingChunk> kept = new ArrayList<>();
        BigInteger released = BigInteger.ZERO;
        for (UnbondingChunk c : chunks) {
            if (c.unlockEpoch() <= epoch) {
                released = BalanceMath.add(released, c.amount());
            } else {
                kept.add(c);
            }
        }
        if (released.signum() == 0) {
            throw PoolsError.NOTHING_TO_WITHDRAW.fail();
        }
        if (kept.isEmpty()) {
            PoolsStorage.UNBONDING.remove(ctx.storage(), who);
        } else {
            PoolsStorage.UNBONDING.put(ctx.storage(), who, kept);
        }
        balances.unreserveNamed(ctx, RESERVE_ID, who, released);
        ctx.deposit(new PoolsEvent.Withdrawn(who, released));
    }

    // ---- epoch change and genesis ----

    @Override
    public void onEpochChange(RuntimeContext ctx, long newEpoch) {
        long unlock = Math.addExact(newEpoch, params.unbondingEpochs());
        long count = PoolsStorage.NODE_COUNT.get(ctx.storage());
        for (Map.Entry<AccountId32, PoolNode> e : PoolsStorage.NODES.entries(ctx.storage())) {
            AccountId32 who = e.getKey();
            PoolNode n = e.getValue();
            if (n.status() == NodeStatus.LEAVING && n.statusEpoch() <= newEpoch) {
                PoolsStorage.NODES.remove(ctx.storage(), who);
                count--;
                addUnbonding(ctx, who, n.bond(), unlock);
                ctx.deposit(new PoolsEvent.NodeLeft(who, newEpoch, n.bond(), unlock));
            } else if (n.status() == NodeStatus.PENDING && n.statusEpoch() <= newEpoch) {
                PoolsStorage.NODES.put(ctx.storage(), who, n.withStatus(NodeStatus.ACTIVE, newEpoch));
                ctx.deposit(new PoolsEvent.NodeActivated(who, newEpoch));
            }
        }
        PoolsStorage.NODE_COUNT.put(ctx.storage(), count);
        snapshot(ctx, newEpoch, true);
    }

    private void addUnbonding(RuntimeContext ctx, AccountId32 who, BigInteger amount, long unlock) {
        if (amount.signum() == 0) {
            return;
        }
        List<UnbondingChunk> chunks = new ArrayList<>(PoolsStorage.UNBONDING.get(ctx.storage(), who));
        if (chunks.size() >= params.maxUnbondingChunks()) {
            UnbondingChunk last = chunks.remove(chunks.size() - 1);
            chunks.add(new UnbondingChunk(BalanceMath.add(last.amount(), amount), Math.max(last.unlockEpoch(), unlock)));
        } else {
            chunks.add(new UnbondingChunk(amount, unlock));
        }
        PoolsStorage.UNBONDING.put(ctx.storage(), who, chunks);
    }

    /**
     * Rebuilds the capacity and model pools of {@code epoch} from the registered nodes: every
     * {@code ACTIVE} or {@code LEAVING} node (a leaving node serves until its epoch ends) gets its full
     * units and is listed in the pool of each of its models.
     */
    private static void snapshot(RuntimeContext ctx, long epoch, boolean emit) {
        for (Map.Entry<AccountId32, EpochCapacity> e : PoolsStorage.CAPACITY.entries(ctx.storage())) {
            PoolsStorage.CAPACITY.remove(ctx.storage(), e.getKey());
        }
        for (Map.Entry<Long, List<AccountId32>> e : PoolsStorage.MODEL_POOL.entries(ctx.storage())) {
            PoolsStorage.MODEL_POOL.remove(ctx.storage(), e.getKey());
        }
        TreeMap<Long, List<AccountId32>> pools = new TreeMap<>();
        long active = 0;
        long units = 0;
        for (Map.Entry<AccountId32, PoolNode> e : PoolsStorage.NODES.entries(ctx.storage())) {
            PoolNode n = e.getValue();
            if (n.status() == NodeStatus.PENDING) {
                continue;
            }
            PoolsStorage.CAPACITY.put(ctx.storage(), e.getKey(), new EpochCapacity(n.computeUnitsPerEpoch(), 0));
            active++;
            units = Math.addExact(units, n.computeUnitsPerEpoch());
            for (long m : n.models()) {
                pools.computeIfAbsent(m, k -> new ArrayList<>()).add(e.getKey());
            }
        }
        for (Map.Entry<Long, List<AccountId32>> e : pools.entrySet()) {
            List<AccountId32> nodes = new ArrayList<>(e.getValue());
            nodes.sort((a, b) -> Arrays.compareUnsigned(a.bytes(), b.bytes()));
            PoolsStorage.MODEL_POOL.put(ctx.storage(), e.getKey(), nodes);
        }
        if (emit) {
            ctx.deposit(new PoolsEvent.PoolsRotated(epoch, active, units));
        }
    }

    /**
     * Registers {@code nodes} at genesis as active in epoch 0, reserving their bonds, and snapshots
     * the epoch-0 pools.
     *
     * @throws IllegalArgumentException naming the node and the rule it breaks
     */
    public void registerAtGenesis(RuntimeContext ctx, List<PoolsGenesis.GenesisNode> nodes) {
        for (PoolsGenesis.GenesisNode g : nodes) {
            List<Long> modelIds;
            try {
                modelIds = checkNode(ctx, g.models(), g.computeUnitsPerEpoch(), g.bond(), g.account());
                balances.reserveNamed(ctx, RESERVE_ID, g.account(), g.bond());
            } catch (io.zklayer.runtime.DispatchException e) {
                throw new IllegalArgumentException("genesis: pools node " + g.account() + ": " + e.error().describe(), e);
            }
            PoolsStorage.NODES.put(ctx.storage(), g.account(), new PoolNode(modelIds, g.computeUnitsPerEpoch(), g.bond(),
                    NodeStatus.ACTIVE, 0));
            PoolsStorage.NODE_COUNT.put(ctx.storage(), PoolsStorage.NODE_COUNT.get(ctx.storage()) + 1);
        }
        snapshot(ctx, 0, false);
    }

    // ---- pallet description ----

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
        return Optional.of(PoolsEvent.CODEC);
    }

    @Override
    public List<Descriptors.EventDescriptor> events() {
        Map<String, String> docs = Map.of(
                "NodeRegistered", "A node registered; it is active from the given epoch.",
                "NodeActivated", "A pending node became active.",
                "NodeDeregistered", "A node will leave at the change to the given epoch.",
                "NodeLeft", "A node left; its bond unlocks in the given epoch.",
                "Withdrawn", "Unbonded funds were released.",
                "NodeSlashed", "A node's bond was slashed (to the treasury, or burned).",
                "PoolsRotated", "The pools of a new epoch were snapshotted.");
        return Descriptors.events(PoolsEvent.CODEC, docs::get);
    }

    @Override
    public List<Descriptors.ErrorDescriptor> errors() {
        return Pallet.describeErrors(PoolsError.class);
    }

    @Override
    public List<StorageEntryDescriptor> storage() {
        return PoolsStorage.descriptors();
    }

    @Override
    public List<Descriptors.ConstantDescriptor> constants() {
        return List.of(
                new Descriptors.ConstantDescriptor("MinBond", "u128", ScaleCodecs.U128.encode(params.minBond()),
                        "The smallest bond a node may register with."),
                new Descriptors.ConstantDescriptor("MaxModelsPerNode", "u32",
                        ScaleCodecs.U32.encode((long) params.maxModelsPerNode()), "The most models one node may serve."),
                new Descriptors.ConstantDescriptor("MaxNodes", "u32", ScaleCodecs.U32.encode((long) params.maxNodes()),
                        "The most registered nodes."),
                new Descriptors.ConstantDescriptor("MaxComputeUnitsPerEpoch", "u64",
                        ScaleCodecs.U64.encode(params.maxComputeUnitsPerEpoch()), "The most compute units a node may offer per epoch."),
                new Descriptors.ConstantDescriptor("UnbondingEpochs", "u64", ScaleCodecs.U64.encode(params.unbondingEpochs()),
                        "Epochs a bond stays reserved after its node left."),
                new Descriptors.ConstantDescriptor("MissedDeadlineSlash", "Permill",
                        ScaleCodecs.U32.encode(params.missedDeadlineSlash().parts()), "Share of the bond slashed for a missed deadline."),
                new Descriptors.ConstantDescriptor("InvalidResultSlash", "Permill",
                        ScaleCodecs.U32.encode(params.invalidResultSlash().parts()), "Share of the bond slashed for an invalid result."));
    }

    @Override
    public ScaleCodec<PoolsCall> codec() {
        return PoolsCall.CODEC;
    }

    @Override
    public List<Descriptors.CallDescriptor> describe() {
        return Descriptors.calls(PoolsCall.CODEC, CALL_DOCS::get);
    }

    @Override
    public DispatchInfo info(PoolsCall call) {
        return DispatchInfo.normal(PoolsWeights.of(call));
    }
}
