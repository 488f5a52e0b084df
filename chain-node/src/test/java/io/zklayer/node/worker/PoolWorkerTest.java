package io.zklayer.node.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.pallets.inference.InferenceCall;
import io.zklayer.pallets.inference.InferenceEvent;
import io.zklayer.pallets.inference.InferencePallet;
import io.zklayer.pallets.inference.Workload;
import io.zklayer.pallets.inference.WorkloadInput;
import io.zklayer.pallets.inference.WorkloadStatus;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.model.InputSpec;
import io.zklayer.primitives.model.ModelTestData;
import io.zklayer.primitives.model.OutputSpec;
import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.primitives.model.ReferenceExecutor;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.MultiAddress;
import io.zklayer.primitives.types.UncheckedExtrinsic;
import io.zklayer.sdk.Progress;
import io.zklayer.sdk.keys.KeySetup;
import io.zklayer.sdk.keys.ProvingKeyCache;
import io.zklayer.sdk.pack.ModelArtifact;
import io.zklayer.sdk.pack.ModelPackager;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.groth16.Proof;
import io.zklayer.zk.groth16.VerificationResult;
import io.zklayer.zk.ml.InputCommitment;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker against a hand-driven chain at its seam; one small model artifact (one key setup) for the class. */
class PoolWorkerTest {
    private static final AccountId32 ALICE = AccountId32.of(DevAccounts.ALICE.keyPair().publicKey().bytes());
    private static final AccountId32 BOB = AccountId32.of(DevAccounts.BOB.keyPair().publicKey().bytes());
    private static final byte[] INPUT = {3, 0, 16, 9};
    @TempDir
    static Path dir;
    private static QuantizedModel model;
    private static ModelArtifact artifact;

    private FakeWorkerChain chain;
    private ModelShelf shelf;
    private PoolWorker worker;

    @BeforeAll
    static void packageModel() {
        model = new QuantizedModel(new InputSpec(List.of(4), 0, 16), List.of(new ModelTestData(31).dense(4, 3, true)),
                new OutputSpec.ArgMax());
        artifact = ModelPackager.write(model, "small", dir.resolve("small"), KeySetup.dev(), Optional.empty(), Progress.none());
    }

    private PoolWorker worker(Fr registeredCommitment) {
        chain = new FakeWorkerChain();
        shelf = ModelShelf.load(dir, new ProvingKeyCache(dir.resolve("keys")));
        ModelRegistryView registry = (id, at) -> id == 5 ? Optional.of(new ModelRegistryView.RegisteredModel(5, "small", registeredCommitment))
                : Optional.empty();
        worker = new PoolWorker(chain, FakeWorkerChain.LAYOUT, registry, shelf, DevAccounts.ALICE.keyPair(), new SecureRandom());
        return worker;
    }

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.close();
        }
    }

    private static Workload assigned(AccountId32 node, long deadline, byte[] input) {
        return new Workload(BOB, 5, new WorkloadInput.Inline(input), InputCommitment.of(input).toBytesBE(), BigInteger.TEN,
                BigInteger.ONE, 5, 1, 1, new WorkloadStatus.Assigned(node, 1, deadline));
    }

    private static InferenceCall.SubmitResult decode(byte[] extrinsic) {
        UncheckedExtrinsic x = UncheckedExtrinsic.CODEC.decode(extrinsic);
        assertThat(x.call().palletIndex()).isEqualTo(InferencePallet.INDEX);
        assertThat(((MultiAddress.Id) x.signature().orElseThrow().signer()).account()).isEqualTo(ALICE);
        byte[] call = new byte[1 + x.call().args().length];
        call[0] = (byte) x.call().callIndex();
        System.arraycopy(x.call().args(), 0, call, 1, x.call().args().length);
        return (InferenceCall.SubmitResult) InferenceCall.CODEC.decode(call);
    }

    @Test
    void provesAnAssignedWorkloadAndSubmitsAResultThatVerifiesAgainstTheRegisteredModel() throws Exception {
        worker(artifact.weightCommitment()).start();
        chain.addBlock(Map.of(0L, assigned(ALICE, 10, INPUT)), List.of(new InferenceEvent.WorkloadAssigned(0, ALICE, 10)), true);
        worker.drain(60_000);

        assertThat(chain.submitted).hasSize(1);
        InferenceCall.SubmitResult r = decode(chain.submitted.get(0));
        assertThat(r.workload()).isZero();
        assertThat(r.output()).isEqualTo(ReferenceExecutor.infer(model, INPUT));
        var prover = artifact.prover(new ProvingKeyCache(dir.resolve("keys")), Progress.none());
        assertThat(prover.verify(INPUT, r.output(), Proof.fromBytes(r.proof()))).isInstanceOf(VerificationResult.Valid.class);
        assertThat(UncheckedExtrinsic.CODEC.decode(chain.submitted.get(0)).signature().orElseThrow().extra().nonce()).isEqualTo(7);
        assertThat(worker.submittedCount()).isEqualTo(1);
        assertThat(shelf.all()).singleElement().satisfies(s -> assertThat(s.isPrepared()).as("proved from the prepared key").isTrue());
    }

    @Test
    void ignoresOtherNodesAssignmentsAndProvesEachWorkloadOnce() throws Exception {
        worker(artifact.weightCommitment()).start();
        chain.addBlock(Map.of(0L, assigned(BOB, 10, INPUT)), List.of(new InferenceEvent.WorkloadAssigned(0, BOB, 10)), true);
        chain.addBlock(Map.of(1L, assigned(ALICE, 10, INPUT)), List.of(new InferenceEvent.WorkloadAssigned(1, ALICE, 10)), true);
        chain.addBlock(Map.of(), List.of(new InferenceEvent.WorkloadAssigned(1, ALICE, 10)), true);
        worker.drain(60_000);
        assertThat(chain.submitted).hasSize(1);
        assertThat(decode(chain.submitted.get(0)).workload()).isEqualTo(1);
    }

    @Test
    void anArtifactWhoseWeightsAreNotTheRegisteredOnesIsNeverUsed() throws Exception {
        worker(artifact.weightCommitment().add(Fr.ONE)).start();
        chain.addBlock(Map.of(0L, assigned(ALICE, 10, INPUT)), List.of(new InferenceEvent.WorkloadAssigned(0, ALICE, 10)), true);
        worker.drain(60_000);
        assertThat(chain.submitted).isEmpty();
    }

    @Test
    void aWorkloadAssignedBeforeTheWorkerStartedIsServedIfStillDue() throws Exception {
        PoolWorker w = worker(artifact.weightCommitment());
        // Workload 1's deadline is block 1, the best block: its result could only land in block 2, too late.
        chain.addBlock(Map.of(0L, assigned(ALICE, 10, INPUT), 1L, assigned(ALICE, 1, INPUT)), List.of(), false);
        w.start();
        w.drain(60_000);
        assertThat(chain.submitted).hasSize(1);
        assertThat(decode(chain.submitted.get(0)).workload()).isZero();
    }
}
