package io.zklayer.pallets.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.primitives.types.H256;
import io.zklayer.runtime.EpochSchedule;
import io.zklayer.runtime.Pallet;
import io.zklayer.runtime.RuntimeContext;
import io.zklayer.runtime.TestChain;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class EpochChangeTest {
    @Test
    void blocksOneToLAreEpochZeroAndBlockLIsItsLast() {
        EpochSchedule s = new EpochSchedule(10);
        assertThat(s.epochOf(1)).isZero();
        assertThat(s.epochOf(10)).isZero();
        assertThat(s.epochOf(11)).isEqualTo(1);
        assertThat(s.isLastBlockOfEpoch(10)).isTrue();
        assertThat(s.isLastBlockOfEpoch(11)).isFalse();
        assertThat(s.isLastBlockOfEpoch(0)).isFalse();
        assertThat(s.firstBlock(2)).isEqualTo(21);
        assertThat(s.lastBlock(2)).isEqualTo(30);
        assertThatThrownBy(() -> s.epochOf(0)).hasMessageContaining("block #0 is in no epoch");
        assertThatThrownBy(() -> new EpochSchedule(0)).hasMessageContaining("epoch length 0 is outside 1…1000000");
    }

    @Property(tries = 200)
    void everyBlockLiesBetweenTheFirstAndLastBlockOfItsEpoch(@ForAll @LongRange(min = 1, max = 1000) long length,
                                                              @ForAll @LongRange(min = 1, max = 1_000_000) long number) {
        EpochSchedule s = new EpochSchedule(length);
        long e = s.epochOf(number);
        assertThat(number).isBetween(s.firstBlock(e), s.lastBlock(e));
        assertThat(s.isLastBlockOfEpoch(number)).isEqualTo(number == s.lastBlock(e));
    }

    @Test
    void genesisStoresTheEpochLengthWithEpochZeroAndZeroRandomness() {
        TestChain chain = TestChain.builder().epochLength(3).build();
        assertThat(SessionPallet.epochSchedule(chain.bestState())).isEqualTo(new EpochSchedule(3));
        assertThat(SessionPallet.currentEpoch(chain.bestState())).isZero();
        assertThat(SessionPallet.epochRandomness(chain.bestState())).isEqualTo(H256.ZERO);
    }

    @Test
    void theLastBlockOfAnEpochAdvancesTheEpochAndChainsTheRandomnessFromItsParentHash() {
        TestChain chain = TestChain.builder().epochLength(3).build();
        chain.block();
        chain.block();
        assertThat(SessionPallet.currentEpoch(chain.bestState())).isZero();
        H256 parentOfBlock3 = chain.bestHash();
        chain.block();
        H256 expected = SessionPallet.nextRandomness(H256.ZERO, parentOfBlock3);
        assertThat(SessionPallet.currentEpoch(chain.bestState())).isEqualTo(1);
        assertThat(SessionPallet.epochRandomness(chain.bestState())).isEqualTo(expected);
        assertThat(chain.events(SessionEvent.CODEC, SessionPallet.INDEX))
                .containsExactly(new SessionEvent.NewEpoch(1, expected));
        chain.block();
        assertThat(chain.events(SessionEvent.CODEC, SessionPallet.INDEX)).isEmpty();
        chain.block();
        H256 parentOfBlock6 = chain.bestHash();
        chain.block();
        assertThat(SessionPallet.currentEpoch(chain.bestState())).isEqualTo(2);
        assertThat(SessionPallet.epochRandomness(chain.bestState()))
                .isEqualTo(SessionPallet.nextRandomness(expected, parentOfBlock6));
    }

    @Test
    void theExecutiveRunsEveryPalletsHookInIndexOrderAfterSessionStoredTheNewEpoch() {
        List<String> calls = new ArrayList<>();
        Pallet late = new Pallet() {
            @Override
            public int index() {
                return 200;
            }

            @Override
            public String name() {
                return "Recorder";
            }

            @Override
            public void onEpochChange(RuntimeContext ctx, long newEpoch) {
                calls.add("#" + ctx.blockNumber() + " -> " + newEpoch + " (session says "
                        + SessionPallet.currentEpoch(ctx.storage()) + ")");
            }
        };
        TestChain chain = TestChain.builder().epochLength(2).extraPallet(late).build();
        for (int i = 0; i < 5; i++) {
            chain.block();
        }
        assertThat(calls).containsExactly("#2 -> 1 (session says 1)", "#4 -> 2 (session says 2)");
    }
}
