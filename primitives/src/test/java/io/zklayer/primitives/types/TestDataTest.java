package io.zklayer.primitives.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.primitives.TestData;
import org.junit.jupiter.api.Test;

class TestDataTest {

    @Test
    void sameSeedGivesSameValues() {
        TestData a = new TestData(99);
        TestData b = new TestData(99);
        assertThat(a.header()).isEqualTo(b.header());
        assertThat(a.block()).isEqualTo(b.block());
        assertThat(a.signedExtrinsic(a.ed25519Key(), a.call())).isEqualTo(b.signedExtrinsic(b.ed25519Key(), b.call()));
        assertThat(a.genesisHash()).isEqualTo(b.genesisHash());
    }

    @Test
    void differentSeedsGiveDifferentValues() {
        assertThat(new TestData(1).h256()).isNotEqualTo(new TestData(2).h256());
        assertThat(new TestData(1).accountId()).isNotEqualTo(new TestData(2).accountId());
    }
}
