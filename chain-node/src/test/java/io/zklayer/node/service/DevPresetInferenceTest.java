package io.zklayer.node.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.zklayer.genesis.ChainSpecs;
import io.zklayer.genesis.DevModels;
import io.zklayer.node.cli.CliEnvironment;
import io.zklayer.node.cli.ZklayerCli;
import io.zklayer.node.client.RpcClientException;
import io.zklayer.node.worker.ModelShelf;
import io.zklayer.node.worker.PoolWorker;
import io.zklayer.node.worker.PoolWorkerLauncher;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.sdk.DigitsModel;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev preset as a newcomer meets it: {@code zklayer --dev} (the dev chain with the digits model at
 * genesis and //Alice's pool worker) and {@code zklayer workload submit --model digits --sample 0 --wait}.
 * The digits proving key is regenerated from the dev seed once and cached in {@code target/proving-keys}.
 */
class DevPresetInferenceTest {
    @TempDir
    Path tmp;

    @Test
    void workloadSubmitSampleZeroOnTheDevChainPrintsClassZeroAndAVerifiedProof() throws Exception {
        // the first run regenerates the digits proving key (about 20 s)
        ModelShelf shelf = PoolWorkerLauncher.prepare(tmp.resolve("models"), Path.of("target", "proving-keys").toAbsolutePath(), true);
        assertThat(shelf.all()).singleElement().satisfies(s -> assertThat(s.isPrepared()).as("digits' key prepared for the worker").isTrue());
        try (DevNodeHarness h = new DevNodeHarness(tmp.resolve("db"), ChainSpecs.dev());
             PoolWorker alice = PoolWorkerLauncher.start(h.node, DevAccounts.ALICE.keyPair(), shelf)) {
            alice.drain(300_000);
            JsonNode digits = h.http.call("zklayer_model", "digits");
            assertThat(digits.get("id").asLong()).isEqualTo(DevModels.DIGITS_ID);
            assertThat(h.http.call("zklayer_pool", DevModels.DIGITS_ID).get("nodes").get(0).get("account").asText())
                    .isEqualTo(DevNodeHarness.ss58(DevAccounts.ALICE));
            JsonNode models = h.http.call("zklayer_models");
            assertThat(models).hasSize(1);
            assertThat(models.get(0).get("name").asText()).isEqualTo("digits");
            assertThat(models.get(0).has("verifyingKey")).as("the list leaves keys out").isFalse();
            assertThat(digits.get("weightCommitment").asText()).isEqualTo(Hex.encode(DigitsModel.weightCommitment().toBytesBE()));
            assertThat(digits.get("input").get("shape")).hasSize(2);
            assertThat(digits.get("output").get("kind").asText()).isEqualTo("argmax");
            assertThat(h.http.call("zklayer_model", 7).isNull()).isTrue();
            assertThat(h.http.call("zklayer_workload", 0).isNull()).isTrue();
            assertThatThrownBy(() -> h.http.call("zklayer_model", true)).isInstanceOf(RpcClientException.class)
                    .hasMessageContaining("-32602").hasMessageContaining("idOrName");
            assertThatThrownBy(() -> h.http.call("zklayer_pool", 1L << 32)).hasMessageContaining("a model id is a u32");

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            ZklayerCli cli = new ZklayerCli(cfg -> 0, CliEnvironment.of(new Random(1), new BufferedReader(new StringReader("")), tmp));
            cli.commandLine().setOut(new PrintWriter(out, true));
            cli.commandLine().setErr(new PrintWriter(err, true));
            int code = cli.execute("workload", "submit", "--model", "digits", "--sample", "0",
                    "--rpc-url", "ws://127.0.0.1:" + h.node.rpcAddress().getPort(), "--wait", "--wait-timeout", "120");

            assertThat(code).as("stdout:%n%s%nstderr:%n%s", out, err).isZero();
            assertThat(DigitsModel.dataset().labels()[0]).isZero();
            assertThat(out.toString()).contains("Workload for model digits v1 (id 0): 64 input values, escrow 1000000000000 planck",
                    "Sample 0 (label 0)", "Output: class 0 (0x00000000)", "Proof: verified on chain (Inference.ResultAccepted in block #",
                    "Proof: verified here against the registered verifying key");
            assertThat(alice.submittedCount()).isEqualTo(1);
        }
    }
}
