package io.zklayer.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zklayer.primitives.types.H256;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ChainInfoTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GENESIS = "\"0x" + "ab".repeat(32) + "\"";
    private static final String VERSION = "{\"specName\":\"zklayer\",\"implName\":\"zklayer-node\",\"specVersion\":1,"
            + "\"transactionVersion\":2,\"stateVersion\":1}";

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static ChainInfo info(String genesis, String version, String properties) throws Exception {
        return ChainInfo.of(json(genesis), json(version), json(properties));
    }

    @Test
    void readsWhatSigningAndAmountsNeed() throws Exception {
        ChainInfo info = info(GENESIS, VERSION, "{\"ss58Format\":42,\"tokenDecimals\":12,\"tokenSymbol\":\"ZKL\"}");

        assertThat(info).isEqualTo(new ChainInfo(H256.fromHex("0x" + "ab".repeat(32)), "zklayer", 1, 2, OptionalInt.of(12),
                "ZKL", 42));
        assertThat(info.address(new byte[32])).isEqualTo("5C4hrfjw9DjXZTzV3MwzrrAr9P1MJhSrvWGWqi1eSuyUpnhM");
    }

    @Test
    void takesTheFirstTokenOfMultiTokenChainsAndDefaultsWhatIsMissing() throws Exception {
        ChainInfo multi = info(GENESIS, VERSION, "{\"ss58Format\":0,\"tokenDecimals\":[10,12],\"tokenSymbol\":[\"DOT\",\"X\"]}");
        assertThat(multi.tokenDecimals()).hasValue(10);
        assertThat(multi.tokenSymbol()).isEqualTo("DOT");
        assertThat(multi.ss58Format()).isZero();

        ChainInfo bare = info(GENESIS, VERSION, "{}");
        assertThat(bare.tokenDecimals()).isEmpty();
        assertThat(bare.tokenSymbol()).isEqualTo("units");
        assertThat(bare.ss58Format()).isEqualTo(42);
    }

    @Test
    void answersOfTheWrongShapeNameTheMethod() {
        assertThatThrownBy(() -> info("null", VERSION, "{}")).isInstanceOf(IllegalStateException.class)
                .hasMessage("the node answered chain_getBlockHash(0) with null, not a 32-byte 0x-hex hash");
        assertThatThrownBy(() -> info("\"0x1234\"", VERSION, "{}")).hasMessageContaining("chain_getBlockHash(0)");
        assertThatThrownBy(() -> info(GENESIS, "{\"specName\":\"zklayer\",\"specVersion\":-1}", "{}"))
                .hasMessageStartingWith("the node's state_getRuntimeVersion has no u32 specVersion");
        assertThatThrownBy(() -> info(GENESIS, "{\"specVersion\":1}", "{}"))
                .hasMessageStartingWith("the node's state_getRuntimeVersion has no specName");
        assertThatThrownBy(() -> info(GENESIS, VERSION, "{\"tokenDecimals\":39}"))
                .hasMessage("the node's system_properties has tokenDecimals 39, not 0…38");
        assertThatThrownBy(() -> info(GENESIS, VERSION, "{\"ss58Format\":16384}"))
                .hasMessage("the node's system_properties has ss58Format 16384, not 0…16383");
        assertThatThrownBy(() -> info(GENESIS, VERSION, "[]"))
                .hasMessage("the node's system_properties is not an object: []");
    }
}
