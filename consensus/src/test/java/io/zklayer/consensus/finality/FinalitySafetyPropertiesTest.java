package io.zklayer.consensus.finality;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Safety under attack: among {@code 3f + 1} voters, {@code f} are Byzantine (they sign two
 * different prevotes and precommits in every round for random blocks, often on conflicting forks,
 * send each to a different half of the network, author two forks per slot and answer catch-ups
 * with junk), and the network delays every message by a random amount up to {@code maxDelay}, so
 * messages are reordered. No two honest nodes may ever finalize different blocks at one height.
 */
class FinalitySafetyPropertiesTest {

    @Property(tries = 12, seed = "20251122")
    void noTwoConflictingBlocksAreFinalizedWithFByzantineAmongThreeFPlusOne(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
            @ForAll @IntRange(min = 1, max = 2) int f,
            @ForAll @IntRange(min = 30, max = 1500) int maxDelay) {
        int n = 3 * f + 1;
        Simulation sim = new Simulation(seed, n, f, 5, maxDelay);
        sim.start();
        sim.run(20_000);
        assertThat(sim.safetyViolation()).isEmpty();
        for (VoteEquivocation e : sim.voteEquivocations) {
            assertThat(e.check()).as("equivocation evidence is valid").isEmpty();
        }
    }

    @Property(tries = 6, seed = "20251123")
    void noTwoConflictingBlocksAreFinalizedAcrossSetChangesUnderAttack(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
            @ForAll @IntRange(min = 30, max = 800) int maxDelay) {
        // 5 nodes, the last Byzantine; each set of 4 leaves out one honest voter in turn, so every set has one Byzantine voter
        Simulation sim = new Simulation(seed, 5, 1, 5, maxDelay, 6,
                (id, all) -> all.stream().filter(a -> all.indexOf(a) != (int) (id % 4)).toList());
        sim.start();
        sim.run(20_000);
        assertThat(sim.safetyViolation()).isEmpty();
    }
}
