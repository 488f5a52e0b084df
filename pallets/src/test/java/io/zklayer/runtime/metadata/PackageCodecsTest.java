package io.zklayer.runtime.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.pallets.balances.BalancesPallet;
import io.zklayer.primitives.codec.ScaleCodec;
import org.junit.jupiter.api.Test;

class PackageCodecsTest {
    @Test
    void findsThePublicCodecConstantsOfAPalletsPackageNestedClassesIncluded() {
        assertThat(PackageCodecs.of(BalancesPallet.class)).extracting(ScaleCodec::typeName)
                .containsExactly("BalancesCall", "BalancesEvent", "ReserveData");
    }

    @Test
    void aClassFromNoClassPathEntryHasNoCodecs() {
        assertThat(PackageCodecs.of(String.class)).isEmpty();
    }
}
