package io.zklayer.node.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.zklayer.node.client.RpcClientException;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleReader;
import io.zklayer.primitives.codec.ScaleWriter;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.runtime.RuntimeParameters;
import io.zklayer.runtime.metadata.MetadataCodec;
import io.zklayer.runtime.metadata.RuntimeMetadata;
import java.math.BigInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code state_getMetadata}, {@code state_call} and the runtime version's API list on a dev node. */
class MetadataRpcTest {
    @TempDir
    Path dir;

    @Test
    void servesMetadataRuntimeApisAndTheirIdsOverRpc() throws Exception {
        try (DevNodeHarness h = new DevNodeHarness(dir.resolve("db"))) {
            String meta = h.http.call("state_getMetadata").asText();
            assertThat(meta).startsWith("0x6d6574610e");
            RuntimeMetadata m = MetadataCodec.decode(Hex.decode(meta));
            assertThat(m.pallet("Balances").orElseThrow().index()).isEqualTo(3);
            assertThat(h.http.call("state_getMetadata", h.genesisHash.toHex()).asText()).isEqualTo(meta);

            assertThat(h.http.call("state_call", "Metadata_metadata_versions", "0x").asText())
                    .isEqualTo("0x080e0000000f000000");
            String v15 = h.ws.call("state_call", "Metadata_metadata_at_version", "0x0f000000").asText();
            byte[] v15Bytes = ScaleCodecs.option(ScaleCodecs.BYTES).decode(Hex.decode(v15)).orElseThrow();
            assertThat(MetadataCodec.decode(v15Bytes).apis()).isNotEmpty();

            JsonNode apis = h.http.call("state_getRuntimeVersion").get("apis");
            assertThat(apis.toString()).contains("[\"0xdf6acb689907609b\",5]", "[\"0x37e397fc7c91f5e4\",2]",
                    "[\"0xbc9d89904f5b923f\",1]", "[\"0x37c8bb1350a9a2a8\",4]", "[\"0xd2bc9897eed08f15\",3]");
            ScaleReader version = new ScaleReader(Hex.decode(h.http.call("state_call", "Core_version", "0x").asText()));
            assertThat(version.string()).isEqualTo("zklayer");

            String alice = Hex.encode(DevNodeHarness.account(DevAccounts.ALICE).bytes());
            assertThat(h.http.call("state_call", "AccountNonceApi_account_nonce", alice).asText()).isEqualTo("0x00000000");
            assertThat(h.http.call("state_call", "AccountNonceApi_account_nonce", alice, h.genesisHash.toHex()).asText())
                    .isEqualTo("0x00000000");
        }
    }

    @Test
    void queryInfoThroughStateCallMatchesPaymentQueryInfo() throws Exception {
        try (DevNodeHarness h = new DevNodeHarness(dir.resolve("db"))) {
            String xt = h.signed(DevAccounts.ALICE.keyPair(),
                    DevNodeHarness.transferKeepAlive(DevAccounts.BOB, RuntimeParameters.UNIT), 0);
            byte[] xtBytes = Hex.decode(xt);
            String input = Hex.encode(new ScaleWriter().raw(xtBytes).u32(xtBytes.length).toByteArray());
            ScaleReader r = new ScaleReader(Hex.decode(h.http.call("state_call", "TransactionPaymentApi_query_info", input).asText()));
            long refTime = r.compactLong("ref_time");
            r.compactLong("proof_size");
            assertThat(r.u8()).isZero(); // Normal
            BigInteger partialFee = r.u128();
            JsonNode rpc = h.http.call("payment_queryInfo", xt);
            assertThat(partialFee).isEqualTo(new BigInteger(rpc.get("partialFee").asText()));
            assertThat(refTime).isEqualTo(rpc.get("weight").get("refTime").asLong());
        }
    }

    @Test
    void substrateAliasesOfTheHeadSubscriptionsDeliverHeaders() throws Exception {
        try (DevNodeHarness h = new DevNodeHarness(dir.resolve("db"))) {
            for (String[] names : new String[][] {{"chain_subscribeNewHead", "chain_unsubscribeNewHead"},
                    {"subscribe_newHead", "unsubscribe_newHead"},
                    {"chain_subscribeFinalisedHeads", "chain_unsubscribeFinalisedHeads"}}) {
                java.util.List<JsonNode> headers = new java.util.concurrent.CopyOnWriteArrayList<>();
                var sub = h.ws.subscribe(names[0], java.util.List.of(), names[1], headers::add);
                DevNodeHarness.await("a header from " + names[0], java.time.Duration.ofSeconds(20), () -> !headers.isEmpty());
                sub.close();
                String number = headers.get(0).get("number").asText();
                assertThat(h.http.call("chain_getBlockHash", Long.decode(number)).asText()).startsWith("0x");
            }
            assertThat(h.http.call("rpc_methods").get("methods").toString())
                    .contains("chain_subscribeNewHead", "chain_unsubscribeNewHead", "state_call", "state_getMetadata");
        }
    }

    @Test
    void aFailingRuntimeCallIsAStateErrorSayingWhy() throws Exception {
        try (DevNodeHarness h = new DevNodeHarness(dir.resolve("db"))) {
            assertThatThrownBy(() -> h.http.call("state_call", "Nope_nothing", "0x"))
                    .isInstanceOfSatisfying(RpcClientException.class, e -> {
                        assertThat(e.code()).isEqualTo(4003);
                        assertThat(e.rpcMessage()).contains("Exported method Nope_nothing is not found");
                    });
            assertThatThrownBy(() -> h.http.call("state_call", "AccountNonceApi_account_nonce", "0x01"))
                    .isInstanceOfSatisfying(RpcClientException.class, e -> assertThat(e.rpcMessage())
                            .contains("Could not decode `AccountNonceApi_account_nonce` input"));
            assertThatThrownBy(() -> h.http.call("state_call", "Core_version", "zz"))
                    .isInstanceOfSatisfying(RpcClientException.class, e -> assertThat(e.code()).isEqualTo(-32602));
        }
    }
}
