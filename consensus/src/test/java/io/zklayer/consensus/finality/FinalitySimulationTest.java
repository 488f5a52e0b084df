package io.zklayer.consensus.finality;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.consensus.ChainHead;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.H256;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FinalitySimulationTest {

    private static void assertAllAgreeAtEveryHeight(Simulation sim) {
        assertThat(sim.safetyViolation()).isEmpty();
        for (Simulation.Node node : sim.honest()) {
            assertThat(node.chain.finalizedByHeight.keySet())
                    .as("node %d has a finalized block at every height up to its head", node.index)
                    .hasSize((int) node.chain.finalized().number() + 1);
        }
    }

    @Test
    void fourVotersKeepFinalizingAndAgreeOnEveryHeight() {
        Simulation sim = new Simulation(1, 4, 0, 20, 150);
        sim.start();
        sim.run(30_000);
        assertThat(sim.minFinalized(sim.honest())).isGreaterThanOrEqualTo(25);
        assertAllAgreeAtEveryHeight(sim);
        assertThat(sim.voteEquivocations).isEmpty();
        assertThat(sim.network.reports).allMatch(r -> r.endsWith("USEFUL_FINALITY_PROOF"));
    }

    @Test
    void sevenVotersKeepFinalizingAndAgreeOnEveryHeight() {
        Simulation sim = new Simulation(2, 7, 0, 20, 150);
        sim.start();
        sim.run(30_000);
        assertThat(sim.minFinalized(sim.honest())).isGreaterThanOrEqualTo(25);
        assertAllAgreeAtEveryHeight(sim);
        assertThat(sim.voteEquivocations).isEmpty();
    }

    @Test
    void withOneOfFourOfflineFinalityContinues() {
        Simulation sim = new Simulation(3, 4, 0, 20, 150);
        sim.start();
        sim.run(5_000);
        sim.setOnline(3, false);
        long before = sim.minFinalized(sim.honest().subList(0, 3));
        sim.run(20_000);
        assertThat(sim.minFinalized(sim.honest().subList(0, 3))).isGreaterThanOrEqualTo(before + 12);
        sim.setOnline(3, true);
        sim.run(10_000);
        assertThat(sim.nodes.get(3).chain.finalized().number()).isGreaterThanOrEqualTo(before + 12);
        assertAllAgreeAtEveryHeight(sim);
    }

    @Test
    void withTwoOfFourOfflineFinalityStallsAndResumesWhenTheyReturn() {
        Simulation sim = new Simulation(4, 4, 0, 20, 150);
        sim.start();
        sim.run(8_000);
        sim.setOnline(2, false);
        sim.setOnline(3, false);
        sim.run(3_000);
        List<Simulation.Node> online = sim.honest().subList(0, 2);
        long stalled = online.stream().mapToLong(n -> n.chain.finalized().number()).max().orElseThrow();
        long best = online.get(0).chain.best().number();
        sim.run(15_000);
        assertThat(online.get(0).chain.best().number()).as("blocks continue").isGreaterThan(best + 5);
        assertThat(online.stream().mapToLong(n -> n.chain.finalized().number()).max().orElseThrow())
                .as("finality stalls without a supermajority").isEqualTo(stalled);
        sim.setOnline(2, true);
        sim.setOnline(3, true);
        sim.run(15_000);
        assertThat(sim.minFinalized(sim.honest())).as("finality resumes").isGreaterThan(stalled + 15);
        assertAllAgreeAtEveryHeight(sim);
    }

    @Test
    void votersRestartedFromTheirSnapshotsResumeWithoutEquivocating() {
        Simulation sim = new Simulation(5, 4, 0, 20, 150);
        sim.start();
        sim.run(10_000);
        long before = sim.minFinalized(sim.honest());
        for (int i = 0; i < 4; i++) {
            sim.restart(i);
        }
        sim.run(20_000);
        assertThat(sim.minFinalized(sim.honest())).isGreaterThan(before + 12);
        assertThat(sim.voteEquivocations).as("an honest voter never signs twice in a round").isEmpty();
        assertAllAgreeAtEveryHeight(sim);
    }

    @Test
    void aByzantineVotersEquivocationsAreDetectedAsCheckableEvidence() {
        Simulation sim = new Simulation(6, 4, 1, 20, 150);
        sim.start();
        sim.run(15_000);
        AccountId32 byzantine = AccountId32.of(sim.keys.get(3).publicKey().bytes());
        assertThat(sim.voteEquivocations).isNotEmpty();
        for (VoteEquivocation e : sim.voteEquivocations) {
            assertThat(e.offender()).isEqualTo(byzantine);
            assertThat(e.check()).isEmpty();
            assertThat(VoteEquivocation.CODEC.decode(e.encode())).isEqualTo(e);
        }
        assertThat(sim.minFinalized(sim.honest())).as("three honest voters still finalize").isGreaterThanOrEqualTo(8);
        assertAllAgreeAtEveryHeight(sim);
    }

    @Test
    void authoritySetsHandOverAtEpochBoundariesWithTheOldSetFinalizingTheLastBlock() {
        long epoch = 8;
        // five nodes; set s leaves out voter (s mod 5)
        Simulation sim = new Simulation(7, 5, 0, 20, 150, epoch,
                (id, all) -> all.stream().filter(a -> all.indexOf(a) != (int) (id % 5)).toList());
        sim.start();
        sim.run(40_000);
        long fin = sim.minFinalized(sim.honest());
        assertThat(fin).as("finality crosses several set boundaries").isGreaterThan(3 * epoch);
        assertAllAgreeAtEveryHeight(sim);
        for (Simulation.Node node : sim.honest()) {
            for (long s = 0; (s + 1) * epoch <= node.chain.finalized().number(); s++) {
                long last = (s + 1) * epoch;
                H256 hash = node.chain.finalizedByHeight.get(last);
                GrandpaJustification j = node.chain.justifications.get(hash);
                assertThat(j).as("node %d stores a justification for #%d, the last block of set %d", node.index, last, s)
                        .isNotNull();
                ChainHead target = new ChainHead(hash, last);
                assertThat(JustificationVerifier.verify(j, sim.sets.apply(s), Optional.of(target)))
                        .isInstanceOf(JustificationVerifier.Result.Valid.class);
                assertThat(JustificationVerifier.verify(j, sim.sets.apply(s + 1), Optional.of(target)))
                        .as("the next set did not sign it").isInstanceOf(JustificationVerifier.Result.Invalid.class);
            }
        }
    }
}
