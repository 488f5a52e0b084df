package io.zklayer.node.service;

import io.zklayer.consensus.AuthorshipEquivocation;
import io.zklayer.consensus.ChainBackend;
import io.zklayer.consensus.OffenceReporter;
import io.zklayer.consensus.finality.VoteEquivocation;
import io.zklayer.node.txpool.SubmitOutcome;
import io.zklayer.node.txpool.TransactionPool;
import io.zklayer.pallets.offences.EquivocationEvidence;
import io.zklayer.pallets.offences.OffencesPallet;
import io.zklayer.pallets.system.SystemStorage;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.crypto.Ed25519KeyPair;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.ExtrinsicSigner;
import io.zklayer.primitives.types.MultiAddress;
import io.zklayer.primitives.types.UncheckedExtrinsic;
import io.zklayer.runtime.RuntimeVersion;
import java.math.BigInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's {@link OffenceReporter}: turns each equivocation consensus detects into an
 * {@code Offences.report_equivocation} extrinsic signed with the node's key (immortal, no tip, the
 * next nonce after the best block and the key's transactions already in the pool) and submits it to
 * the node's transaction pool, which validates it against the best state and gossips it like any
 * other. The evidence is logged first ({@link OffenceReporter#LOGGING}); a report the pool refuses
 * (the offence was already reported, the key cannot pay the fee, …) is logged and dropped, never
 * thrown back into consensus. The reporter earns the offence's reporter share when its report is the
 * one included.
 */
public final class ChainOffenceReporter implements OffenceReporter {
    private static final Logger LOG = LoggerFactory.getLogger(ChainOffenceReporter.class);

    private final ChainBackend backend;
    private final RuntimeVersion version;
    private final TransactionPool pool;
    private final TransactionPool.Validator validator;
    private final Ed25519KeyPair key;
    private final AccountId32 me;

    /**
     * Creates a reporter signing with {@code key} and submitting to {@code pool}, validated with
     * {@code validator} (the node's validation against its best state).
     */
    public ChainOffenceReporter(ChainBackend backend, RuntimeVersion version, TransactionPool pool,
                                TransactionPool.Validator validator, Ed25519KeyPair key) {
        this.backend = backend;
        this.version = version;
        this.pool = pool;
        this.validator = validator;
        this.key = key;
        this.me = AccountId32.of(key.publicKey().bytes());
    }

    @Override
    public void authorshipEquivocation(AuthorshipEquivocation evidence) {
        LOGGING.authorshipEquivocation(evidence);
        submit(new EquivocationEvidence.Authorship(evidence.toProof()));
    }

    @Override
    public void voteEquivocation(VoteEquivocation evidence) {
        LOGGING.voteEquivocation(evidence);
        submit(new EquivocationEvidence.Vote(evidence.toProof()));
    }

    /** Signs and submits a report of {@code evidence}; returns what the pool said. */
    synchronized SubmitOutcome submit(EquivocationEvidence evidence) {
        SubmitOutcome out;
        try {
            ExtrinsicSigner signer = new ExtrinsicSigner(version.specVersion(), version.transactionVersion(),
                    backend.genesis().hash());
            byte[] xt = signer.sign(key, OffencesPallet.reportCall(evidence), nextNonce(), BigInteger.ZERO).encode();
            out = pool.submit(xt, validator);
        } catch (RuntimeException e) {
            LOG.warn("Could not report the {} equivocation of {}: {}", evidence.kind(), evidence.offender(), e.toString());
            return new SubmitOutcome.Rejected(SubmitOutcome.Reason.UNKNOWN, e.toString());
        }
        if (out instanceof SubmitOutcome.Accepted a) {
            LOG.info("Reported the {} equivocation of {} (report {}) in transaction {} signed by {}", evidence.kind(),
                    evidence.offender(), evidence.reportId(), Hex.shortForm(a.hash()), me);
        } else if (out instanceof SubmitOutcome.Rejected r) {
            LOG.warn("The pool refused the report of the {} equivocation of {}: {} ({})", evidence.kind(),
                    evidence.offender(), r.reason(), r.detail());
        }
        return out;
    }

    /** The key's nonce on the best block, raised past each of its transactions waiting in the pool. */
    private long nextNonce() {
        long nonce = SystemStorage.ACCOUNT.get(backend.stateAt(backend.best().hash()), me).nonce();
        boolean raised = true;
        while (raised) {
            raised = false;
            for (byte[] xt : pool.pending()) {
                if (isMine(xt, nonce)) {
                    nonce++;
                    raised = true;
                }
            }
        }
        return nonce;
    }

    private boolean isMine(byte[] xt, long nonce) {
        try {
            UncheckedExtrinsic x = UncheckedExtrinsic.CODEC.decode(xt);
            return x.signature().isPresent() && x.signature().get().signer() instanceof MultiAddress.Id id
                    && id.account().equals(me) && x.signature().get().extra().nonce() == nonce;
        } catch (ScaleDecodeException e) {
            return false;
        }
    }
}
