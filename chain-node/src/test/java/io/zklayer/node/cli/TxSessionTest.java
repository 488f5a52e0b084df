package io.zklayer.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TxSessionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void statusesPrintAsSubstrateNamesThem() throws Exception {
        assertThat(TxSession.describeStatus(JSON.readTree("\"ready\""))).isEqualTo("ready");
        assertThat(TxSession.describeStatus(JSON.readTree("{\"inBlock\":\"0x12\"}"))).isEqualTo("inBlock 0x12");
        assertThat(TxSession.describeStatus(JSON.readTree("{\"broadcast\":[\"12D3\"]}"))).isEqualTo("broadcast [\"12D3\"]");
        assertThat(TxSession.describeStatus(JSON.readTree("{\"a\":1,\"b\":2}"))).isEqualTo("{\"a\":1,\"b\":2}");
    }

    @Test
    void theKindOfAStatusIsItsTextOrItsOnlyField() throws Exception {
        assertThat(TxSession.statusKind(JSON.readTree("\"future\""))).isEqualTo("future");
        assertThat(TxSession.statusKind(JSON.readTree("{\"finalized\":\"0x12\"}"))).isEqualTo("finalized");
        assertThat(TxSession.statusKind(JSON.readTree("{\"usurped\":\"0x34\"}"))).isEqualTo("usurped");
        assertThat(TxSession.statusKind(JSON.readTree("7"))).isEmpty();
    }

    @Test
    void headerNumbersPrintInDecimal() throws Exception {
        assertThat(TxSession.blockNumber(JSON.readTree("\"0x1f\""))).isEqualTo("31");
        assertThat(TxSession.blockNumber(JSON.readTree("\"0xffffffff\""))).isEqualTo("4294967295");
        assertThat(TxSession.blockNumber(JSON.readTree("\"0x1ffffffff\""))).isEqualTo("0x1ffffffff");
        assertThat(TxSession.blockNumber(JSON.readTree("7"))).isEqualTo("7");
        assertThat(TxSession.blockNumber(JSON.readTree("null"))).isEqualTo("?");
    }
}
