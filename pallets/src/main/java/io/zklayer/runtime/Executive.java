package io.zklayer.runtime;

import io.zklayer.pallets.payment.TransactionPaymentPallet;
import io.zklayer.pallets.session.SessionPallet;
import io.zklayer.pallets.system.AccountInfo;
import io.zklayer.pallets.system.SystemEvent;
import io.zklayer.pallets.system.SystemPallet;
import io.zklayer.pallets.system.SystemStorage;
import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.codec.ScaleWriter;
import io.zklayer.primitives.crypto.Ed25519PublicKey;
import io.zklayer.primitives.crypto.Ed25519Signature;
import io.zklayer.primitives.trie.TrieLayout;
import io.zklayer.primitives.trie.TrieRoots;
import io.zklayer.primitives.trie.TrieState;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.AdditionalSigned;
import io.zklayer.primitives.types.Digest;
import io.zklayer.primitives.types.Era;
import io.zklayer.primitives.types.ExtrinsicSignature;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import io.zklayer.primitives.types.MultiAddress;
import io.zklayer.primitives.types.MultiSignature;
import io.zklayer.primitives.types.Phase;
import io.zklayer.primitives.types.SigningPayload;
import io.zklayer.primitives.types.UncheckedExtrinsic;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Executes blocks and validates transactions with a {@link Runtime}, as Substrate's
 * {@code frame_executive}: {@link #begin} initializes a block (System first, then every pallet's
 * {@code onInitialize}), {@link #apply} applies one extrinsic atomically, {@link #finish} runs the
 * {@code onFinalize} hooks, in the last block of an epoch every pallet's {@code onEpochChange}
 * ({@link EpochSchedule}), and computes the extrinsics and state roots.
 *
 * <p>A signed extrinsic passes the signed extensions in Substrate's order — CheckNonZeroSender,
 * CheckSpecVersion, CheckTxVersion, CheckGenesis, CheckMortality, CheckNonce, CheckWeight,
 * ChargeTransactionPayment — where the version, genesis and mortality checks are part of the signed
 * payload. If any fails, nothing is written. Then the call is dispatched in its own storage
 * transaction: a failed call is rolled back but its fee and nonce stay.
 */
public final class Executive {
    private final Runtime runtime;
    private final SystemPallet system;
    private final TransactionPaymentPallet payment;
    private final BlockLimits limits;
    private final Optional<SessionPallet> session;

    /** Creates an executive for {@code runtime}, which must contain System and TransactionPayment. */
    public Executive(Runtime runtime, BlockLimits limits) {
        this.runtime = runtime;
        this.system = runtime.pallet(SystemPallet.class);
        this.payment = runtime.pallet(TransactionPaymentPallet.class);
        this.limits = limits;
        this.session = runtime.pallets().stream().filter(SessionPallet.class::isInstance).map(SessionPallet.class::cast)
                .findFirst();
    }

    /** Returns the runtime. */
    public Runtime runtime() {
        return runtime;
    }

    /** Returns the trie layout of the runtime's state version. */
    public TrieLayout layout() {
        return runtime.version().stateVersion() == 0 ? TrieLayout.V0 : TrieLayout.V1;
    }

    /** Starts block {@code number} on {@code parentState} (a state at the parent's root). */
    public BlockExecution begin(TrieState parentState, H256 parentHash, long number, Digest preDigest) {
        return begin(parentState, parentHash, number, preDigest, true);
    }

    /**
     * Starts a block; {@code runHooks} false skips the pallets' {@code onInitialize} (transaction
     * validation, as Substrate's {@code validate_transaction}: a transaction is checked against the
     * best state, not against the work the next block's hooks will do, such as workload assignment).
     */
    private BlockExecution begin(TrieState parentState, H256 parentHash, long number, Digest preDigest,
                                 boolean runHooks) {
        RuntimeContext ctx = new RuntimeContext(parentState, number, parentHash, system);
        system.initialize(parentState, number, parentHash, preDigest);
        Weight used = Weight.ZERO;
        for (Pallet p : runHooks ? runtime.pallets() : List.<Pallet>of()) {
            used = used.plus(p.onInitialize(ctx));
        }
        SystemStorage.BLOCK_WEIGHT.put(parentState, new SystemStorage.PerClassWeight(Weight.ZERO, Weight.ZERO, used));
        return new BlockExecution(parentState, ctx, parentHash, number, preDigest);
    }

    /**
     * Applies one extrinsic (its full encoding, length prefix included). Rejected extrinsics write
     * nothing. An {@link InvalidBlockException} means the block itself is invalid.
     */
    public ApplyOutcome apply(BlockExecution block, byte[] extrinsic) {
        if (block.finished()) {
            throw new IllegalStateException("block #" + block.number() + " is finished");
        }
        RuntimeContext ctx = block.context();
        TrieState s = block.state();
        long index = SystemStorage.EXTRINSIC_COUNT.getOptional(s).orElse(0L);
        ctx.setPhase(Phase.applyExtrinsic(index));
        Checked checked;
        s.startTransaction();
        int eventMark = ctx.eventMark();
        try {
            checked = check(block, extrinsic, false);
        } catch (RejectedException e) {
            s.rollbackTransaction();
            ctx.dropEventsAfter(eventMark);
            ctx.setPhase(Phase.INITIALIZATION);
            if (e.reason == TransactionValidity.InvalidTransaction.BAD_MANDATORY) {
                throw new InvalidBlockException(e.detail);
            }
            return new ApplyOutcome.Rejected(e.reason, e.detail);
        }
        Optional<DispatchError> error = dispatch(checked, ctx);
        if (error.isPresent() && checked.info.dispatchClass() == DispatchInfo.DispatchClass.MANDATORY) {
            s.rollbackTransaction();
            ctx.dropEventsAfter(eventMark);
            throw new InvalidBlockException("mandatory call " + checked.call.describe() + " failed: "
                    + error.get().describe());
        }
        ctx.deposit(error.isEmpty() ? new SystemEvent.ExtrinsicSuccess(checked.info)
                : new SystemEvent.ExtrinsicFailed(error.get(), checked.info));
        SystemStorage.EXTRINSIC_COUNT.put(s, index + 1);
        SystemStorage.ALL_EXTRINSICS_LEN.put(s, SystemStorage.ALL_EXTRINSICS_LEN.getOptional(s).orElse(0L)
                + extrinsic.length);
        s.commitTransaction();
        block.recordApplied(extrinsic, checked.signer != null);
        ctx.setPhase(Phase.INITIALIZATION);
        return new ApplyOutcome.Applied(error, checked.info, checked.fee);
    }

    /** Ends the block: {@code onFinalize} hooks, then the header with both roots. */
    public Header finish(BlockExecution block) {
        block.markFinished();
        RuntimeContext ctx = block.context();
        TrieState s = block.state();
        ctx.setPhase(Phase.FINALIZATION);
        for (Pallet p : runtime.pallets()) {
            p.onFinalize(ctx);
        }
        runEpochChange(ctx, block.number());
        SystemStorage.EXTRINSIC_COUNT.kill(s);
        SystemStorage.ALL_EXTRINSICS_LEN.kill(s);
        system.flushEvents(ctx);
        Digest digest = SystemStorage.DIGEST.get(s);
        H256 extrinsicsRoot = extrinsicsRoot(block.applied(), layout());
        H256 stateRoot = H256.of(s.storageRoot());
        return new Header(block.parentHash(), block.number(), stateRoot, extrinsicsRoot, digest);
    }

    /**
     * Runs every pallet's {@code onEpochChange} in index order when block {@code number} is the last
     * of its epoch. A runtime without the Session pallet has no epochs.
     */
    private void runEpochChange(RuntimeContext ctx, long number) {
        if (session.isEmpty()) {
            return;
        }
        EpochSchedule schedule = SessionPallet.epochSchedule(ctx.storage());
        if (schedule.isLastBlockOfEpoch(number)) {
            long next = Math.addExact(schedule.epochOf(number), 1);
            for (Pallet p : runtime.pallets()) {
                p.onEpochChange(ctx, next);
            }
        }
    }

    /** Returns the ordered trie root of the extrinsics: keys Compact(index), values their encodings. */
    public static H256 extrinsicsRoot(List<byte[]> extrinsics, TrieLayout layout) {
        return H256.of(TrieRoots.ordered(layout, extrinsics));
    }

    /**
     * Validates a transaction for the pool against the state after block {@code bestNumber}
     * ({@code bestHash}), as if it were included in the next block, without running the pallets'
     * {@code onInitialize} hooks. Nothing is written to {@code bestState}: every change is rolled back.
     */
    public TransactionValidity validate(TrieState bestState, H256 bestHash, long bestNumber, byte[] extrinsic) {
        bestState.startTransaction();
        try {
            BlockExecution block = begin(bestState, bestHash, bestNumber + 1, Digest.EMPTY, false);
            Checked checked;
            try {
                checked = check(block, extrinsic, true);
            } catch (RejectedException e) {
                return new TransactionValidity.Invalid(e.reason, e.detail);
            }
            if (checked.signer == null) {
                return new TransactionValidity.Invalid(TransactionValidity.InvalidTransaction.CALL,
                        "unsigned extrinsics are inherents and are not accepted by the pool");
            }
            String precheck;
            try {
                precheck = checked.call.preValidate(checked.signer, block.context());
            } catch (DispatchException e) {
                precheck = e.error().describe();
            }
            if (precheck != null) {
                return new TransactionValidity.Invalid(TransactionValidity.InvalidTransaction.CALL, precheck);
            }
            List<byte[]> requires = checked.nonce > checked.accountNonce
                    ? List.of(nonceTag(checked.signer, checked.nonce - 1)) : List.of();
            long priority = checked.tip.bitLength() > 62 ? Long.MAX_VALUE : checked.tip.longValue();
            List<byte[]> provides = new java.util.ArrayList<>();
            provides.add(nonceTag(checked.signer, checked.nonce));
            provides.addAll(checked.call.poolTags());
            return new TransactionValidity.Valid(priority, requires, provides, checked.longevity, true);
        } catch (InvalidBlockException e) {
            return new TransactionValidity.Invalid(TransactionValidity.InvalidTransaction.CALL, e.getMessage());
        } finally {
            while (bestState.transactionDepth() > 0) {
                bestState.rollbackTransaction();
            }
        }
    }

    /** Returns the pool tag {@code SCALE((account, nonce))} a transaction provides. */
    public static byte[] nonceTag(AccountId32 who, long nonce) {
        return new ScaleWriter(36).raw(who.bytes()).u32(nonce).toByteArray();
    }

    /** The result of the signed-extension checks. */
    private record Checked(RuntimeCall call, DispatchInfo info, AccountId32 signer, long nonce, long accountNonce,
                           BigInteger tip, BigInteger fee, long longevity) {}

    private static final class RejectedException extends Exception {
        private static final long serialVersionUID = 1L;
        final TransactionValidity.InvalidTransaction reason;
        final String detail;

        RejectedException(TransactionValidity.InvalidTransaction reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
            this.detail = detail;
        }
    }

    private Checked check(BlockExecution block, byte[] extrinsic, boolean forPool) throws RejectedException {
        TrieState s = block.state();
        RuntimeContext ctx = block.context();
        UncheckedExtrinsic xt;
        RuntimeCall call;
        try {
            xt = UncheckedExtrinsic.CODEC.decode(extrinsic);
            call = runtime.decodeCall(xt.call());
        } catch (ScaleDecodeException e) {
            throw new RejectedException(TransactionValidity.InvalidTransaction.CALL, "cannot decode the extrinsic: "
                    + e.getMessage());
        }
        DispatchInfo info = call.info();
        Weight total = info.weight().plus(limits.baseExtrinsicWeight());
        if (xt.signature().isEmpty()) {
            if (!call.isInherent()) {
                throw new RejectedException(TransactionValidity.InvalidTransaction.CALL,
                        call.describe() + " must be signed: only inherents may be unsigned");
            }
            if (block.signedSeen()) {
                throw new RejectedException(TransactionValidity.InvalidTransaction.BAD_MANDATORY,
                        "inherent " + call.describe() + " after a signed extrinsic");
            }
            noteWeight(s, info.dispatchClass(), total, extrinsic.length);
            return new Checked(call, info, null, 0, 0, BigInteger.ZERO, BigInteger.ZERO, Long.MAX_VALUE);
        }
        if (info.dispatchClass() == DispatchInfo.DispatchClass.MANDATORY) {
            throw new RejectedException(TransactionValidity.InvalidTransaction.MANDATORY_VALIDATION,
                    call.describe() + " is an inherent and cannot be signed");
        }
        ExtrinsicSignature sig = xt.signature().get();
        if (!(sig.signer() instanceof MultiAddress.Id id)) {
            throw new RejectedException(TransactionValidity.InvalidTransaction.BAD_SIGNER,
                    "signer must be MultiAddress::Id, got " + sig.signer().getClass().getSimpleName());
        }
        AccountId32 who = id.account();
        if (Arrays.equals(who.bytes(), new byte[32])) {
            throw new RejectedException(TransactionValidity.InvalidTransaction.BAD_SIGNER,
                    "CheckNonZeroSender: the zero account cannot sign");
        }
        // CheckSpecVersion, CheckTxVersion, CheckGenesis, CheckMortality: the signed payload commits to them.
        long current = block.number();
        Era era = sig.extra().era();
        long longevity;
        H256 birthHash;
        H256 genesis = system.blockHash(s, 0);
        if (era.isImmortal()) {
            birthHash = genesis;
            longevity = Long.MAX_VALUE;
        } else {
            long birth = era.birth(current);
            if (birth > current) {
                throw new RejectedException(TransactionValidity.InvalidTransaction.ANCIENT_BIRTH_BLOCK,
                        "CheckMortality: birth block #" + birth + " is after the current block #" + current);
            }
            birthHash = system.blockHash(s, birth);
            if (birthHash.equals(H256.ZERO)) {
                throw new RejectedException(TransactionValidity.InvalidTransaction.ANCIENT_BIRTH_BLOCK,
                        "CheckMortality: the hash of birth block #" + birth + " is not known");
            }
            longevity = Math.max(0, era.death(current) - current);
        }
        RuntimeVersion v = runtime.version();
        AdditionalSigned additional = new AdditionalSigned(v.specVersion(), v.transactionVersion(), genesis, birthHash);
        byte[] message = new SigningPayload(xt.call(), sig.extra(), additional).toSign();
        if (sig.signature().scheme() != MultiSignature.Scheme.ED25519) {
            throw new RejectedException(TransactionValidity.InvalidTransaction.BAD_PROOF,
                    "only Ed25519 signatures are supported, got " + sig.signature().scheme());
        }
        if (!Ed25519PublicKey.of(who.bytes()).verify(message, Ed25519Signature.of(sig.signature().bytes()))) {
            throw new RejectedException(TransactionValidity.InvalidTransaction.BAD_PROOF,
                    "the signature does not verify (wrong key, genesis hash, spec/transaction version or era)");
        }
        // CheckNonce
        AccountInfo account = system.account(s, who);
        long nonce = sig.extra().nonce();
        if (account.providers() == 0 && account.sufficients() == 0) {
            throw new RejectedException(TransactionValidity.InvalidTransaction.PAYMENT,
                    "account " + who + " does not exist (no balance)");
        }
        if (nonce < account.nonce()) {
            throw new RejectedException(TransactionValidity.InvalidTransaction.STALE,
                    "CheckNonce: nonce " + nonce + " is below the account nonce " + account.nonce());
        }
        if (nonce > account.nonce() && !forPool) {
            throw new RejectedException(TransactionValidity.InvalidTransaction.FUTURE,
                    "CheckNonce: nonce " + nonce + " is ahead of the account nonce " + account.nonce());
        }
        // CheckWeight
        noteWeight(s, info.dispatchClass(), total, extrinsic.length);
        // ChargeTransactionPayment
        BigInteger tip = sig.extra().tip();
        BigInteger fee;
        try {
            fee = payment.charge(ctx, who, extrinsic.length, info, tip);
        } catch (DispatchException e) {
            throw new RejectedException(TransactionValidity.InvalidTransaction.PAYMENT,
                    "ChargeTransactionPayment: cannot pay the fee of " + payment.partialFee(extrinsic.length, info).add(tip)
                            + " (" + e.error().describe() + ")");
        }
        if (nonce == account.nonce()) {
            system.incrementNonce(ctx, who);
        }
        return new Checked(call, info, who, nonce, account.nonce(), tip, fee, longevity);
    }

    private void noteWeight(TrieState s, DispatchInfo.DispatchClass cls, Weight weight, int length)
            throws RejectedException {
        SystemStorage.PerClassWeight used = SystemStorage.BLOCK_WEIGHT.get(s);
        long len = SystemStorage.ALL_EXTRINSICS_LEN.getOptional(s).orElse(0L) + length;
        SystemStorage.PerClassWeight next;
        switch (cls) {
            case NORMAL -> {
                next = new SystemStorage.PerClassWeight(used.normal().plus(weight), used.operational(), used.mandatory());
                if (next.normal().anyGreaterThan(limits.maxNormalWeight()) || len > limits.maxNormalLength()) {
                    throw new RejectedException(TransactionValidity.InvalidTransaction.EXHAUSTS_RESOURCES,
                            "CheckWeight: the block's normal weight or length limit would be exceeded");
                }
            }
            case OPERATIONAL -> {
                next = new SystemStorage.PerClassWeight(used.normal(), used.operational().plus(weight), used.mandatory());
                if (next.total().anyGreaterThan(limits.maxWeight()) || len > limits.maxLength()) {
                    throw new RejectedException(TransactionValidity.InvalidTransaction.EXHAUSTS_RESOURCES,
                            "CheckWeight: the block's weight or length limit would be exceeded");
                }
            }
            default -> next = new SystemStorage.PerClassWeight(used.normal(), used.operational(),
                    used.mandatory().plus(weight));
        }
        SystemStorage.BLOCK_WEIGHT.put(s, next);
    }

    private static Optional<DispatchError> dispatch(Checked checked, RuntimeContext ctx) {
        Origin origin = checked.signer == null ? new Origin.None() : new Origin.Signed(checked.signer);
        try {
            ctx.transactional(() -> checked.call.dispatch(origin, ctx));
            return Optional.empty();
        } catch (DispatchException e) {
            return Optional.of(e.error());
        } catch (ArithmeticException e) {
            return Optional.of(new DispatchError.Arithmetic(DispatchError.ArithmeticError.OVERFLOW));
        }
    }
}
