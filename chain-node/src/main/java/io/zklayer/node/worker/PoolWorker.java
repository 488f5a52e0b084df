package io.zklayer.node.worker;

import io.zklayer.pallets.inference.InferenceCall;
import io.zklayer.pallets.inference.InferenceEvent;
import io.zklayer.pallets.inference.InferencePallet;
import io.zklayer.pallets.inference.Workload;
import io.zklayer.pallets.inference.WorkloadInput;
import io.zklayer.pallets.inference.WorkloadStatus;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.crypto.Ed25519KeyPair;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Call;
import io.zklayer.primitives.types.EventLayout;
import io.zklayer.primitives.types.ExtrinsicSigner;
import io.zklayer.primitives.types.H256;
import io.zklayer.sdk.Progress;
import io.zklayer.sdk.pack.ModelProver;
import io.zklayer.sdk.pack.ProvedInference;
import io.zklayer.wasm.engine.CallOutcome;
import io.zklayer.wasm.engine.ContractEngine;
import io.zklayer.wasm.engine.EngineConfig;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A model node's prover loop. On every new best block it reads the Inference pallet's events; for
 * each {@code WorkloadAssigned} to this node it
 * <ol>
 *   <li>reads the workload (its input must be inline) and the model's registered weight commitment;</li>
 *   <li>takes the artifact with that commitment from the {@link ModelShelf} (none: logged, skipped —
 *       the node will miss the deadline, which the chain punishes);</li>
 *   <li>runs the artifact's Wasm contract on the input (the metered engine, as the chain would);</li>
 *   <li>proves the run with the artifact's prover (from its prepared proving key, see {@link ModelShelf})
 *       and checks the proven output is the contract's;</li>
 *   <li>signs {@code inference.submit_result(workload, output, proof)} with the node's key and
 *       submits it, unless the deadline has passed.</li>
 * </ol>
 * Each step is logged with its time, e.g. {@code Workload 3 (digits): contract 0.4 ms (53,803 gas),
 * witness 45 ms, proof 734 ms (prepared key), output 07000000; submitted 0x3fa2…}. {@code ResultAccepted},
 * {@code ResultRejected} and {@code DeadlineMissed} events about this node are logged too. At start it
 * serves workloads that were assigned to it before it started and are still within their deadline.
 * Make the provers before the node starts ({@link PoolWorkerLauncher#prepare}): a proving key that is
 * regenerated while assignments arrive makes the node miss their deadlines.
 *
 * <p>Work runs on one thread, in block order; the chain's notification thread only enqueues.
 */
public final class PoolWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PoolWorker.class);
    /** Gas limit of the worker's own contract runs: far above any model the registry accepts. */
    static final long CONTRACT_GAS_LIMIT = 1_000_000_000L;
    /** How many recent workload ids the start-up scan looks at. */
    static final int STARTUP_SCAN = 1024;
    /** How many served workload ids are remembered (so an id is never proven twice). */
    static final int REMEMBERED = 4096;

    private final WorkerChain chain;
    private final ChainReads reads;
    private final ModelRegistryView registry;
    private final ModelShelf shelf;
    private final Ed25519KeyPair key;
    private final AccountId32 account;
    private final SecureRandom random;
    private final ExecutorService executor;
    private final ContractEngine engine = new ContractEngine(EngineConfig.defaults());
    private final Set<Long> served = new HashSet<>();
    private final Deque<Long> servedOrder = new ArrayDeque<>();
    private final AtomicLong submitted = new AtomicLong();
    private volatile Runnable unsubscribe = () -> { };

    /**
     * Returns a worker (not yet started).
     *
     * @param chain the chain view
     * @param eventLayout the runtime's event layout, to decode {@code System.Events}
     * @param registry the model registry view
     * @param shelf the artifacts this node serves
     * @param key the node's key: its account is the pool node, and it signs the results
     * @param random the proofs' blinding randomness
     */
    public PoolWorker(WorkerChain chain, EventLayout eventLayout, ModelRegistryView registry, ModelShelf shelf,
            Ed25519KeyPair key, SecureRandom random) {
        this.chain = Objects.requireNonNull(chain, "chain");
        this.reads = new ChainReads(chain, eventLayout);
        this.registry = Objects.requireNonNull(registry, "registry");
        this.shelf = Objects.requireNonNull(shelf, "shelf");
        this.key = Objects.requireNonNull(key, "key");
        this.account = AccountId32.of(key.publicKey().bytes());
        this.random = Objects.requireNonNull(random, "random");
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "pool-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** Returns the node account the worker serves as. */
    public AccountId32 account() {
        return account;
    }

    /** Returns how many results the worker has submitted. */
    public long submittedCount() {
        return submitted.get();
    }

    /**
     * Starts: serves assignments made before it started, then follows new best blocks. Provers not made
     * beforehand ({@link ModelShelf#prepareAll}) are made on first use.
     */
    public void start() {
        LOG.info("Pool worker for node {} with {} model artifact(s)", key.publicKey().toSs58(), shelf.all().size());
        unsubscribe = chain.onNewBest(head -> {
            if (!executor.isShutdown()) {
                executor.execute(() -> onBlock(head));
            }
        });
        executor.execute(this::serveEarlierAssignments);
    }

    /** Runs {@code task} on the worker thread and waits for it (tests: a barrier behind queued work). */
    public void drain(long timeoutMillis) throws InterruptedException {
        var f = executor.submit(() -> { });
        try {
            f.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("pool worker: drain did not finish: " + e, e);
        }
    }

    private void serveEarlierAssignments() {
        try {
            WorkerChain.Head best = chain.best();
            long next = reads.nextWorkloadId(best.hash());
            for (long id = Math.max(0, next - STARTUP_SCAN); id < next; id++) {
                Optional<Workload> w = reads.workload(id, best.hash());
                if (w.isPresent() && w.get().status() instanceof WorkloadStatus.Assigned a && a.node().equals(account)) {
                    serve(id, a.deadline(), best);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Pool worker: scanning earlier assignments failed: {}", e.toString(), e);
        }
    }

    private void onBlock(WorkerChain.Head head) {
        try {
            for (InferenceEvent e : reads.inferenceEvents(head.hash())) {
                if (e instanceof InferenceEvent.WorkloadAssigned a && a.node().equals(account)) {
                    LOG.info("Workload {} assigned to this node in block #{}, result due by block #{}", a.id(), head.number(), a.deadline());
                    serve(a.id(), a.deadline(), head);
                } else if (e instanceof InferenceEvent.ResultAccepted r && r.node().equals(account)) {
                    LOG.info("Workload {}: result accepted in block #{}, proof verified, {} planck paid", r.id(), head.number(), r.price());
                } else if (e instanceof InferenceEvent.ResultRejected r && r.node().equals(account)) {
                    LOG.error("Workload {}: result REJECTED in block #{} (proof did not verify); the node was slashed", r.id(),
                            head.number());
                } else if (e instanceof InferenceEvent.DeadlineMissed m && m.node().equals(account)) {
                    LOG.warn("Workload {}: deadline missed (block #{}); the node was slashed", m.id(), head.number());
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Pool worker: block #{} failed: {}", head.number(), e.toString(), e);
        }
    }

    private void serve(long id, long deadline, WorkerChain.Head head) {
        if (!remember(id)) {
            return;
        }
        long t0 = System.nanoTime();
        Optional<Workload> found = reads.workload(id, head.hash());
        if (found.isEmpty()) {
            LOG.error("Workload {}: not in the state of block #{}", id, head.number());
            return;
        }
        Workload w = found.get();
        if (!(w.input() instanceof WorkloadInput.Inline inline)) {
            LOG.error("Workload {}: only an input commitment is on chain; this worker needs the input inline", id);
            return;
        }
        Optional<ModelRegistryView.RegisteredModel> model = registry.model(w.model(), head.hash());
        if (model.isEmpty()) {
            LOG.error("Workload {}: model {} is not in the registry", id, w.model());
            return;
        }
        Optional<ModelShelf.Shelved> shelved = shelf.byCommitment(model.get().weightCommitment());
        if (shelved.isEmpty()) {
            LOG.error("Workload {}: no artifact here has the registered weight commitment {} of model {} ({}); add it to the model directory",
                    id, Hex.shortForm(model.get().weightCommitment().toBytesBE()), w.model(), model.get().name());
            return;
        }
        String name = model.get().name();
        byte[] input = inline.bytes();
        long c0 = System.nanoTime();
        CallOutcome outcome = engine.call(shelved.get().artifact().contract(), input, CONTRACT_GAS_LIMIT);
        long c1 = System.nanoTime();
        if (!(outcome instanceof CallOutcome.Success ok)) {
            LOG.error("Workload {} ({}): the contract did not complete: {}", id, name, outcome);
            return;
        }
        ModelProver prover;
        ProvedInference proved;
        try {
            prover = shelf.prover(shelved.get(), line -> LOG.info("Pool worker: {}", line));
            proved = prover.prove(input, random);
        } catch (RuntimeException e) {
            LOG.error("Workload {} ({}): proving failed: {}", id, name, e.getMessage());
            return;
        }
        if (!Arrays.equals(proved.output(), ok.output())) {
            LOG.error("Workload {} ({}): the contract gave {} but the circuit proves {}; not submitting", id, name,
                    Hex.encode(ok.output()), Hex.encode(proved.output()));
            return;
        }
        // The result goes into the next block at the earliest, which must not be after the deadline.
        WorkerChain.Head now = chain.best();
        if (now.number() + 1 > deadline) {
            LOG.warn("Workload {} ({}): proof ready at block #{}, too late for the deadline #{}; not submitting", id, name, now.number(),
                    deadline);
            return;
        }
        byte[] extrinsic = sign(new InferenceCall.SubmitResult(id, proved.output(), proved.proof().toBytes()));
        WorkerChain.Submission s = chain.submit(extrinsic);
        String timing = String.format(Locale.ROOT, "contract %.1f ms (%,d gas), witness %d ms, proof %d ms (%s key), output %s",
                (c1 - c0) / 1e6, ok.gasUsed(), proved.witnessNanos() / 1_000_000, proved.proveNanos() / 1_000_000,
                prover.isPrepared() ? "prepared" : "plain", Hex.encode(proved.output()));
        if (s instanceof WorkerChain.Submission.Accepted a) {
            submitted.incrementAndGet();
            LOG.info("Workload {} ({}): {}; result submitted as {} after {} ms", id, name, timing, Hex.shortForm(a.hash().bytes()),
                    (System.nanoTime() - t0) / 1_000_000);
        } else {
            LOG.error("Workload {} ({}): {}; the node refused the result: {}", id, name, timing,
                    ((WorkerChain.Submission.Rejected) s).reason());
        }
    }

    private byte[] sign(InferenceCall call) {
        byte[] b = InferenceCall.CODEC.encode(call);
        Call c = new Call(InferencePallet.INDEX, b[0] & 0xFF, Arrays.copyOfRange(b, 1, b.length));
        long nonce = chain.nextNonce(account);
        return new ExtrinsicSigner(chain.specVersion(), chain.transactionVersion(), chain.genesisHash())
                .sign(key, c, nonce, BigInteger.ZERO).encode();
    }

    private boolean remember(long id) {
        if (!served.add(id)) {
            return false;
        }
        servedOrder.addLast(id);
        if (servedOrder.size() > REMEMBERED) {
            served.remove(servedOrder.removeFirst());
        }
        return true;
    }

    @Override
    public void close() {
        unsubscribe.run();
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        engine.close();
    }
}
