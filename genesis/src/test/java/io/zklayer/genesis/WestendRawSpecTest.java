package io.zklayer.genesis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zklayer.pallets.balances.BalancesStorage;
import io.zklayer.pallets.session.SessionPallet;
import io.zklayer.pallets.sudo.SudoPallet;
import io.zklayer.pallets.system.SystemStorage;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.trie.TrieLayout;
import io.zklayer.primitives.types.AccountId32;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads Westend's published raw chain spec (an independent, real-world vector; see the README beside
 * the resource) and checks that its genesis builds to Westend's known genesis hash.
 */
class WestendRawSpecTest {
    private static ChainSpec westend;
    private static JsonNode expected;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = WestendRawSpecTest.class.getResourceAsStream("westend/westend-raw.json")) {
            westend = ChainSpecJson.read(in);
        }
        try (InputStream in = WestendRawSpecTest.class.getResourceAsStream("westend/westend-genesis-expected.json")) {
            expected = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void readsTheSubstrateFieldsOfWestend() {
        assertThat(westend.name()).isEqualTo("Westend");
        assertThat(westend.id()).isEqualTo("westend2");
        assertThat(westend.protocolId()).contains("wnd2");
        assertThat(westend.properties()).isEqualTo(new ChainProperties(42, 12, "WND"));
        assertThat(westend.bootNodes()).hasSize(32).allMatch(b -> b.contains("/p2p/12D3KooW"));
        assertThat(westend.telemetryEndpoints()).containsExactly(new TelemetryEndpoint("wss://telemetry.polkadot.io/submit/", 0));
        assertThat(westend.badBlocks()).hasSize(2);
        assertThat(westend.consensus()).isEmpty();
        assertThat(westend.isRaw()).isTrue();
        assertThat(((RawGenesis) westend.genesis()).size()).isEqualTo(expected.get("topEntries").asInt());
        assertThat(((RawGenesis) westend.genesis()).get(Hex.decode("0x3a636f6465"))).isPresent();
    }

    @Test
    void buildsWestendsKnownGenesisHashWithLayoutV0() {
        GenesisBlock block = GenesisBuilder.buildRaw((RawGenesis) westend.genesis(), TrieLayout.V0);
        assertThat(block.stateRoot().toHex()).isEqualTo(expected.get("stateRoot").asText());
        assertThat(block.header().extrinsicsRoot().toHex()).isEqualTo(expected.get("extrinsicsRoot").asText());
        assertThat(Hex.encode(block.header().encode())).isEqualTo(expected.get("headerScale").asText());
        assertThat(block.hash().toHex())
                .isEqualTo(expected.get("genesisHash").asText())
                .isEqualTo("0xe143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e");
    }

    @Test
    void theZklayerRuntimesLayoutV1GivesTheOtherRoot() {
        GenesisBlock v1 = GenesisBuilder.zklayer().build(westend);
        assertThat(v1.layout()).isEqualTo(TrieLayout.V1);
        assertThat(v1.stateRoot().toHex()).isEqualTo(expected.get("stateRootV1_wrongForThisGenesis").asText());
    }

    @Test
    void westendWrittenBackReadsEqualAndBuildsTheSameHash() {
        String json = ChainSpecJson.write(westend, false);
        ChainSpec again = ChainSpecJson.read(json);
        assertThat(again).isEqualTo(westend);
        assertThat(GenesisBuilder.buildRaw((RawGenesis) again.genesis(), TrieLayout.V0).hash().toHex())
                .isEqualTo(expected.get("genesisHash").asText());
    }

    @Test
    void theRuntimesGenesisStorageKeysAreTheOnesWestendUses() {
        RawGenesis raw = (RawGenesis) westend.genesis();
        assertThat(raw.get(BalancesStorage.TOTAL_ISSUANCE.key())).isPresent();
        assertThat(raw.get(SudoPallet.KEY.key())).hasValueSatisfying(v -> assertThat(v).hasSize(32));
        byte[] validators = raw.get(SessionPallet.VALIDATORS.key()).orElseThrow();
        List<AccountId32> decoded = ScaleCodecs.vec(AccountId32.CODEC).decode(validators);
        assertThat(decoded).isNotEmpty();
        byte[] prefix = SystemStorage.ACCOUNT.prefix();
        List<byte[]> accountKeys = raw.entries().stream().map(Map.Entry::getKey)
                .filter(k -> k.length == prefix.length + 16 + 32 && Arrays.equals(k, 0, prefix.length, prefix, 0, prefix.length))
                .toList();
        assertThat(accountKeys).hasSize(5);
        for (byte[] key : accountKeys) {
            AccountId32 who = AccountId32.of(Arrays.copyOfRange(key, key.length - 32, key.length));
            assertThat(SystemStorage.ACCOUNT.key(who)).as("Blake2_128Concat key of %s", who).isEqualTo(key);
        }
    }
}
