package io.zklayer.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zklayer.consensus.epoch.StateEpochSource;
import io.zklayer.pallets.system.SystemEvent;
import io.zklayer.pallets.system.SystemPallet;
import io.zklayer.pallets.system.SystemStorage;
import io.zklayer.pallets.verifier.BlockProofBatch;
import io.zklayer.pallets.verifier.EncodedVerifyingKey;
import io.zklayer.pallets.verifier.VerifiedProofMemo;
import io.zklayer.pallets.verifier.VerifierCall;
import io.zklayer.pallets.verifier.VerifierError;
import io.zklayer.pallets.verifier.VerifierPallet;
import io.zklayer.primitives.RepoPaths;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.Call;
import io.zklayer.primitives.types.EventRecord;
import io.zklayer.primitives.types.ExtrinsicSigner;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.OpaqueExtrinsic;
import io.zklayer.primitives.types.Phase;
import io.zklayer.runtime.Executive;
import io.zklayer.runtime.Runtime;
import io.zklayer.runtime.RuntimeParameters;
import io.zklayer.runtime.ZklayerRuntime;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.groth16.SnarkjsJson;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Block import verifies a block's proofs as one batch (ARCHITECTURE §4.3 step 3): with the snarkjs
 * {@code dot2} circuit's key registered on chain, a block of {@code Verifier.verify} calls authored on one
 * node imports on another whose runtime has never seen the proofs, the import's report says which were
 * batched and valid, and the result (roots, events of the failed call) is the author's.
 */
class ProofBatchImportTest {
    private static final Path DOT2 = RepoPaths.root().resolve("pallets/src/test/resources/vectors/snarkjs/dot2");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A single validator: Alice authors every slot. */
    private final ChainFixture fx = new ChainFixture(100, DevAccounts.ALICE);

    private record ProofCase(byte[] proof, List<Fr> signals) {}

    private static ProofCase valid(int k) throws IOException {
        return new ProofCase(SnarkjsJson.readProof(Files.readString(DOT2.resolve("proofs/proof_" + k + ".json"))).toBytes(),
                SnarkjsJson.readPublicSignals(Files.readString(DOT2.resolve("proofs/public_" + k + ".json"))));
    }

    /** The first case of {@code invalid.json}: proof_1 with public[0] incremented, a false proof. */
    private static ProofCase invalid() throws IOException {
        JsonNode c = JSON.readTree(Files.readString(DOT2.resolve("invalid.json"))).get(0);
        assertThat(c.get("rejected_by_snarkjs").asBoolean()).isTrue();
        return new ProofCase(SnarkjsJson.readProof(c.get("proof").toString()).toBytes(),
                SnarkjsJson.readPublicSignals(c.get("public").toString()));
    }

    private static byte[] signed(H256 genesisHash, VerifierCall call, long nonce) {
        byte[] full = VerifierCall.CODEC.encode(call);
        Call c = new Call(VerifierPallet.INDEX, full[0] & 0xFF, Arrays.copyOfRange(full, 1, full.length));
        return new ExtrinsicSigner(1, 1, genesisHash).sign(DevAccounts.ALICE.keyPair(), c, nonce, BigInteger.ZERO).encode();
    }

    private Block author(MemoryChainBackend a, BlockImporter importer, long slot, List<byte[]> txs) {
        BlockAuthor author = new BlockAuthor(a, ChainFixture.EXECUTIVE, importer, fx.clock, DevAccounts.ALICE.keyPair());
        BlockAuthor.Outcome out = author.author(slot, () -> txs, Long.MAX_VALUE);
        assertThat(out).isInstanceOf(BlockAuthor.Outcome.Authored.class);
        assertThat(((BlockAuthor.Outcome.Authored) out).included()).as("every transaction included").isEqualTo(txs.size());
        return ((BlockAuthor.Outcome.Authored) out).block();
    }

    /** An importer on {@code b} whose runtime (and so verifier memo) is new: it has verified no proof. */
    private BlockImporter freshImporter(MemoryChainBackend b, Runtime runtime) {
        Executive executive = new Executive(runtime, RuntimeParameters.defaults().limits());
        return new BlockImporter(b, executive, new HeaderVerifier(b, new StateEpochSource(b),
                fx.clock, 1), new ForkChoice(b), OffenceReporter.LOGGING, false);
    }

    private static ImportResult.Imported imported(ImportResult r) {
        assertThat(r).isInstanceOf(ImportResult.Imported.class);
        return (ImportResult.Imported) r;
    }

    /** The encoded events of extrinsic {@code index} at the best block of {@code b}. */
    private static List<EventRecord> eventsOf(MemoryChainBackend b, Runtime runtime, long index) {
        byte[] raw = b.stateAt(b.best().hash()).get(SystemStorage.EVENTS_KEY).orElseThrow();
        return EventRecord.listCodec(runtime.eventLayout()).decode(raw).stream()
                .filter(r -> r.phase().equals(new Phase.ApplyExtrinsic(index))).toList();
    }

    @Test
    void aBlocksProofsAreVerifiedAsOneBatchOnImportAndTheBlockImportsWithTheAuthorsRootAndEvents() throws IOException {
        MemoryChainBackend a = fx.backend();
        H256 genesis = a.genesis().hash();
        EncodedVerifyingKey key = EncodedVerifyingKey.fromSnarkjsJson(Files.readString(DOT2.resolve("verification_key.json")));
        H256 keyId = key.keyId();
        long slot = fx.currentSlot() - 10;
        BlockImporter importerA = fx.importer(a);
        Block registered = author(a, importerA, slot, List.of(signed(genesis, new VerifierCall.RegisterKey(key), 0)));

        List<ProofCase> cases = new ArrayList<>(List.of(valid(1), valid(2), valid(3)));
        int bad = 2;
        cases.add(bad, invalid());
        List<byte[]> txs = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            txs.add(signed(genesis, new VerifierCall.Verify(keyId, cases.get(i).proof(), cases.get(i).signals()), 1 + i));
        }
        Block proofs = author(a, importerA, slot + 1, txs);
        List<byte[]> encoded = proofs.extrinsics().stream().map(OpaqueExtrinsic::encode).toList();
        int badIndex = 0;
        while (!Arrays.equals(encoded.get(badIndex), txs.get(bad))) {
            badIndex++;
        }

        MemoryChainBackend b = fx.backend();
        Runtime fresh = ZklayerRuntime.create(RuntimeParameters.defaults());
        BlockImporter importerB = freshImporter(b, fresh);
        assertThat(imported(importerB.importBlock(registered)).proofs()).isEqualTo(BlockProofBatch.Report.NONE);
        ImportResult.Imported result = imported(importerB.importBlock(proofs));

        assertThat(result.proofs()).as("4 proofs named, all new to this node, batched; 3 valid, 1 invalid")
                .isEqualTo(new BlockProofBatch.Report(4, 0, 4, 3, 0));
        assertThat(result.proofs().invalid()).isEqualTo(1);
        assertThat(importerB.proofReport(proofs.header().hash())).isEqualTo(result.proofs());
        VerifiedProofMemo memo = fresh.pallet(VerifierPallet.class).memo();
        for (int i = 0; i < cases.size(); i++) {
            H256 digest = VerifiedProofMemo.digest(keyId, cases.get(i).proof(), cases.get(i).signals());
            assertThat(memo.known(digest)).as("proof %d remembered as valid", i).isEqualTo(i != bad);
        }
        assertThat(b.best()).isEqualTo(a.best());
        assertThat(b.stateAt(b.best().hash()).storageRoot()).isEqualTo(a.stateAt(a.best().hash()).storageRoot());

        List<EventRecord> failedOnA = eventsOf(a, ChainFixture.RUNTIME, badIndex);
        List<EventRecord> failedOnB = eventsOf(b, fresh, badIndex);
        assertThat(failedOnB.stream().map(EventRecord::encode).toList())
                .usingElementComparator(Arrays::compare)
                .containsExactlyElementsOf(failedOnA.stream().map(EventRecord::encode).toList());
        EventRecord last = failedOnB.get(failedOnB.size() - 1);
        assertThat(last.event().palletIndex()).isEqualTo(SystemPallet.INDEX);
        byte[] withIndex = new byte[last.event().fields().length + 1];
        withIndex[0] = (byte) last.event().eventIndex();
        System.arraycopy(last.event().fields(), 0, withIndex, 1, last.event().fields().length);
        SystemEvent event = SystemEvent.CODEC.decode(withIndex);
        assertThat(event).isInstanceOf(SystemEvent.ExtrinsicFailed.class);
        // decoded from bytes, the error has its indexes (the name is not encoded)
        assertThat(((SystemEvent.ExtrinsicFailed) event).dispatchError()).usingRecursiveComparison().ignoringFields("name")
                .isEqualTo(VerifierError.INVALID_PROOF.error());

        // a node whose runtime verified the proofs before (here: the author's) batches only the false one
        MemoryChainBackend c = fx.backend();
        BlockImporter importerC = fx.importer(c);
        importerC.importBlock(registered);
        assertThat(imported(importerC.importBlock(proofs)).proofs()).isEqualTo(new BlockProofBatch.Report(4, 3, 1, 0, 0));
    }

    @Test
    void theBatchSeedDependsOnTheOrderOfTheBlocksExtrinsics() throws IOException {
        H256 genesis = fx.backend().genesis().hash();
        H256 parent = H256.blake2b256Of(new byte[] {1});
        byte[] first = signed(genesis, new VerifierCall.Verify(H256.ZERO, valid(1).proof(), valid(1).signals()), 1);
        byte[] second = signed(genesis, new VerifierCall.Verify(H256.ZERO, valid(2).proof(), valid(2).signals()), 2);
        assertThat(BlockProofBatch.seed(parent, List.of(first, second)))
                .isEqualTo(BlockProofBatch.seed(parent, List.of(first, second)))
                .isNotEqualTo(BlockProofBatch.seed(parent, List.of(second, first)))
                .isNotEqualTo(BlockProofBatch.seed(H256.blake2b256Of(new byte[] {2}), List.of(first, second)));
    }
}
