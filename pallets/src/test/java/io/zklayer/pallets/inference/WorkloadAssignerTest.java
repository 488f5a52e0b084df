package io.zklayer.pallets.inference;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.H256;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class WorkloadAssignerTest {
    private static AccountId32 node(int i) {
        byte[] b = new byte[32];
        b[0] = (byte) i;
        return AccountId32.of(b);
    }

    @Provide
    Arbitrary<List<WorkloadAssigner.Candidate>> candidates() {
        return Combinators.combine(Arbitraries.integers().between(0, 255), Arbitraries.longs().between(0, 1_000_000))
                .as((i, spare) -> new WorkloadAssigner.Candidate(node(i), spare))
                .list().ofMinSize(0).ofMaxSize(12).uniqueElements(WorkloadAssigner.Candidate::node);
    }

    @Provide
    Arbitrary<H256> hashes() {
        return Arbitraries.bytes().array(byte[].class).ofSize(32).map(H256::of);
    }

    @Property(tries = 300)
    void theSameParentHashWorkloadAndCandidatesGiveTheSameNode(@ForAll("hashes") H256 parent,
            @ForAll @LongRange(min = 0, max = 1_000_000) long id, @ForAll @IntRange(min = 0, max = 5) int attempt,
            @ForAll @LongRange(min = 1, max = 500_000) long units, @ForAll("candidates") List<WorkloadAssigner.Candidate> c) {
        Optional<AccountId32> first = WorkloadAssigner.pick(parent, id, attempt, units, c);
        Optional<AccountId32> again = WorkloadAssigner.pick(H256.of(parent.bytes().clone()), id, attempt, units,
                List.copyOf(c));
        assertThat(again).isEqualTo(first);
    }

    @Property(tries = 300)
    void thePickAlwaysHasTheUnitsSpareAndIsEmptyOnlyWhenNoCandidateHas(@ForAll("hashes") H256 parent,
            @ForAll @LongRange(min = 0, max = 1000) long id, @ForAll @LongRange(min = 1, max = 500_000) long units,
            @ForAll("candidates") List<WorkloadAssigner.Candidate> c) {
        Optional<AccountId32> pick = WorkloadAssigner.pick(parent, id, 0, units, c);
        boolean anyFits = c.stream().anyMatch(x -> x.spare() >= units);
        assertThat(pick.isPresent()).isEqualTo(anyFits);
        pick.ifPresent(p -> assertThat(c.stream().filter(x -> x.node().equals(p)).findFirst().orElseThrow().spare())
                .isGreaterThanOrEqualTo(units));
    }

    @Test
    void picksAreWeightedBySpareCapacity() {
        List<WorkloadAssigner.Candidate> c = List.of(new WorkloadAssigner.Candidate(node(1), 10),
                new WorkloadAssigner.Candidate(node(2), 30), new WorkloadAssigner.Candidate(node(3), 5));
        Random seeded = new Random(42);
        int[] counts = new int[4];
        int draws = 4000;
        for (int i = 0; i < draws; i++) {
            byte[] h = new byte[32];
            seeded.nextBytes(h);
            AccountId32 p = WorkloadAssigner.pick(H256.of(h), i, 0, 10, c).orElseThrow();
            counts[p.bytes()[0]]++;
        }
        assertThat(counts[3]).as("5 spare units cannot take a 10-unit workload").isZero();
        // Expected shares 1/4 and 3/4; 4000 draws keep each within a few standard deviations (±0.03).
        assertThat(counts[1] / (double) draws).isBetween(0.22, 0.28);
        assertThat(counts[2] / (double) draws).isBetween(0.72, 0.78);
    }

    @Test
    void anotherParentHashOrAttemptDrawsAfresh() {
        List<WorkloadAssigner.Candidate> c = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            c.add(new WorkloadAssigner.Candidate(node(i), 100));
        }
        java.util.Set<AccountId32> seen = new java.util.HashSet<>();
        for (int attempt = 0; attempt < 40; attempt++) {
            seen.add(WorkloadAssigner.pick(H256.ZERO, 7, attempt, 1, c).orElseThrow());
        }
        assertThat(seen).hasSize(8);
        assertThat(WorkloadAssigner.seed(H256.ZERO, 7, 0)).isNotEqualTo(WorkloadAssigner.seed(H256.ZERO, 7, 1))
                .isNotEqualTo(WorkloadAssigner.seed(H256.blake2b256Of(new byte[0]), 7, 0));
    }
}
