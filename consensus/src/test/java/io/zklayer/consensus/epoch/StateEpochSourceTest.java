package io.zklayer.consensus.epoch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.consensus.ChainFixture;
import io.zklayer.consensus.MemoryChainBackend;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.H256;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StateEpochSourceTest {
    private final ChainFixture fx = new ChainFixture(7, DevAccounts.ALICE, DevAccounts.BOB, DevAccounts.CHARLIE);
    private final MemoryChainBackend backend = fx.backend();

    @Test
    void genesisHoldsEpochZeroWithTheGenesisSetAndZeroRandomness() {
        EpochData e = new StateEpochSource(backend).epochAfter(backend.genesis().hash());
        assertThat(e).isEqualTo(new EpochData(0, fx.validators, H256.ZERO));
        assertThat(new StateEpochSource(backend).epochLength()).isEqualTo(7);
        assertThat(new StateEpochSource(backend).epochOf(7)).isZero();
        assertThat(new StateEpochSource(backend).epochOf(8)).isEqualTo(1);
        assertThat(new StateEpochSource(backend).lastBlockOf(1)).isEqualTo(14);
    }

    @Test
    void aConfiguredLengthMustMatchTheState() {
        assertThat(new StateEpochSource(backend, 7).epochLength()).isEqualTo(7);
        assertThatThrownBy(() -> new StateEpochSource(backend, 10).epochLength())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Session.EpochLength = 7");
    }

    @Test
    void theAuthorOrderIsAPermutationThatDependsOnTheRandomness() {
        List<AccountId32> zero = AuthorOrder.order(new EpochData(0, fx.validators, H256.ZERO));
        assertThat(zero).containsExactlyInAnyOrderElementsOf(fx.validators);
        Set<List<AccountId32>> orders = new HashSet<>();
        for (int i = 0; i < 32; i++) {
            orders.add(AuthorOrder.order(new EpochData(1, fx.validators, H256.blake2b256Of(new byte[] {(byte) i}))));
        }
        assertThat(orders).as("different randomness gives different orders").hasSizeGreaterThan(1);
        List<AccountId32> reversed = new java.util.ArrayList<>(fx.validators);
        java.util.Collections.reverse(reversed);
        assertThat(AuthorOrder.order(new EpochData(0, reversed, H256.ZERO)))
                .as("the runtime's listing order does not matter").isEqualTo(zero);
        for (long slot = 0; slot < 6; slot++) {
            assertThat(AuthorOrder.authorOf(slot, new EpochData(0, fx.validators, H256.ZERO))).isEqualTo(zero.get((int) (slot % 3)));
        }
    }
}
